/** Rule options are decoded once, when the rule set is built: rules run on the typed object alone. */
import * as assert from 'assert';
import { CompiledRuleSet } from '../../server/src/engine/lint';
import { FlagOptions } from '../../server/src/engine/rules/flag';
import { lint, packFromYaml, recommended, summary } from '../helpers';

function pack(yaml: string): CompiledRuleSet {
  const config = packFromYaml(`pack: { id: t, version: 1.0.0 }\n${yaml}`);
  assert.deepStrictEqual(config.errors, []);
  return config.merged.compiled;
}

describe('rule options decoded at load', () => {
  it('a flag rule gets its detector, qualifying kinds and severities as typed values, defaults filled in', () => {
    const compiled = pack(`
terms:
  grant: { phrases: [any lawful purpose] }
  carve: { phrases: [shall not use] }
kinds:
  carve-out: { title: Carve-out, detect: [{ terms: carve }] }
rules:
  grant: { kind: flag, terms: grant, qualifiedBy: carve-out, qualifiedSeverity: info, message: m }
`);
    const options = compiled.ruleSet.rules[0].kindOptions as FlagOptions;
    assert.deepStrictEqual(options.detector, { terms: 'grant', with: [], without: [], within: 'sentence', inSectionTitled: undefined });
    assert.deepStrictEqual(options.qualifying, { kinds: ['carve-out'], all: false, scope: 'document', followReferences: true, bindingGrantee: false });
    assert.strictEqual(options.qualifiedSeverity, 'info');
  });

  it('running the rules never reads the options as the pack wrote them', () => {
    const compiled = recommended();
    const text = 'The Government may use the Services for any lawful purpose.';
    const untouched = lint(text, compiled).findings;
    const unreadable = new Proxy({}, { get: () => assert.fail('a rule read its raw options while running') });
    const rules = compiled.ruleSet.rules.map((r) => ({ ...r, options: unreadable }));
    const findings = lint(text, { ...compiled, ruleSet: { ...compiled.ruleSet, rules } }).findings;
    assert.ok(untouched.length > 0);
    assert.deepStrictEqual(summary(text, findings), summary(text, untouched));
  });
});
