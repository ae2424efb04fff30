/** Quick-fix titles as the menu shows them: short, the clause named by what it covers. */
import * as assert from 'assert';
import { insertClausesShortTitle, replaceShortTitle } from '../../server/src/engine/fixes/titles';

describe('LSP: short quick-fix titles', () => {
  const surveillance = 'prohibited-use carve-out (domestic mass surveillance)';
  const weapons = 'prohibited-use carve-out (autonomous weapons)';
  const escalation = 'escalation and sign-off trigger';

  it('names one clause by its kind and what it covers, without where it goes', () => {
    assert.strictEqual(insertClausesShortTitle([surveillance]), 'Insert carve-out: domestic mass surveillance');
    assert.strictEqual(insertClausesShortTitle([escalation]), 'Insert escalation and sign-off trigger');
  });

  it('lists several clauses of one kind under one plural, and of several kinds by count', () => {
    assert.strictEqual(insertClausesShortTitle([surveillance, weapons]), 'Insert carve-outs: domestic mass surveillance, autonomous weapons');
    assert.strictEqual(insertClausesShortTitle([surveillance, escalation]), 'Insert 2 clauses: domestic mass surveillance, escalation and sign-off…');
  });

  it('quotes a replacement, and cuts a long one at a word', () => {
    assert.strictEqual(replaceShortTitle('within 72 hours'), 'Replace with “within 72 hours”');
    const long = replaceShortTitle('within seventy-two hours of becoming aware of the incident and in any case before any further deployment');
    assert.ok(long.length <= 72 && long.endsWith('…'), long);
  });
});
