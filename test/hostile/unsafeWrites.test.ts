/**
 * `--fix --write` under attack: a link out of the project, a file swapped or
 * edited while the run goes on, a read-only file, a folder where a copy should
 * go. Each is an error for that file only: nothing outside the project is
 * written, nothing is lost, the other files are fixed, the report is printed,
 * and the run exits 2.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ReadStamp, stampOf, writeFileSafely } from '../../server/src/io/safeWrite';
import { BROAD, read, removeScratch, runWithTestPack, scratch } from '../cli/helpers';

const DRAFT = read(BROAD);

function stampFile(file: string): ReadStamp {
  const bytes = fs.readFileSync(file);
  return stampOf(fs.statSync(file), bytes);
}

function leftovers(dir: string): string[] {
  return fs.readdirSync(dir).filter((f) => f.includes('clauselint-tmp'));
}

describe('hostile writes: --fix --write', () => {
  let dir: string;
  beforeEach(() => {
    dir = scratch({ 'project/a.md': DRAFT, 'project/z.md': DRAFT, 'elsewhere/victim.md': DRAFT });
  });
  afterEach(() => removeScratch(dir));
  const project = () => path.join(dir, 'project');

  it('never writes through a link to a file outside the project; the other files are fixed and the report printed (exit 2)', () => {
    fs.symlinkSync(path.join(dir, 'elsewhere', 'victim.md'), path.join(project(), 'link.md'));
    const run = runWithTestPack(['--fix', '--write', 'a.md', 'link.md', 'z.md'], { cwd: project() });
    assert.strictEqual(run.status, 2, run.stderr);
    assert.match(run.stderr, /cannot write link\.md: it leads outside .*project \(through a link\)/);
    assert.strictEqual(read(path.join(dir, 'elsewhere', 'victim.md')), DRAFT, 'the file outside is untouched');
    assert.ok(fs.lstatSync(path.join(project(), 'link.md')).isSymbolicLink(), 'the link is still a link');
    assert.notStrictEqual(read(path.join(project(), 'a.md')), DRAFT);
    assert.notStrictEqual(read(path.join(project(), 'z.md')), DRAFT, 'the file after the refused one is fixed too');
    assert.match(run.stdout, /clitest\//, 'the report is printed');
  });

  it('follows a link that stays inside the project, and keeps the link', () => {
    fs.symlinkSync('a.md', path.join(project(), 'alias.md'));
    const run = runWithTestPack(['--fix', '--write', 'alias.md'], { cwd: project() });
    assert.strictEqual(run.status, 0, run.stderr);
    assert.ok(fs.lstatSync(path.join(project(), 'alias.md')).isSymbolicLink());
    assert.match(read(path.join(project(), 'a.md')), /autonomous weapon systems/);
  });

  it('a read-only file is an error for that file only: the rest of the run goes on, exit 2', () => {
    fs.chmodSync(path.join(project(), 'a.md'), 0o444);
    const run = runWithTestPack(['--fix', '--write', 'a.md', 'z.md'], { cwd: project() });
    assert.strictEqual(run.status, 2, run.stderr);
    assert.match(run.stderr, /cannot write a\.md: it is read-only; it was left as it was/);
    assert.doesNotMatch(run.stderr, /internal error/);
    assert.strictEqual(read(path.join(project(), 'a.md')), DRAFT);
    assert.match(read(path.join(project(), 'z.md')), /autonomous weapon systems/);
    assert.match(run.stdout, /a\.md/, 'the report still lists the read-only file');
  });

  it('keeps the file mode and line endings, and leaves no temporary file', () => {
    const crlf = path.join(project(), 'crlf.md');
    fs.writeFileSync(crlf, DRAFT.replace(/\n/g, '\r\n'));
    fs.chmodSync(crlf, 0o640);
    const run = runWithTestPack(['--fix', '--write', 'crlf.md'], { cwd: project() });
    assert.strictEqual(run.status, 0, run.stderr);
    const fixed = read(crlf);
    assert.match(fixed, /autonomous weapon systems/);
    assert.doesNotMatch(fixed.replace(/\r\n/g, ''), /\n/, 'every line ends with CRLF, the inserted ones too');
    assert.strictEqual(fs.statSync(crlf).mode & 0o777, 0o640);
    assert.deepStrictEqual(leftovers(project()), []);
  });

  it('a UTF-16 file with an odd trailing byte: linted with a warning, never rewritten (the byte would be lost)', () => {
    const file = path.join(project(), 'utf16.md');
    const bytes = Buffer.concat([Buffer.from('\ufeff' + DRAFT, 'utf16le'), Buffer.from([0x41])]);
    fs.writeFileSync(file, bytes);
    const run = runWithTestPack(['--fix', '--write', 'utf16.md'], { cwd: project() });
    assert.match(run.stderr, /warning: utf16\.md: it is UTF-16 text with an odd trailing byte, which was left out/);
    assert.match(run.stderr, /not writing utf16\.md/);
    assert.deepStrictEqual(fs.readFileSync(file), bytes);
  });

  it('--output-dir: a copy that cannot be written is an error for that file only', () => {
    // A file where the copy's folder should be.
    fs.writeFileSync(path.join(project(), 'out'), 'not a folder');
    fs.mkdirSync(path.join(project(), 'sub'));
    fs.copyFileSync(path.join(project(), 'a.md'), path.join(project(), 'sub', 'b.md'));
    const run = runWithTestPack(['--fix', '--output-dir', 'out', 'a.md'], { cwd: project() });
    assert.strictEqual(run.status, 2, run.stderr);
    assert.match(run.stderr, /cannot write out\/a\.md/);
    assert.doesNotMatch(run.stderr, /internal error/);
    assert.match(run.stdout, /clitest\//);
  });

  it('--output-dir never writes through a link in the output folder to outside it', () => {
    fs.mkdirSync(path.join(project(), 'out'));
    fs.symlinkSync(path.join(dir, 'elsewhere', 'victim.md'), path.join(project(), 'out', 'a.md'));
    const run = runWithTestPack(['--fix', '--output-dir', 'out', 'a.md', 'z.md'], { cwd: project() });
    assert.strictEqual(run.status, 2, run.stderr);
    assert.match(run.stderr, /cannot write out\/a\.md: it leads outside/);
    assert.strictEqual(read(path.join(dir, 'elsewhere', 'victim.md')), DRAFT);
    assert.match(read(path.join(project(), 'out', 'z.md')), /autonomous weapon systems/);
  });
});

describe('hostile writes: the safe write itself', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = scratch({ 'draft.md': 'first version\n', 'elsewhere/victim.md': 'victim\n' });
    file = path.join(dir, 'draft.md');
  });
  afterEach(() => removeScratch(dir));

  it('refuses a file edited since it was read, keeping the edit', () => {
    const stamp = stampFile(file);
    fs.writeFileSync(file, 'an edit made meanwhile\n');
    const outcome = writeFileSafely(file, Buffer.from('fixed\n'), { root: dir, readAs: stamp });
    assert.match((outcome as { refused: string }).refused, /changed on disk since it was read/);
    assert.strictEqual(read(file), 'an edit made meanwhile\n');
    assert.deepStrictEqual(leftovers(dir), []);
  });

  it('refuses a file swapped for a link to outside the project after it was read', () => {
    const stamp = stampFile(file);
    fs.rmSync(file);
    fs.symlinkSync(path.join(dir, 'elsewhere', 'victim.md'), file);
    const outcome = writeFileSafely(file, Buffer.from('fixed\n'), { root: path.join(dir), readAs: stamp });
    assert.ok('refused' in outcome);
    assert.strictEqual(read(path.join(dir, 'elsewhere', 'victim.md')), 'victim\n');
    // Inside the project a swapped-in file is refused too: it is not the file that was read.
    fs.writeFileSync(path.join(dir, 'twin.md'), 'first version\n');
    fs.renameSync(path.join(dir, 'twin.md'), file);
    const swapped = writeFileSafely(file, Buffer.from('fixed\n'), { root: dir, readAs: stamp });
    assert.match((swapped as { refused: string }).refused, /another file was put in its place/);
  });

  it('refuses a FIFO and a dangling link, and never blocks on them', () => {
    const fifo = path.join(dir, 'pipe.md');
    require('child_process').execFileSync('mkfifo', [fifo]);
    assert.match((writeFileSafely(fifo, Buffer.from('x'), { root: dir }) as { refused: string }).refused, /not a regular file/);
    fs.symlinkSync(path.join(dir, 'elsewhere', 'missing.md'), path.join(dir, 'dangling.md'));
    assert.ok('refused' in writeFileSafely(path.join(dir, 'dangling.md'), Buffer.from('x'), { root: dir }));
    assert.ok(!fs.existsSync(path.join(dir, 'elsewhere', 'missing.md')));
  });

  it('replaces the file whole: the new content, the same mode', () => {
    fs.chmodSync(file, 0o604);
    const outcome = writeFileSafely(file, Buffer.from('fixed\n'), { root: dir, readAs: stampFile(file) });
    assert.deepStrictEqual(outcome, { written: fs.realpathSync(file) });
    assert.strictEqual(read(file), 'fixed\n');
    assert.strictEqual(fs.statSync(file).mode & 0o777, 0o604);
  });
});
