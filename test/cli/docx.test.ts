/**
 * Word documents in the CLI: text extracted with mammoth, linted as plain
 * text, findings located by paragraph and excerpt. The .docx is built in the
 * test (docx package) from the same paragraphs as its plain-text twin.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import JSZip from 'jszip';
import * as path from 'path';
import { paragraphSpans } from '../../server/src/io/docx/docxText';
import { locateInDocx } from '../../server/src/io/docx/paragraphLocation';
import { AI_CONTRACT, asPlainText, buildDocx } from './docxFixture';
import { BROAD, JsonRange, read, removeScratch, runCli, scratch, textAt } from './helpers';

interface JsonFinding {
  ruleId: string;
  message: string;
  range: JsonRange;
  location?: { paragraph: number; excerpt: string };
}

const findingsOf = (stdout: string, file = 0) => JSON.parse(stdout).files[file].findings as JsonFinding[];

describe('clauselint CLI: .docx input', () => {
  let dir: string;
  before(async () => {
    dir = scratch({ 'contract.docx': await buildDocx(AI_CONTRACT), 'contract.txt': asPlainText(AI_CONTRACT) });
  });
  after(() => removeScratch(dir));

  it('gives the same findings (rule ids and messages, in order) as the plain-text version', () => {
    const word = runCli(['--format', 'json', 'contract.docx'], { cwd: dir });
    const text = runCli(['--format', 'json', 'contract.txt'], { cwd: dir });
    assert.strictEqual(word.status, 1, word.stderr);
    const summary = (out: string) => findingsOf(out).map((f) => `${f.ruleId}: ${f.message}`);
    assert.ok(summary(word.stdout).length >= 5, word.stdout);
    assert.deepStrictEqual(summary(word.stdout), summary(text.stdout));
  });

  it('locates each finding by paragraph number (empty paragraphs count) and excerpt, keeping the range in the extracted text', () => {
    const findings = findingsOf(runCli(['--format', 'json', 'contract.docx'], { cwd: dir }).stdout);
    const grant = findings.find((f) => f.ruleId === 'recommended/broad-use-grant')!;
    assert.deepStrictEqual(grant.location, { paragraph: 4, excerpt: 'any lawful purpose' });
    assert.strictEqual(textAt(asPlainText(AI_CONTRACT), grant.range), 'any lawful purpose');
    const defined = findings.find((f) => f.ruleId === 'recommended/broad-defined-term')!;
    assert.deepStrictEqual(defined.location, { paragraph: 6, excerpt: 'Permitted Purpose' });
    const notice = findings.find((f) => f.ruleId === 'recommended/practicable-notice')!;
    assert.deepStrictEqual(notice.location, { paragraph: 8, excerpt: 'where practicable' });
    const txt = findingsOf(runCli(['--format', 'json', 'contract.txt'], { cwd: dir }).stdout);
    assert.ok(txt.every((f) => f.location === undefined), 'text files have lines, not paragraphs');
  });

  it('prints ¶paragraph and the quoted excerpt in text output, and offers no --fix', () => {
    const run = runCli(['contract.docx'], { cwd: dir });
    assert.match(run.stdout, /^ {2}¶4 {2}warning {2}Broad-use grant: .* {2}"any lawful purpose" +recommended\/broad-use-grant$/m);
    assert.match(run.stdout, /^ {2}¶8 {2}info {5}Notice given "where practicable" .*"where practicable" +recommended\/practicable-notice$/m);
    assert.doesNotMatch(run.stdout, /--fix/);
  });

  it('applies suppressions written as bracketed paragraphs, and logs them by paragraph', () => {
    const lint = JSON.parse(runCli(['--format', 'json', 'contract.docx'], { cwd: dir }).stdout).files[0];
    assert.deepStrictEqual(lint.suppressed.map((s: { ruleId: string; location: object }) => [s.ruleId, s.location]), [
      ['recommended/practicable-notice', { paragraph: 10, excerpt: 'where practicable' }],
    ]);
    const log = JSON.parse(runCli(['exceptions', '--format', 'json', 'contract.docx'], { cwd: dir }).stdout);
    assert.strictEqual(log.exceptions.length, 1);
    assert.strictEqual(log.exceptions[0].paragraph, 9);
    assert.strictEqual(log.exceptions[0].line, undefined);
    assert.strictEqual(log.exceptions[0].approvedBy, 'A. Reyes');
    assert.deepStrictEqual(log.exceptions[0].suppressed.map((s: { paragraph: number }) => s.paragraph), [10]);
  });

  it('gives SARIF regions with the excerpt as snippet and the paragraph as a property', () => {
    const sarif = JSON.parse(runCli(['--format', 'sarif', 'contract.docx'], { cwd: dir }).stdout);
    const grant = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'recommended/broad-use-grant');
    assert.deepStrictEqual(grant.locations[0].physicalLocation, {
      artifactLocation: { uri: 'contract.docx', uriBaseId: '%SRCROOT%' },
      region: { snippet: { text: 'any lawful purpose' }, properties: { paragraph: 4 } },
    });
  });

  it('refuses --fix on a lone .docx: exit 2, a clear message, nothing written', () => {
    const before = fs.readFileSync(path.join(dir, 'contract.docx'));
    const run = runCli(['--fix', 'contract.docx'], { cwd: dir });
    assert.strictEqual(run.status, 2);
    assert.match(run.stderr, /--fix never rewrites Word documents \(contract\.docx\): make the changes in Word/);
    assert.strictEqual(run.stdout, '');
    assert.ok(fs.readFileSync(path.join(dir, 'contract.docx')).equals(before));
  });

  for (const mode of [['--output-dir', 'fixed'], ['--write']]) {
    it(`--fix ${mode.join(' ')} over a folder with a .docx: fixes the other files, lints the .docx and leaves it unchanged with a warning`, async () => {
      const folder = scratch({ 'contract.docx': await buildDocx(AI_CONTRACT), 'contract.txt': asPlainText(AI_CONTRACT) });
      try {
        const before = fs.readFileSync(path.join(folder, 'contract.docx'));
        const run = runCli(['--fix', ...mode, '--format', 'json', '.'], { cwd: folder });
        assert.strictEqual(run.status, 1, run.stderr);
        assert.match(run.stderr, /warning: contract\.docx: fixes are not applied to \.docx files; it was linted and left unchanged/);
        const report = JSON.parse(run.stdout).files as { path: string; findings: JsonFinding[] }[];
        const word = report.find((f) => f.path === 'contract.docx')!;
        assert.ok(word.findings.some((f) => f.ruleId === 'recommended/broad-use-grant'), 'the .docx is linted');
        assert.ok(fs.readFileSync(path.join(folder, 'contract.docx')).equals(before), 'the .docx is unchanged');
        const fixedText = read(path.join(folder, mode[0] === '--write' ? 'contract.txt' : 'fixed/contract.txt'));
        assert.notStrictEqual(fixedText, asPlainText(AI_CONTRACT), 'the text file is fixed');
        assert.match(fixedText, /Prohibited Use: Domestic Surveillance/);
        assert.ok(!fs.existsSync(path.join(folder, 'fixed', 'contract.docx')), 'no copy of the .docx');
      } finally {
        removeScratch(folder);
      }
    });
  }

  it('reads a .docx piped to stdin when --stdin-filename names one', () => {
    const run = runCli(['--format', 'json', '--stdin-filename', 'piped.docx'], { cwd: dir, input: fs.readFileSync(path.join(dir, 'contract.docx')) });
    assert.strictEqual(findingsOf(run.stdout).find((f) => f.ruleId === 'recommended/broad-use-grant')?.location?.paragraph, 4);
  });

  describe('in folders, and when broken', () => {
    let folder: string;
    before(async () => {
      const notWord = new JSZip().file('hello.txt', 'not a Word document');
      folder = scratch({
        'contracts/a.docx': await buildDocx(AI_CONTRACT),
        'contracts/~$a.docx': Buffer.from([0x00, 0x01]),
        'contracts/b.md': read(BROAD),
        'contracts/corrupt.docx': Buffer.from('PK\u0003\u0004 this is not really a zip archive'),
        'contracts/other.docx': await notWord.generateAsync({ type: 'nodebuffer' }),
      });
    });
    after(() => removeScratch(folder));

    it('a folder walk includes *.docx and skips Word\'s ~$ owner files', () => {
      const run = runCli(['--format', 'json', 'contracts', '!**/corrupt.docx', '!**/other.docx'], { cwd: folder });
      assert.deepStrictEqual(JSON.parse(run.stdout).files.map((f: { path: string }) => f.path), ['contracts/a.docx', 'contracts/b.md']);
    });

    it('a corrupt or non-Word zip is a clear per-file error; the other files are still linted (exit 2)', () => {
      const run = runCli(['--format', 'json', 'contracts'], { cwd: folder });
      assert.strictEqual(run.status, 2);
      assert.match(run.stderr, /^clauselint: cannot read contracts\/corrupt\.docx: not a Word document \(\.docx\): it is not a zip archive, or the archive is damaged$/m);
      assert.match(run.stderr, /^clauselint: cannot read contracts\/other\.docx: not a Word document \(\.docx\): the archive has no word\/document\.xml$/m);
      const files = JSON.parse(run.stdout).files as { path: string; findings: unknown[] }[];
      assert.deepStrictEqual(files.map((f) => f.path), ['contracts/a.docx', 'contracts/b.md']);
      assert.ok(files.every((f) => f.findings.length > 0));
    });
  });

  describe('paragraph locations', () => {
    const text = 'First.\n\n\n\nThird, after an empty one.\n\nFourth';
    const docx = { text, paragraphs: paragraphSpans(text) };

    it('numbers every paragraph, empty ones included', () => {
      assert.deepStrictEqual(docx.paragraphs.map((s) => text.slice(s.start, s.end)), ['First.', '', 'Third, after an empty one.', 'Fourth']);
    });

    it('quotes the flagged words, or the start of the paragraph for an empty span', () => {
      const at = text.indexOf('after');
      assert.deepStrictEqual(locateInDocx(docx, { start: at, end: at + 5 }), { paragraph: 3, excerpt: 'after' });
      assert.deepStrictEqual(locateInDocx(docx, { start: text.indexOf('Fourth'), end: text.indexOf('Fourth') }), { paragraph: 4, excerpt: 'Fourth' });
      const long = { text: 'x '.repeat(100), paragraphs: paragraphSpans('x '.repeat(100)) };
      const excerpt = locateInDocx(long, { start: 0, end: 200 }).excerpt;
      assert.strictEqual(excerpt.length, 80);
      assert.ok(excerpt.endsWith('…'));
    });
  });
});
