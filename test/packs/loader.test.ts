import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ConfigLoader, findConfigFile, loadConfig } from '../../server/src/packs/config';
import { PackError } from '../../server/src/packs/errors';
import { lint, packFromYaml, writeTree } from '../helpers';

const MINIMAL = `pack: { id: team, version: 1.0.0 }
terms:
  grant: { phrases: [any lawful use] }
rules:
  grant:
    kind: flag
    terms: grant
    message: Broad.
`;

function where(errors: PackError[]): string[] {
  return errors.map((e) => `${path.basename(e.file)}:${e.line}:${e.column} ${e.message}`);
}

describe('pack loading: located errors', () => {
  it('reports a YAML syntax error with its line and column', () => {
    const { errors } = packFromYaml('pack: { id: team\nrules: [');
    assert.ok(errors.length > 0);
    assert.strictEqual(errors[0].line, 2);
  });

  it('a clause body may use the fill variables and tab stops; any other ${NAME} is a located error naming it', () => {
    const clause = (body: string) => `${MINIMAL}clauses:\n  team-clause:\n    kind: team-kind\n    title: team clause\n    body: "${body}"\n`;
    const ok = packFromYaml(clause('${Holder:[The Customer]} shall log each use of the ${supplied:[Services]} for ${1:three years}; fees in $USD.'));
    assert.deepStrictEqual(where(ok.errors).filter((e) => /clauses/.test(e)), []);
    const bad = packFromYaml(clause('${holder:[the Customer]} shall send ${TM_FILENAME} to ${customer:[X]}.'));
    assert.deepStrictEqual(where(bad.errors).filter((e) => /clauses/.test(e)), [
      'pack.yaml:13:11 clause body uses "${TM_FILENAME": the only variables are ${holder:[fallback]}, ${supplier:[fallback]} and ${supplied:[fallback]} (capitalised to start a sentence), each with a fallback at clauses.team-clause.body',
    ]);
    const noFallback = packFromYaml(clause('${holder} shall not.'));
    assert.match(where(noFallback.errors).join('\n'), /clause body uses "\$\{holder"/);
  });

  it('reports unknown properties at the key, and wrong types at the value', () => {
    const { errors } = packFromYaml(`${MINIMAL}    severty: error\n`);
    assert.deepStrictEqual(where(errors), ['pack.yaml:9:5 unknown property "severty" at rules.grant']);
    const typed = packFromYaml(MINIMAL.replace('message: Broad.', 'message: Broad.\n    severity: loud'));
    assert.deepStrictEqual(where(typed.errors), ['pack.yaml:9:15 must be one of: error, warning, info, hint at rules.grant.severity']);
  });

  it('reports a missing required field of a rule kind', () => {
    const { errors } = packFromYaml(`${MINIMAL}  needs-clause:\n    kind: require\n    message: x\n`);
    assert.deepStrictEqual(where(errors), ['pack.yaml:9:3 missing required property "clause" at rules.needs-clause']);
  });

  it('points at the offending character of a rejected pattern', () => {
    const { errors, merged } = packFromYaml(MINIMAL.replace('{ phrases: [any lawful use] }', `\n    phrases: [any lawful use]\n    patterns:\n      - 'any (lawful)+ use'`));
    assert.deepStrictEqual(where(errors), [`pack.yaml:6:22 pattern "any (lawful)+ use" rejected: unbounded quantifier '+' is not allowed: use a bounded one such as {1,20} (patterns must run in linear time)`]);
    assert.strictEqual(merged.compiled.ruleSet.rules.length, 1, 'the rule keeps its valid phrases');
  });

  it('points at the offending character past escapes and folds in quoted patterns (no drift per escape)', () => {
    const at = (written: string) => {
      const { errors } = packFromYaml(MINIMAL.replace('{ phrases: [any lawful use] }', `\n    phrases: [any lawful use]\n    patterns:\n      - ${written}`));
      return where(errors).map((e) => e.split(' ')[0]);
    };
    // Each pattern is written on line 6 from column 9 (after "      - "); the '+' is where the error must point.
    assert.deepStrictEqual(at(String.raw`"\bany\b \u0028x \x41?)+ y"`), ['pack.yaml:6:32']);
    assert.deepStrictEqual(at(String.raw`"\\d{1,3} (a )+ b"`), ['pack.yaml:6:23']);
    assert.deepStrictEqual(at("'it''s (a )+ b'"), ['pack.yaml:6:20']);
    assert.deepStrictEqual(at(String.raw`"a\U0001F600 (b )+ c"`), ['pack.yaml:6:26']);
    assert.deepStrictEqual(at('"a (b\n        c )+ d"'), ['pack.yaml:7:12'], 'a folded line break');
    assert.deepStrictEqual(at('plain (c )+ d'), ['pack.yaml:6:19']);
  });

  it('drops a rule that refers to an unknown term set, and keeps the others', () => {
    const { errors, merged } = packFromYaml(`${MINIMAL}  other:\n    kind: flag\n    terms: nope\n    message: x\n`);
    assert.deepStrictEqual(where(errors), ['pack.yaml:11:12 rule team/other: unknown term set "nope"']);
    assert.deepStrictEqual(merged.compiled.ruleSet.rules.map((r) => r.id), ['team/grant']);
  });

  it('refuses a YAML alias bomb with a clear error', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 8; i++) bomb.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`);
    const { errors } = packFromYaml(bomb.join('\n'));
    assert.match(errors[0].message, /aliases are limited/);
  });

  it('refuses a pack that is too large, binary, or not a mapping', () => {
    assert.match(packFromYaml('# ' + 'x'.repeat(3 * 1024 * 1024)).errors[0].message, /limit is 2 MB/);
    assert.match(packFromYaml('a: b\u0000').errors[0].message, /NUL bytes/);
    assert.match(packFromYaml('- just\n- a list').errors[0].message, /must be a YAML mapping/);
  });

  it('refuses more than 1000 rules in one pack, at the rules key', () => {
    const rules = Array.from({ length: 1001 }, (_, i) => `  r${i}: warning`).join('\n');
    const { errors } = packFromYaml(`pack: { id: big }\nrules:\n${rules}\n`);
    assert.match(errors[0].message, /too many entries \(the limit is 1000\) at rules/);
    assert.strictEqual(errors[0].line, 2);
  });

  it('reports a missing config file and still loads the default rules', () => {
    const config = loadConfig('/nonexistent/.clauselint.yaml', []);
    assert.match(config.errors[0].message, /config file not found/);
    assert.ok(config.merged.compiled.ruleSet.rules.length > 0);
  });
});

describe('pack loading: extends', () => {
  it('extends built-in packs, relative paths and npm packages found in node_modules', () => {
    const dir = writeTree({
      '.clauselint.yaml': 'extends: [clauselint:recommended, ./team/pack.yaml, "@acme/contract-pack"]\n',
      'team/pack.yaml': MINIMAL,
      'node_modules/@acme/contract-pack/package.json': JSON.stringify({ name: '@acme/contract-pack', clauselint: { pack: 'acme.yaml' } }),
      'node_modules/@acme/contract-pack/acme.yaml': MINIMAL.replace('id: team', 'id: acme'),
    });
    const config = loadConfig(path.join(dir, '.clauselint.yaml'), []);
    assert.deepStrictEqual(config.errors, []);
    const ids = config.merged.compiled.ruleSet.rules.map((r) => r.id);
    assert.ok(ids.includes('recommended/broad-use-grant'));
    assert.ok(ids.includes('team/grant'));
    assert.ok(ids.includes('acme/grant'));
  });

  it('reports a cycle and a missing npm package at the extends entry', () => {
    const dir = writeTree({
      'a.yaml': 'pack: { id: a, extends: [./b.yaml] }\n',
      'b.yaml': 'pack:\n  id: b\n  extends:\n    - ./a.yaml\n    - no-such-pack\n',
    });
    const { errors } = loadConfig(path.join(dir, 'a.yaml'), []);
    assert.deepStrictEqual(where(errors).map((e) => e.replace(/ above .*$/, '')), [
      'b.yaml:4:7 cannot extend "./a.yaml": extends cycle: a.yaml -> b.yaml -> a.yaml'.replace('cannot extend "./a.yaml": ', ''),
      'b.yaml:5:7 cannot extend "no-such-pack": npm package "no-such-pack" not found in any node_modules folder',
    ]);
  });

  it('a broken extended pack does not take the other rules down', () => {
    const dir = writeTree({
      '.clauselint.yaml': 'extends: [clauselint:recommended, ./broken.yaml, ./team.yaml]\n',
      'broken.yaml': 'pack: { id: broken\n',
      'team.yaml': MINIMAL,
    });
    const config = loadConfig(path.join(dir, '.clauselint.yaml'), []);
    assert.strictEqual(config.errors.length > 0, true);
    const ids = config.merged.compiled.ruleSet.rules.map((r) => r.id);
    assert.ok(ids.includes('recommended/broad-use-grant') && ids.includes('team/grant'));
  });

  it('applies severity settings and off, by qualified id or bare name', () => {
    const { merged, errors } = packFromYaml('extends: clauselint:recommended\nrules:\n  recommended/broad-use-grant: error\n  missing-audit-trigger: off\n  no-such-rule: info\n');
    const rules = new Map(merged.compiled.ruleSet.rules.map((r) => [r.id, r]));
    assert.strictEqual(rules.get('recommended/broad-use-grant')?.severity, 'error');
    assert.strictEqual(rules.get('recommended/missing-audit-trigger')?.enabled, false);
    assert.deepStrictEqual(where(errors), ['pack.yaml:5:3 no loaded rule is called "no-such-rule"']);
  });
});

describe('configuration discovery and overrides', () => {
  const dir = writeTree({
    '.clauselint.yaml': `${MINIMAL.replace('pack: { id: team, version: 1.0.0 }\n', '')}overrides:\n  - files: ["drafts/**"]\n    rules: { grant: off }\n`,
    'contracts/a.md': 'Use for any lawful use.',
    'drafts/b.md': 'Use for any lawful use.',
    'other/.clauselint.yaml': 'rules: {}\n',
    'other/c.md': 'Use for any lawful use.',
  });

  it('finds the nearest .clauselint.yaml above a file', () => {
    assert.strictEqual(findConfigFile(path.join(dir, 'contracts', 'a.md')), path.join(dir, '.clauselint.yaml'));
    assert.strictEqual(findConfigFile(path.join(dir, 'other', 'c.md')), path.join(dir, 'other', '.clauselint.yaml'));
  });

  it('applies glob overrides relative to the config file', () => {
    const loader = new ConfigLoader();
    const ruleCount = (file: string) => lint('Use for any lawful use.', loader.rulesFor(path.join(dir, file)).compiled).findings.length;
    assert.strictEqual(ruleCount('contracts/a.md'), 1);
    assert.strictEqual(ruleCount('drafts/b.md'), 0);
    assert.strictEqual(ruleCount('other/c.md'), 0, 'the nearer config wins, and it defines no rule');
  });

  it('reloads a config when one of its files changes', () => {
    const loader = new ConfigLoader();
    const file = path.join(dir, 'contracts', 'a.md');
    const before = loader.configFor(file);
    assert.strictEqual(loader.configFor(file), before, 'cached');
    const configPath = path.join(dir, '.clauselint.yaml');
    fs.writeFileSync(configPath, fs.readFileSync(configPath, 'utf8') + '\n');
    const future = new Date(Date.now() + 5000);
    fs.utimesSync(configPath, future, future);
    assert.notStrictEqual(loader.configFor(file), before);
  });
});
