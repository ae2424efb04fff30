/**
 * No code from a pack runs and a pack cannot touch JavaScript's prototypes:
 * language tags are errors, `__proto__` / `constructor` / `prototype` are only
 * names, merge keys are not merged, and code-shaped strings stay text.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { LoadedConfig } from '../../server/src/packs/config';
import { lint, packFromYaml, tempDir } from '../helpers';

type Global = typeof globalThis & { clauselintRan?: boolean };

function assertNothingPolluted(config: LoadedConfig): void {
  assert.strictEqual(({} as { polluted?: unknown }).polluted, undefined);
  assert.ok(!Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted'));
  assert.strictEqual((globalThis as Global).clauselintRan, undefined);
  for (const rule of config.merged.compiled.ruleSet.rules) {
    assert.strictEqual(Object.getPrototypeOf(rule.options), Object.prototype, `${rule.id}'s options`);
    assert.strictEqual(Object.getPrototypeOf(rule), Object.prototype, rule.id);
  }
}

const RULE_WITH = (value: string) => `pack: { id: tags }
rules:
  r:
    kind: flag
    phrases: [any lawful use]
    message: ${value}
`;

describe('hostile packs: no code runs', () => {
  const tagged = [
    '!!js/function "function () { globalThis.clauselintRan = true }"',
    '!!js/regexp /any lawful use/',
    '!!js/undefined ~',
    '!<tag:yaml.org,2002:js/function> "function () { globalThis.clauselintRan = true }"',
    '!!python/object/apply:os.system ["touch /tmp/clauselint-ran"]',
    '!custom value',
    '!!binary aGVsbG8=',
    '!!set { a, b }',
    '!!timestamp 2024-01-01',
    '!!omap [ a: 1 ]',
  ];
  for (const value of tagged) {
    it(`refuses ${value.split(' ')[0]} with an error at its line, and loads nothing from the pack`, () => {
      const config = packFromYaml(RULE_WITH(value));
      assert.deepStrictEqual(
        config.errors.map((e) => `${e.line}:${e.column} ${e.message}`),
        ['6:14 YAML tags such as !!js/function or !custom are not allowed: a pack is plain data (only the core tags !!str, !!int, !!float, !!bool, !!null, !!seq, !!map)'],
      );
      assert.ok(!config.merged.compiled.ruleSet.rules.some((r) => r.pack === 'tags'));
      assertNothingPolluted(config);
    });
  }

  it('accepts the core tags as plain values', () => {
    const config = packFromYaml(RULE_WITH('!!str 42'));
    assert.deepStrictEqual(config.errors, []);
    assert.strictEqual(config.merged.compiled.ruleSet.rules[0].message, '42');
  });

  it('does not merge `<<` keys, even under a %YAML 1.1 directive', () => {
    for (const prefix of ['', '%YAML 1.1\n---\n']) {
      const config = packFromYaml(`${prefix}pack: { id: merge }\nrules:\n  r:\n    <<: { kind: flag, phrases: [any lawful use], message: Merged. }\n`);
      const line = prefix ? 6 : 4;
      assert.ok(config.errors.some((e) => e.line === line && /unknown property "<<"/.test(e.message)), JSON.stringify(config.errors));
      assert.strictEqual(config.merged.compiled.ruleSet.rules.length, 0);
    }
  });

  it('keeps code-shaped phrases, patterns and messages as text', () => {
    const canary = path.join(tempDir(), 'ran');
    const config = packFromYaml(`pack: { id: shaped }
rules:
  r:
    kind: flag
    phrases: ["\${process.exit(1)}", "\`touch ${canary}\`", "$(touch ${canary})", "{{constructor.constructor('return process')().exit()}}"]
    patterns: ["(?{ system('touch ${canary}') })"]
    message: "{constructor} {toString} {__proto__} {valueOf} \${process.exit(1)} [{match}]"
`);
    assert.deepStrictEqual(config.errors.map((e) => `${e.line} ${e.message.split(':')[0]}`), ['6 pattern "(?{ system(\'touch ' + canary + '\') })" rejected']);
    const text = `Use it for \${process.exit(1)} and $(touch ${canary}).`;
    const { findings } = lint(text, config.merged.compiled);
    assert.deepStrictEqual(
      findings.map((f) => f.message),
      ['{constructor} {toString} {__proto__} {valueOf} ${process.exit(1)} [${process.exit(1)}]', `{constructor} {toString} {__proto__} {valueOf} \${process.exit(1)} [$(touch ${canary})]`],
    );
    assert.ok(!fs.existsSync(canary));
    assertNothingPolluted(config);
  });
});

/** A valid pack in block style, one line per mapping, so a key can be added at any level. */
const BASE = [
  'pack:', //                                   1
  '  id: proto', //                             2
  '  version: 1.0.0', //                        3
  'terms:', //                                  4
  '  grant:', //                                5
  '    phrases: [any lawful use]', //           6
  'kinds:', //                                  7
  '  broad:', //                                8
  '    title: Broad grant', //                  9
  '    detect: [{ terms: grant }]', //          10
  'clauses:', //                                11
  '  limit:', //                                12
  '    kind: broad', //                         13
  '    title: Limit', //                        14
  '    body: The Supplier shall not.', //       15
  'conditions:', //                             16
  '  always:', //                               17
  '    anyOf: [{ terms: grant }]', //           18
  'rules:', //                                  19
  '  grant:', //                                20
  '    kind: flag', //                          21
  '    terms: grant', //                        22
  '    message: Broad.', //                     23
  '    fix:', //                                24
  '      clauses: [limit]', //                  25
  '    examples:', //                           26
  '      fire: [any lawful use]', //            27
  '  other:', //                                28
  '    kind: flag', //                          29
  '    phrases: [sole discretion]', //          30
  '    message: Discretion.', //                31
  'overrides:', //                              32
  '  - files: ["drafts/**"]', //                33
  '    rules:', //                              34
  '      grant: off', //                        35
];

