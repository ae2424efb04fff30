/**
 * `clauselint exceptions`: the log of every waived rule, in text, JSON and CSV.
 * The fixtures (invented contracts) carry suppressions in Markdown comments and
 * in plain-text brackets: applied ones, one with nothing to suppress, one with
 * a misspelt rule id, and one without a reason (invalid). They are linted with
 * the built-in recommended pack, from a scratch folder with no config above it.
 */
import * as assert from 'assert';
import { csvField, toCsv } from '../../server/src/cli/exceptions/csv';
import { fixture, read, removeScratch, runCli, scratch } from './helpers';

interface Entry {
  file: string;
  line?: number;
  paragraph?: number;
  type: string;
  rules: string[];
  reason?: string;
  approvedBy?: string;
  date?: string;
  status: 'applied' | 'unused' | 'invalid';
  unknownRules: string[];
  suppressed: { ruleId: string; line?: number; message: string }[];
}

/** Parse RFC 4180 CSV (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += c;
  }
  assert.strictEqual(field + row.join(''), '', 'the last record ends with CRLF');
  return rows;
}

describe('clauselint exceptions', () => {
  let dir: string;
  before(() => {
    dir = scratch({
      'contracts/waivers.md': read(fixture('contracts', 'waivers.md')),
      'contracts/waivers.txt': read(fixture('contracts', 'waivers.txt')),
    });
  });
  after(() => removeScratch(dir));

  const exceptions = (...args: string[]) => runCli(['exceptions', ...args], { cwd: dir });

  describe('json', () => {
    let log: { version: number; summary: Record<string, number>; exceptions: Entry[] };
    before(() => {
      const run = exceptions('contracts', '--format', 'json');
      assert.strictEqual(run.status, 0, run.stderr);
      log = JSON.parse(run.stdout);
    });

    it('lists every suppression of every file in document order, with a summary', () => {
      assert.strictEqual(log.version, 1);
      assert.deepStrictEqual(
        log.exceptions.map((e) => `${e.file}:${e.line} ${e.type} ${e.status}`),
        [
          'contracts/waivers.md:9 disable applied',
          'contracts/waivers.md:10 disable-next-line applied',
          'contracts/waivers.md:20 disable-next-line unused',
          'contracts/waivers.md:25 disable-next-line invalid',
          'contracts/waivers.txt:7 disable-next-line applied',
          'contracts/waivers.txt:10 disable-next-line unused',
        ],
      );
      assert.deepStrictEqual(log.summary, { files: 2, suppressions: 6, applied: 3, unused: 2, invalid: 1 });
    });

    it('records the rules, reason, approver and date of a Markdown-comment suppression', () => {
      const block = log.exceptions[0];
      assert.deepStrictEqual(block.rules, ['recommended/missing-surveillance-carve-out', 'recommended/missing-weapons-carve-out']);
      assert.match(block.reason!, /^a health authority cannot operate weapons or surveillance programmes under its statute \(Health Services Act, s\. 12\)$/);
      assert.strictEqual(block.approvedBy, 'M. Okafor, Head of Legal');
      assert.strictEqual(block.date, '2026-10-02');
    });

    it('says which findings each suppression suppressed, and where', () => {
      assert.deepStrictEqual(
        log.exceptions[0].suppressed.map((f) => `${f.ruleId}@${f.line}`),
        ['recommended/missing-surveillance-carve-out@11', 'recommended/missing-weapons-carve-out@11'],
      );
      assert.deepStrictEqual(log.exceptions[1].suppressed.map((f) => `${f.ruleId}@${f.line}`), ['recommended/broad-use-grant@11']);
      assert.deepStrictEqual(log.exceptions[2].suppressed, []);
    });

    it('reads plain-text bracket suppressions the same way', () => {
      const bracket = log.exceptions[4];
      assert.deepStrictEqual(bracket.rules, ['recommended/practicable-notice']);
      assert.strictEqual(bracket.reason, 'notice timing is fixed in the Incident Response Plan, Annex C');
      assert.strictEqual(bracket.approvedBy, 'R. Haddad');
      assert.strictEqual(bracket.date, '2026-09-14');
      assert.deepStrictEqual(bracket.suppressed.map((f) => `${f.ruleId}@${f.line}`), ['recommended/practicable-notice@8']);
    });

    it('flags a suppression without a reason as invalid, and a misspelt rule id as unknown', () => {
      const invalid = log.exceptions[3];
      assert.strictEqual(invalid.reason, undefined);
      assert.strictEqual(invalid.status, 'invalid');
      assert.deepStrictEqual(invalid.suppressed, []);
      assert.deepStrictEqual(log.exceptions[5].unknownRules, ['recommended/practicable-notise']);
      assert.deepStrictEqual(log.exceptions[0].unknownRules, []);
    });
  });

  describe('text', () => {
    it('prints one block per suppression under its file, then the counts', () => {
      const run = exceptions('contracts');
      assert.strictEqual(run.status, 0, run.stderr);
      assert.match(run.stdout, /^contracts\/waivers\.md$/m);
      assert.match(run.stdout, /^ {2}line 10 {3}recommended\/broad-use-grant {2}disable-next-line$/m);
      assert.match(run.stdout, /^ +reason {8}the use is limited by the Data Sharing Protocol in Schedule 4$/m);
      assert.match(run.stdout, /^ +approved by {3}M\. Okafor, Head of Legal$/m);
      assert.match(run.stdout, /^ +date {10}2026-10-02$/m);
      assert.match(run.stdout, /^ +status {8}applied: suppressed 1 finding \(recommended\/broad-use-grant at line 11\)$/m);
      assert.match(run.stdout, /^ +status {8}invalid: no reason given, so it does not apply/m);
      assert.match(run.stdout, /^ +unknown rule {2}recommended\/practicable-notise \(no loaded rule has this id\)$/m);
      assert.match(run.stdout, /^6 suppressions in 2 files: 3 applied, 2 unused, 1 invalid\.$/m);
    });

    it('says so when there are no suppressions', () => {
      const run = runCli(['exceptions', fixture('contracts', 'ai-services-clean.md')], { cwd: dir });
      assert.strictEqual(run.status, 0, run.stderr);
      assert.strictEqual(run.stdout, 'No suppressions in 1 file.\n');
    });
  });

  describe('csv', () => {
    it('has a header row, one record per suppression and CRLF line ends', () => {
      const run = exceptions('contracts', '--format', 'csv');
      assert.strictEqual(run.status, 0, run.stderr);
      assert.ok(run.stdout.endsWith('\r\n'));
      assert.doesNotMatch(run.stdout.replace(/\r\n/g, ''), /\n/, 'no bare LF line ends');
      const rows = parseCsv(run.stdout);
      assert.deepStrictEqual(rows[0], ['file', 'line', 'paragraph', 'type', 'rules', 'status', 'reason', 'approved_by', 'date', 'suppressed_findings', 'unknown_rules']);
      assert.strictEqual(rows.length, 7);
      assert.deepStrictEqual(rows[1], [
        'contracts/waivers.md',
        '9',
        '',
        'disable',
        'recommended/missing-surveillance-carve-out recommended/missing-weapons-carve-out',
        'applied',
        'a health authority cannot operate weapons or surveillance programmes under its statute (Health Services Act, s. 12)',
        'M. Okafor, Head of Legal',
        '2026-10-02',
        '2',
        '',
      ]);
      assert.deepStrictEqual(rows[4].slice(5, 10), ['invalid', '', '', '', '0']);
    });

    it('quotes fields with commas and quotes, doubling the quotes', () => {
      const run = exceptions('contracts', '--format', 'csv');
      assert.ok(run.stdout.includes(',"M. Okafor, Head of Legal",'));
      assert.ok(run.stdout.includes(',"""P. Lindqvist, Procurement""",'), 'an approver written in quotes keeps them');
      assert.strictEqual(parseCsv(run.stdout)[3][7], '"P. Lindqvist, Procurement"');
    });
  });

  describe('RFC 4180 fields', () => {
    it('quotes only what needs quoting', () => {
      assert.strictEqual(csvField('plain text'), 'plain text');
      assert.strictEqual(csvField('a, b'), '"a, b"');
      assert.strictEqual(csvField('say "no"'), '"say ""no"""');
      assert.strictEqual(csvField('two\nlines'), '"two\nlines"');
      assert.strictEqual(csvField('cr\r'), '"cr\r"');
      assert.strictEqual(csvField(undefined), '');
      assert.strictEqual(csvField(0), '0');
      assert.strictEqual(toCsv(['a', 'b'], [['1', 'x,y']]), 'a,b\r\n1,"x,y"\r\n');
    });
  });

  describe('usage', () => {
    it('defaults to the current folder', () => {
      const run = runCli(['exceptions', '--format', 'json'], { cwd: dir });
      assert.strictEqual(run.status, 0, run.stderr);
      assert.strictEqual(JSON.parse(run.stdout).summary.suppressions, 6);
    });

    it('exits 2 for an unknown format or a missing file', () => {
      const format = exceptions('contracts', '--format', 'xml');
      assert.strictEqual(format.status, 2);
      assert.match(format.stderr, /--format must be one of text, json, csv/);
      const missing = exceptions('nope.md');
      assert.strictEqual(missing.status, 2);
      assert.match(missing.stderr, /cannot read nope\.md: no such file/);
    });
  });
});
