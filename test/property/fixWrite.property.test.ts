/**
 * Fixes written to disk: random documents in random encodings (UTF-8 with or
 * without a byte-order mark, UTF-16 LE/BE) go through the CLI's own per-file
 * step with --fix --write. Afterwards the file holds exactly the fixed text
 * computed in memory, in its own encoding, never empty and never partial, with
 * no temporary file left; and when the file is edited, replaced or swapped for
 * a link between the read and the write, the write is refused and what is on
 * disk is left exactly as it was made.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { applyFixes } from '../../server/src/engine/fixes/apply';
import { Io } from '../../server/src/cli/io';
import { lintTarget, TargetSettings } from '../../server/src/cli/lintTarget';
import { decode, encode, readSourceFile, SourceText, TextEncoding } from '../../server/src/io/source';
import { writeFileSafely } from '../../server/src/io/safeWrite';
import { ConfigLoader } from '../../server/src/packs/config';
import { lint, recommended, tempDir } from '../helpers';
import { documentPath, documentText } from './documents';
import { FUZZ_RUNS, FUZZ_SEED, measured, measuredAsync } from './fuzzSettings';

// Each case writes and reads files: a tenth as many cases as the in-memory properties.
const RUNS = Math.max(1, Math.floor(FUZZ_RUNS / 10));
const SEED = FUZZ_SEED;
const MAX_BYTES = 10 * 1024 * 1024;

const encoding = fc.constantFrom<{ encoding: TextEncoding; bom: boolean }>(
  { encoding: 'utf8', bom: false },
  { encoding: 'utf8', bom: true },
  { encoding: 'utf16le', bom: true },
  { encoding: 'utf16be', bom: true },
);

function quietIo(cwd: string): { io: Io; stderr: string[] } {
  const stderr: string[] = [];
  const io: Io = {
    cwd,
    env: {},
    stdout: () => assert.fail('--write prints nothing to stdout'),
    stderr: (t) => void stderr.push(t),
    stdoutIsTty: false,
    stderrIsTty: false,
    stdinHasData: () => false,
    readStdin: () => Promise.reject(new Error('no stdin here')),
  };
  return { io, stderr };
}

/** The bytes --fix --write must leave: the fixed text of what the file decodes to, in the file's own encoding. */
function expectedBytes(bytes: Buffer, name: string): Buffer {
  const source = decode(bytes) as SourceText;
  if (!source || !source.lossless) return bytes;
  const { findings } = lint(source.text, recommended(), { path: name });
  const fixed = applyFixes(source.text, findings);
  return fixed.applied > 0 ? encode(source, fixed.text) : bytes;
}

function leftovers(dir: string): string[] {
  return fs.readdirSync(dir).filter((f) => f.includes('clauselint-tmp'));
}

describe(`fixes written to disk (${RUNS} random documents, seed ${SEED})`, function () {
  this.timeout(0);
  const params = { numRuns: RUNS, seed: SEED, endOnFailure: true };
  let dir: string;
  let loader: ConfigLoader;
  before(() => {
    dir = tempDir('clauselint-fixwrite-');
    fs.writeFileSync(path.join(dir, '.clauselint.yaml'), 'extends: [clauselint:recommended]\n');
    fs.mkdirSync(path.join(dir, 'outside'));
    loader = new ConfigLoader({ config: path.join(dir, '.clauselint.yaml') });
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('--fix --write leaves exactly the in-memory fixed text, in the file own encoding, never empty or partial', async () => {
    const settings: TargetSettings = { quiet: false, fixTo: 'in-place', maxFileSize: MAX_BYTES, onlyStdin: false, coverage: false };
    await fc.assert(
      fc.asyncProperty(documentText, documentPath, encoding, measuredAsync('fixes written with --write', async (text, name, enc) => {
        const file = path.join(dir, name);
        const bytes = encode({ text, encoding: enc.encoding, bom: enc.bom, lossless: true }, text);
        fs.writeFileSync(file, bytes);
        const expected = expectedBytes(bytes, name);
        const { io, stderr } = quietIo(dir);
        const result = await lintTarget({ file, shown: name, stdin: false }, loader, settings, io);
        const after = fs.readFileSync(file);
        assert.ok(!result.failed, stderr.join(''));
        assert.ok(after.equals(expected), `${name} (${enc.encoding}${enc.bom ? ', BOM' : ''}) holds the fixed text`);
        if (bytes.length > 0) assert.ok(after.length > 0, 'never empty');
        assert.deepStrictEqual(leftovers(dir), []);
      })),
      params,
    );
  });

  it('keeps what a file was when read (its stamp) only when it may be rewritten in place', () => {
    const file = path.join(dir, 'stamped.md');
    fs.writeFileSync(file, 'The Provider may use the Data for any purpose.\n');
    const forRewrite = readSourceFile(file, 'stamped.md', MAX_BYTES);
    const forLint = readSourceFile(file, 'stamped.md', MAX_BYTES, false);
    assert.ok('source' in forRewrite && 'source' in forLint);
    assert.strictEqual(forRewrite.source.stamp?.size, fs.statSync(file).size);
    assert.match(forRewrite.source.stamp?.sha256 ?? '', /^[0-9a-f]{64}$/);
    assert.strictEqual(forLint.source.stamp, undefined);
    assert.strictEqual(forLint.source.text, forRewrite.source.text);
  });

  it('a file edited, replaced or swapped for a link after it was read is never written, and stays as it was made', () => {
    const outsideFile = path.join(dir, 'outside', 'victim.md');
    fc.assert(
      fc.property(
        documentText,
        documentPath,
        fc.constantFrom('edit', 'replace', 'link', 'delete'),
        fc.string({ minLength: 1, maxLength: 20 }),
        measured('refused writes', (anyText, name, change, extra) => {
          // NUL bytes would make it a binary file, which is never read for fixing.
          const text = anyText.replace(/\u0000/g, ' ');
          const file = path.join(dir, name);
          fs.rmSync(file, { force: true });
          fs.writeFileSync(file, text);
          const read = readSourceFile(file, name, MAX_BYTES);
          assert.ok('source' in read);
          const fixedText = applyFixes(read.source.text, lint(read.source.text, recommended(), { path: name }).findings).text + extra;
          fs.writeFileSync(outsideFile, 'outside\n');
          let onDisk: Buffer | undefined;
          if (change === 'edit') fs.writeFileSync(file, text + extra);
          if (change === 'replace') {
            fs.writeFileSync(file + '.new', text);
            fs.renameSync(file + '.new', file);
          }
          if (change === 'link') {
            fs.rmSync(file);
            fs.symlinkSync(outsideFile, file);
          }
          if (change === 'delete') fs.rmSync(file);
          if (change !== 'delete') onDisk = fs.readFileSync(file);
          const outcome = writeFileSafely(file, encode(read.source, fixedText), { root: dir, readAs: read.source.stamp });
          assert.ok('refused' in outcome, `${change}: refused`);
          if (onDisk) assert.ok(fs.readFileSync(file).equals(onDisk), `${change}: the file is as it was made`);
          else assert.ok(!fs.existsSync(file), 'a deleted file is not brought back');
          assert.strictEqual(fs.readFileSync(outsideFile, 'utf8'), 'outside\n');
          assert.deepStrictEqual(leftovers(dir), []);
          fs.rmSync(file, { force: true });
        }),
      ),
      params,
    );
  });
});