/** Where a key can go: after this (1-based) line, at this indentation. */
const LEVELS: [string, number, string][] = [
  ['the top level', 35, ''],
  ['the pack header', 3, '  '],
  ['terms', 4, '  '],
  ['a term set', 6, '    '],
  ['kinds', 7, '  '],
  ['a kind', 10, '    '],
  ['clauses', 11, '  '],
  ['a clause', 15, '    '],
  ['conditions', 16, '  '],
  ['a condition', 18, '    '],
  ['rules', 19, '  '],
  ['a rule', 23, '    '],
  ["a rule's fix", 25, '      '],
  ["a rule's examples", 27, '      '],
  ['an override', 33, '    '],
  ["an override's rules", 35, '      '],
];

describe('hostile packs: prototype keys at every level', () => {
  for (const key of ['__proto__', 'constructor', 'prototype']) {
    for (const [level, after, indent] of LEVELS) {
      it(`${key} in ${level}: a located error, nothing polluted`, () => {
        const lines = [...BASE];
        lines.splice(after, 0, `${indent}${key}: { polluted: yes }`);
        const config = packFromYaml(lines.join('\n') + '\n');
        assert.ok(config.errors.some((e) => e.line === after + 1), `an error at line ${after + 1}: ${JSON.stringify(config.errors)}`);
        assertNothingPolluted(config);
        // A bad rule entry only drops that rule; `__proto__` is not a valid rule name, which sinks the pack like any other bad key.
        const dropsOneRule = ['a rule', "a rule's fix", "a rule's examples"].includes(level) || (level === 'rules' && key !== '__proto__');
        const ids = config.merged.compiled.ruleSet.rules.map((r) => r.id);
        assert.strictEqual(ids.includes('proto/other'), dropsOneRule, ids.join(', '));
      });
    }
  }

  it('a rule, term set or kind may be called constructor or prototype: they are only names', () => {
    const config = packFromYaml(`pack: { id: names }
terms:
  constructor: { phrases: [any lawful use] }
kinds:
  prototype: { title: Broad, detect: [{ terms: constructor }] }
rules:
  constructor: { kind: flag, terms: constructor, message: "Found {match}; {constructor}." }
  prototype: { kind: require, clause: prototype, message: Missing. }
`);
    assert.deepStrictEqual(config.errors, []);
    assert.deepStrictEqual(config.merged.compiled.ruleSet.rules.map((r) => r.id), ['names/constructor', 'names/prototype']);
    const { findings } = lint('Use for any lawful use.', config.merged.compiled);
    assert.deepStrictEqual(findings.map((f) => `${f.ruleId}: ${f.message}`), ['names/constructor: Found any lawful use; {constructor}.']);
    assertNothingPolluted(config);
  });
});
