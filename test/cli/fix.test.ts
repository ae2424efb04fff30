/** --fix: fixed text to stdout, --write in place, --output-dir copies; re-linting shows the fixes worked. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { BROAD, CLEAN, isSubsequence, read, removeScratch, ruleIdsIn, runWithTestPack, scratch, WEAK } from './helpers';

const FIXED_BY_INSERTION = ['clitest/broad-use-grant', 'clitest/missing-audit-trigger', 'clitest/missing-surveillance-carve-out', 'clitest/missing-weapons-carve-out'];

function lintText(text: string, name: string): string[] {
  const run = runWithTestPack(['--format', 'json', '--stdin-filename', name, '-'], { input: text });
  return ruleIdsIn(run.stdout);
}

describe('clauselint CLI: --fix', () => {
  it('prints the fixed text to stdout, only inserting clauses, and the fixed text lints clean', () => {
    const original = read(BROAD);
    const run = runWithTestPack(['--fix', BROAD]);
    assert.strictEqual(run.status, 0, run.stderr);
    const fixed = run.stdout;
    assert.notStrictEqual(fixed, original);
    assert.ok(isSubsequence(original, fixed), 'every original character is still there, in order');
    assert.match(fixed, /shall not use the Services for mass surveillance of U\.S\. persons\./);
    assert.match(fixed, /shall not use the Services in autonomous weapon systems\./);
    assert.match(fixed, /Before any new deployment of the Services, the Government shall obtain the written approval of the Contracting Officer\./);
    // Inserted as paragraphs of their own, never inside a sentence.
    assert.ok(fixed.includes('for any lawful purpose.\n\nThe Government shall not use'), fixed);
    assert.match(run.stderr, /applied 3 fixes to test\/fixtures\/contracts\/ai-services-broad\.md/);

    const before = lintText(original, 'draft.md');
    const after = lintText(fixed, 'draft.md');
    assert.ok(after.length < before.length);
    for (const id of FIXED_BY_INSERTION) assert.ok(!after.includes(id), `${id} is fixed`);
  });

  it('replaces weak wording, never adds suppressions, and reports what remains on stderr', () => {
    const run = runWithTestPack(['--fix', WEAK]);
    assert.strictEqual(run.status, 0, run.stderr);
    assert.match(run.stdout, /may audit the usage logs within 30 days after a written request\./);
    assert.doesNotMatch(run.stdout, /at its discretion/);
    assert.doesNotMatch(run.stdout, /clauselint-disable/);
    // The hint has no fix; it stays, and the report goes to stderr because stdout holds the text.
    assert.match(run.stderr, /clitest\/practicable-notice/);
    assert.doesNotMatch(run.stderr, /clitest\/discretionary-audit/);
  });

  it('prints an unchanged text as is when there is nothing to fix', () => {
    const run = runWithTestPack(['--fix', CLEAN]);
    assert.strictEqual(run.status, 0);
    assert.strictEqual(run.stdout, read(CLEAN));
    assert.strictEqual(run.stderr, '');
  });

  it('fixes stdin to stdout, with the report in the chosen format on stderr', () => {
    const run = runWithTestPack(['--fix', '--format', 'json', '--stdin-filename', 'weak.txt'], { input: read(WEAK) });
    assert.strictEqual(run.status, 0, run.stderr);
    assert.match(run.stdout, /within 30 days after a written request/);
    const reportLine = run.stderr.split('\n').find((l) => l.startsWith('{'))!;
    assert.deepStrictEqual(ruleIdsIn(reportLine), ['clitest/practicable-notice']);
  });

  describe('--write and --output-dir', () => {
    let dir: string;
    beforeEach(() => {
      dir = scratch({ 'drafts/broad.md': read(BROAD), 'drafts/clean.md': read(CLEAN), 'drafts/weak.txt': read(WEAK) });
    });
    afterEach(() => removeScratch(dir));

    it('--write rewrites the files in place and reports what remains', () => {
      const cleanBefore = fs.statSync(path.join(dir, 'drafts/clean.md')).mtimeMs;
      const run = runWithTestPack(['--fix', '--write', 'drafts'], { cwd: dir });
      assert.strictEqual(run.status, 0, run.stderr);
      assert.match(run.stderr, /fixed drafts\/broad\.md \(3 fixes\)/);
      assert.match(run.stderr, /fixed drafts\/weak\.txt \(1 fix\)/);
      assert.match(run.stdout, /clitest\/practicable-notice/); // the remaining hint
      const fixed = read(path.join(dir, 'drafts/broad.md'));
      assert.ok(isSubsequence(read(BROAD), fixed));
      assert.match(fixed, /autonomous weapon systems/);
      assert.strictEqual(fs.statSync(path.join(dir, 'drafts/clean.md')).mtimeMs, cleanBefore, 'a file without fixes is not rewritten');
      const again = runWithTestPack(['--format', 'json', 'drafts'], { cwd: dir });
      assert.strictEqual(again.status, 0, again.stdout);
      assert.deepStrictEqual(ruleIdsIn(again.stdout), ['clitest/practicable-notice']);
    });

    it('--write keeps CRLF line breaks and a byte-order mark', () => {
      const crlf = '\ufeff' + read(BROAD).replace(/\n/g, '\r\n');
      fs.writeFileSync(path.join(dir, 'drafts/broad.md'), crlf);
      const run = runWithTestPack(['--fix', '--write', 'drafts/broad.md'], { cwd: dir });
      assert.strictEqual(run.status, 0, run.stderr);
      const fixed = read(path.join(dir, 'drafts/broad.md'));
      assert.ok(fixed.startsWith('\ufeff# AI Services Agreement\r\n'));
      assert.doesNotMatch(fixed.replace(/\r\n/g, ''), /\n/, 'no bare LF was introduced');
      assert.ok(isSubsequence(crlf, fixed));
    });

    it('--output-dir writes fixed copies and leaves the originals alone', () => {
      const run = runWithTestPack(['--fix', '--output-dir', 'out', 'drafts/broad.md', 'drafts/weak.txt'], { cwd: dir });
      assert.strictEqual(run.status, 0, run.stderr);
      assert.strictEqual(read(path.join(dir, 'drafts/broad.md')), read(BROAD));
      const copy = read(path.join(dir, 'out/drafts/broad.md'));
      assert.ok(isSubsequence(read(BROAD), copy) && copy.length > read(BROAD).length);
      assert.match(read(path.join(dir, 'out/drafts/weak.txt')), /within 30 days after a written request/);
      assert.match(run.stderr, /wrote out\/drafts\/broad\.md \(3 fixes\)/);
    });

    it('refuses --write on stdin', () => {
      const run = runWithTestPack(['--fix', '--write', '-'], { cwd: dir, input: read(BROAD) });
      assert.strictEqual(run.status, 2);
      assert.match(run.stderr, /--write cannot rewrite standard input/);
    });
  });
});
