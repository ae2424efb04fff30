/** A rule's fire examples: they pass only when their own rule fires, and on the phrase their `match` names. */
import * as assert from 'assert';
import { checkFireExample, checkPassExample } from '../../server/src/engine/ruleExamples';
import { packFromYaml } from '../helpers';

const PACK = `pack:
  id: probe
  version: 1.0.0
rules:
  vague-notice:
    kind: flag
    phrases: ["as soon as practicable", "promptly"]
    message: 'Vague notice period "{match}".'
    examples:
      fire:
        - text: The Supplier shall tell the Buyer of any outage as soon as practicable.
          match: "As Soon\\tas  practicable"
        - The Supplier shall answer questions promptly.
      pass:
        - The Supplier shall tell the Buyer of any outage within two hours.
  open-use:
    kind: flag
    phrases: ["for any purpose"]
    message: 'Broad use "{match}".'
`;

describe('rule examples (fire: with match)', () => {
  const config = packFromYaml(PACK);
  const { compiled } = config.merged;
  const rule = (name: string) => compiled.ruleSet.rules.find((r) => r.id === `probe/${name}`)!;

  it('reads `{text, match}` and plain-text fire examples from a pack', () => {
    assert.deepStrictEqual(config.errors, []);
    assert.deepStrictEqual(rule('vague-notice').examples.fire, ['The Supplier shall tell the Buyer of any outage as soon as practicable.', 'The Supplier shall answer questions promptly.']);
    assert.deepStrictEqual(rule('vague-notice').examples.fireMatches, ['As Soon\tas  practicable', undefined]);
  });

  it('passes when a finding of the rule covers the phrase, whatever its case and spacing', () => {
    const r = rule('vague-notice');
    r.examples.fire.forEach((text, i) => assert.strictEqual(checkFireExample(r, compiled, text, r.examples.fireMatches[i]).problem, undefined, text));
  });

  it('fails, naming the phrase, when the rule fires elsewhere than the match', () => {
    const outcome = checkFireExample(rule('vague-notice'), compiled, 'The Supplier shall report each defect promptly and fix it within ten days.', 'within ten days');
    assert.strictEqual(outcome.problem, 'reported this rule, but no finding covers "within ten days"');
    assert.deepStrictEqual(outcome.findings.map((f) => f.message), ['Vague notice period "promptly".']);
  });

  it('fails when a match is longer than the finding that covers part of it', () => {
    const outcome = checkFireExample(rule('vague-notice'), compiled, 'The Supplier shall report each defect promptly.', 'report each defect promptly');
    assert.strictEqual(outcome.problem, 'reported this rule, but no finding covers "report each defect promptly"');
  });

  it('fails a fire example on which only another rule would fire', () => {
    const outcome = checkFireExample(rule('vague-notice'), compiled, 'The Buyer may use the reports for any purpose.');
    assert.strictEqual(outcome.problem, 'reported nothing, but should report this rule');
  });

  it('fails a pass example on which the rule fires', () => {
    assert.strictEqual(checkPassExample(rule('vague-notice'), compiled, 'Notice shall be given promptly.').problem, 'reported 1 finding, but should report none');
  });

  it('rejects a fire example object with a key other than text and match', () => {
    const bad = packFromYaml(PACK.replace('          match: "As Soon\\tas  practicable"', '          matches: "as soon as practicable"'));
    assert.match(bad.errors.map((e) => e.message).join('\n'), /unknown property "matches"/);
  });
});
