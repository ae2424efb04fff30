/**
 * Rule documentation from one builder: each rule kind says what its rules
 * check (from the options it decoded at load), and the docs page, the
 * editor's docs and `clauselint explain` lay out the same facts.
 */
import * as assert from 'assert';
import { ENGINE_RULES } from '../../server/src/engine/engineRules';
import { markdownOf, ruleDocMarkdown } from '../../server/src/engine/ruleDocs/markdown';
import { engineRuleFacts, ruleFacts } from '../../server/src/engine/ruleDocs/ruleFacts';
import { textOf } from '../../server/src/engine/ruleDocs/text';
import { RuleSet } from '../../server/src/engine/types';
import { packFromYaml } from '../helpers';

const PACK = `pack: { id: t, version: 1.0.0 }
terms:
  grant: { phrases: [any lawful purpose] }
  hedge: { phrases: [reasonable efforts] }
  carve: { phrases: [shall not use] }
  audit: { phrases: [may audit] }
kinds:
  broad: { title: Broad-use grant, detect: [{ terms: grant }] }
  carve-out: { title: Carve-out, detect: [{ terms: carve }] }
  audit-rights: { title: Audit right, detect: [{ terms: audit }] }
clauses:
  audit-clause: { kind: audit-rights, title: audit right, body: "The \${1:Customer} may audit the Provider." }
rules:
  hedge: { kind: flag, terms: hedge, message: m, fix: { replace: "will" } }
  grant: { kind: flag, clause: broad, qualifiedBy: [carve-out], message: m }
  audit: { kind: require, clause: audit-rights, message: m, fix: { clauses: [audit-clause] } }
  grant-audit: { kind: conditional, if: broad, then: audit-rights, message: m }
  grant-audit-doc: { kind: conditional, if: broad, then: [audit-rights, carve-out], scope: document, message: m }
  defined: { kind: definition, terms: grant, message: m }
`;

function ruleSet(): RuleSet {
  const config = packFromYaml(PACK);
  assert.deepStrictEqual(config.errors, []);
  return config.merged.compiled.ruleSet;
}

const plain = { bold: (s: string) => s, gray: (s: string) => s };

describe('rule docs: each kind describes its rules', () => {
  const rules = ruleSet();
  const what = (name: string) => ruleFacts(rules.rules.find((r) => r.name === name)!, rules).what;

  it('says what a rule checks in terms of its clause kinds', () => {
    assert.strictEqual(what('hedge'), 'Flags the words listed in its term set.');
    assert.strictEqual(what('grant'), 'Flags each broad-use grant that no carve-out narrows.');
    assert.strictEqual(what('audit'), 'Requires an audit right somewhere in the document.');
    assert.strictEqual(what('defined'), 'Flags each use of a defined term whose definition is broad.');
  });

  it('names the scope a conditional rule runs in: the same section unless the pack says otherwise', () => {
    assert.strictEqual(what('grant-audit'), 'Where the document has a broad-use grant, requires an audit right in the same section.');
    assert.strictEqual(what('grant-audit-doc'), 'Where the document has a broad-use grant, requires an audit right and a carve-out in the document.');
  });
});

describe('rule docs: one set of facts, laid out for a page and for the terminal', () => {
  const rules = ruleSet();
  const audit = rules.rules.find((r) => r.name === 'audit')!;

  it('a docs page lists the kind, the fixes and the examples', () => {
    const page = ruleDocMarkdown(audit, rules);
    assert.match(page, /^# t\/audit\n\n\*\*Kind:\*\* `require` · \*\*Default severity:\*\* warning\n\nRequires an audit right somewhere in the document\.\n/);
    assert.match(page, /## Quick fixes\n\n- Insert the audit right clause \(`audit-clause`\)\.\n- Suppress it here/);
    assert.match(page, /## Examples\n\nReported:\n\nNot reported:\n$/);
  });

  it('explain prints the same facts as rows, the file shown as the caller wants', () => {
    const text = textOf(ruleFacts(audit, rules), plain, () => 'pack.yaml');
    assert.match(text, /^t\/audit\n  pack         t  \(pack\.yaml:\d+\)\n  kind         require\n  severity     warning\n  applies      to every document\n/);
    assert.match(text, /\n  fix          insert clause "audit right" \(audit-clause\)\n/);
  });

  it("a finding the engine reports itself is documented by its id, severity and description alone", () => {
    for (const rule of ENGINE_RULES) {
      assert.strictEqual(markdownOf(engineRuleFacts(rule)), `# ${rule.id}\n\n${rule.description}\n`);
      const text = textOf(engineRuleFacts(rule), plain, (f) => f);
      assert.strictEqual(text, `${rule.id}\n  pack         clauselint (reported by the engine itself)\n  severity     ${rule.severity}\n\n  ${rule.description}\n`);
    }
  });
});
