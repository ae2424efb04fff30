/** Quick-fix titles as the menu shows them: short, the clause named by what it covers. */
import * as assert from 'assert';
import { ClauseSnippet, FixPlan, RuleSet } from '../../server/src/engine/types';
import { shortFixTitle } from '../../server/src/lsp/fixTitles';

function ruleSetWith(titles: Record<string, string>): RuleSet {
  const clauses = new Map(Object.entries(titles).map(([id, title]) => [id, { id, title } as ClauseSnippet]));
  return { packs: [], termSets: [], kinds: new Map(), conditions: new Map(), clauses, rules: [] };
}

function insertPlan(...clauseIds: string[]): FixPlan {
  return { id: `insert:${clauseIds.join('+')}`, type: 'insert-clause', title: 'long engine title after this clause', edits: clauseIds.map((clauseId) => ({ start: 0, end: 0, text: 'x', clauseId })) };
}

describe('LSP: short quick-fix titles', () => {
  const ruleSet = ruleSetWith({
    surveillance: 'prohibited-use carve-out (domestic mass surveillance)',
    weapons: 'prohibited-use carve-out (autonomous weapons)',
    escalation: 'escalation and sign-off trigger',
    scoring: 'prohibited practice (social scoring)',
  });

  it('names one clause by its kind and what it covers, without where it goes', () => {
    assert.strictEqual(shortFixTitle(insertPlan('surveillance'), ruleSet), 'Insert carve-out: domestic mass surveillance');
    assert.strictEqual(shortFixTitle(insertPlan('escalation'), ruleSet), 'Insert escalation and sign-off trigger');
  });

  it('lists several clauses of one kind under one plural, and of several kinds by count', () => {
    assert.strictEqual(shortFixTitle(insertPlan('surveillance', 'weapons'), ruleSet), 'Insert carve-outs: domestic mass surveillance, autonomous weapons');
    assert.strictEqual(shortFixTitle(insertPlan('surveillance', 'escalation'), ruleSet), 'Insert 2 clauses: domestic mass surveillance, escalation and sign-off…');
  });

  it('quotes a replacement, and cuts a long one at a word', () => {
    const replace = (text: string): FixPlan => ({ id: 'replace:1', type: 'replace', title: 'Replace "x" with "y"', edits: [{ start: 0, end: 1, text }] });
    assert.strictEqual(shortFixTitle(replace('within 72 hours'), ruleSet), 'Replace with “within 72 hours”');
    const long = shortFixTitle(replace('within seventy-two hours of becoming aware of the incident and in any case before any further deployment'), ruleSet);
    assert.ok(long.length <= 72 && long.endsWith('…'), long);
  });
});
