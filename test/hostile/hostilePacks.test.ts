/**
 * Hostile rule packs: whatever a shared pack contains, loading reports a located
 * error and the other rules keep working; no pattern can make a lint slow.
 */
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { CATASTROPHIC_PATTERNS } from '../fixtures/catastrophicPatterns';
import { LIMIT_RULE_ID, LIMITS } from '../../server/src/engine/limits';
import { loadConfig } from '../../server/src/packs/config';
import { MAX_EXTENDS_DEPTH } from '../../server/src/packs/resolve';
import { lint, packFromYaml, writeTree } from '../helpers';

function yamlString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

describe('hostile packs', () => {
  it(`rejects each of ${CATASTROPHIC_PATTERNS.length} catastrophic patterns at its own line, keeping the rules' other phrases`, () => {
    const lines = ['pack: { id: hostile }', 'rules:'];
    const expectedLine = new Map<number, string>();
    CATASTROPHIC_PATTERNS.forEach((p, i) => {
      lines.push(`  r${i}:`, '    kind: flag', '    message: x', '    phrases: [any lawful use]', '    patterns:');
      lines.push(`      - ${yamlString(p)}`);
      expectedLine.set(lines.length, p);
    });
    const dir = writeTree({ 'hostile.yaml': lines.join('\n') + '\n' });
    const { errors, merged } = loadConfig(path.join(dir, 'hostile.yaml'), []);
    assert.deepStrictEqual(errors.map((e) => e.line).sort((a, b) => a - b), [...expectedLine.keys()]);
    for (const e of errors) assert.match(e.message, /rejected: /);
    assert.strictEqual(merged.compiled.ruleSet.rules.length, CATASTROPHIC_PATTERNS.length);
    // The classic pathological input for these patterns: long runs that almost match.
    const text = `${'a'.repeat(50_000)} ${'ab'.repeat(20_000)} any lawful use`;
    const { findings } = lint(text, merged.compiled);
    assert.strictEqual(findings.length, CATASTROPHIC_PATTERNS.length, 'every rule still fires on its phrase');
  });

  it('a pack of 10,000 rules is refused with an error at its rules key; the other packs keep working', () => {
    const rules = Array.from({ length: 10_000 }, (_, i) => `  r${i}: { kind: flag, message: x, phrases: [word${i}] }`).join('\n');
    const dir = writeTree({ 'big.yaml': `pack: { id: big }\nrules:\n${rules}\n`, '.clauselint.yaml': 'extends: [clauselint:recommended, ./big.yaml]\n' });
    const config = loadConfig(path.join(dir, '.clauselint.yaml'), []);
    assert.ok(config.errors.some((e) => e.file.endsWith('big.yaml') && e.line === 2 && e.column === 1 && /too many entries/.test(e.message)));
    assert.ok(config.merged.compiled.ruleSet.rules.some((r) => r.id === 'recommended/broad-use-grant'));
  });

  it('wrong types everywhere give located errors, not a crash', () => {
    const dir = writeTree({
      'types.yaml': [
        'pack: { id: 7, version: [1], extends: { a: 1 } }',
        'terms: [not, a, map]',
        'kinds: { k: { title: 3, detect: "all" } }',
        'clauses: { c: { kind: 1, title: [], body: {} } }',
        'rules:',
        '  r: { kind: flag, message: [], phrases: "one", severity: 9 }',
        'overrides: { files: 1 }',
        '',
      ].join('\n'),
    });
    const { errors } = loadConfig(path.join(dir, 'types.yaml'), []);
    assert.ok(errors.length >= 5, `${errors.length} errors`);
    for (const e of errors) assert.ok(e.line >= 1 && e.line <= 7 && e.column >= 1, `${e.line}:${e.column} ${e.message}`);
  });

  it('an unreadable pack, a directory, and a pack that extends itself give located errors', () => {
    const dir = writeTree({ 'self.yaml': 'pack: { id: self, extends: [./self.yaml] }\n', 'folder/x.txt': '' });
    const self = loadConfig(path.join(dir, 'self.yaml'), []);
    assert.match(self.errors[0].message, /extends cycle: self\.yaml -> self\.yaml/);
    const folder = loadConfig(path.join(dir, 'folder'), []);
    assert.match(folder.errors[0].message, /not a file/);
  });

  describe('a pack whose rules match everywhere: the work per document is capped, and the cap says so', function () {
    this.timeout(60_000);
    const words = ['the', 'agency', 'may', 'use', 'services', 'for', 'any', 'lawful', 'purpose'];
    const prose = (count: number) => Array.from({ length: count }, (_, i) => words[(i * 7) % words.length]).join(' ') + '.';

    it(`one rule: at most ${LIMITS.findingsPerRule} findings, then one limit finding at the first left out`, () => {
      const { compiled } = packFromYaml('pack: { id: every }\nrules:\n  word: { kind: flag, message: A word., phrases: ["*"] }\n').merged;
      const text = prose(LIMITS.findingsPerRule + 500);
      const { findings } = lint(text, compiled);
      const words = findings.filter((f) => f.ruleId === 'every/word');
      assert.strictEqual(words.length, LIMITS.findingsPerRule);
      const limits = findings.filter((f) => f.ruleId === LIMIT_RULE_ID);
      assert.strictEqual(limits.length, 1);
      assert.match(limits[0].message, /Rule every\/word found more than 1,000 problems in this document/);
      assert.ok(limits[0].span.start > words[words.length - 1].span.start, 'located where the next finding would be');
    });

    it('1,000 rules on a 10 KB document: bounded findings and hits, with a limit finding for the scan and for the document', () => {
      const rules = Array.from({ length: 1000 }, (_, i) => `  r${i}: { kind: flag, message: m${i}, phrases: ["* w${i}", "*"] }`).join('\n');
      const { compiled } = packFromYaml(`pack: { id: everywhere }\nrules:\n${rules}\n`).merged;
      const text = (prose(40) + '\n\n').repeat(60);
      assert.ok(text.length >= 10_000);
      const { findings } = lint(text, compiled);
      const limits = findings.filter((f) => f.ruleId === LIMIT_RULE_ID);
      assert.strictEqual(findings.length - limits.length, LIMITS.findingsPerDocument);
      assert.ok(limits.some((f) => /Matching stopped here/.test(f.message)), 'the scan stopped at its limit');
      assert.ok(limits.some((f) => /More than 5,000 findings in this document/.test(f.message)));
      for (const f of limits) assert.ok(f.span.start >= 0 && f.span.end <= text.length);
    });
  });

  describe('extends that could hang, overflow or eat memory', () => {
    it('a 3,000-deep extends chain: one error at the extends line where the depth runs out; the built-in pack still loads', () => {
      const files: Record<string, string> = { '.clauselint.yaml': 'extends:\n  - clauselint:recommended\n  - ./p0.yaml\n' };
      for (let i = 0; i < 3000; i++) files[`p${i}.yaml`] = `pack:\n  id: p${i}\n  extends: [./p${i + 1}.yaml]\n`;
      files['p3000.yaml'] = 'pack: { id: last }\n';
      const dir = writeTree(files);
      const config = loadConfig(path.join(dir, '.clauselint.yaml'), []);
      assert.deepStrictEqual(
        config.errors.map((e) => `${path.basename(e.file)}:${e.line}:${e.column}: ${e.message}`),
        [`p${MAX_EXTENDS_DEPTH - 2}.yaml:3:13: cannot extend "./p${MAX_EXTENDS_DEPTH - 1}.yaml": the extends chain is more than ${MAX_EXTENDS_DEPTH} packs deep`],
      );
      assert.ok(config.merged.compiled.ruleSet.rules.some((r) => r.id === 'recommended/broad-use-grant'));
    });

    it('a FIFO and a folder in extends are reported at the extends line, and the FIFO is never opened', () => {
      const dir = writeTree({ '.clauselint.yaml': 'extends:\n  - clauselint:recommended\n  - ./pipe.yaml\n  - ./folder.yaml\n', 'folder.yaml/x.txt': '' });
      execFileSync('mkfifo', [path.join(dir, 'pipe.yaml')]);
      const config = loadConfig(path.join(dir, '.clauselint.yaml'), []);
      assert.deepStrictEqual(
        config.errors.map((e) => `${path.basename(e.file)}:${e.line}:${e.column}: ${e.message}`),
        [
          '.clauselint.yaml:3:5: cannot extend "./pipe.yaml": it is not a regular file (a FIFO, socket or device)',
          '.clauselint.yaml:4:5: cannot extend "./folder.yaml": it is a folder, not a pack file',
        ],
      );
      assert.ok(config.merged.compiled.ruleSet.rules.some((r) => r.id === 'recommended/broad-use-grant'));
    });

    it('the 2 MB size limit is checked before the file is read (a 3 GB sparse file is refused by its size)', () => {
      const dir = writeTree({ '.clauselint.yaml': 'extends: [./huge.yaml]\n' });
      fs.writeFileSync(path.join(dir, 'huge.yaml'), '');
      fs.truncateSync(path.join(dir, 'huge.yaml'), 3 * 1024 ** 3);
      const config = loadConfig(path.join(dir, '.clauselint.yaml'), []);
      assert.deepStrictEqual(config.errors.map((e) => `${path.basename(e.file)}:${e.line}:${e.column}: ${e.message}`), ['huge.yaml:1:1: pack file is 3072.0 MB; the limit is 2 MB']);
    });

    it('a Latin-1 pack loads with a warning at its first byte that is not UTF-8', () => {
      const dir = writeTree({});
      fs.writeFileSync(path.join(dir, 'latin1.yaml'), Buffer.from('pack: { id: latin }\nrules:\n  r: { kind: flag, message: "D\xe9j\xe0 vu.", phrases: [any lawful use] }\n', 'latin1'));
      const config = loadConfig(path.join(dir, 'latin1.yaml'), []);
      assert.deepStrictEqual(
        config.errors.map((e) => `${e.line}:${e.column}: ${e.severity}: ${e.message.slice(0, 40)}`),
        ['3:31: warning: the file is not valid UTF-8 (Latin-1 or '],
      );
      assert.ok(config.merged.compiled.ruleSet.rules.some((r) => r.id === 'latin/r'));
    });
  });
});
