import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { concatToSize, cutToBytes, writeBatch } from '../../scripts/lib/bench/inputs';

describe('scripts/lib/bench/inputs', () => {
  const texts = ['1. Term.\nThe term is one year.\n', '2. Fees.\nFees are due monthly.\n', '3. Audit.\nBooks may be audited.\n'];

  it('cuts at the last line break that fits', () => {
    assert.strictEqual(cutToBytes('line one\nline two\nline three', 20), 'line one\nline two\n');
    assert.strictEqual(cutToBytes('short', 20), 'short');
  });

  it('never splits a UTF-8 character when there is no line break to cut at', () => {
    const cut = cutToBytes('\u00e9\u00e9\u00e9', 3); // two bytes each
    assert.strictEqual(cut, '\u00e9');
  });

  it('joins texts in order, cycling, up to the target size', () => {
    const out = concatToSize(texts, 120);
    assert.ok(Buffer.byteLength(out) <= 120);
    assert.ok(Buffer.byteLength(out) > 60);
    assert.ok(out.startsWith(texts[0]));
    assert.ok(out.includes(texts[1]) && out.includes(texts[2]));
    assert.strictEqual(concatToSize(texts, 120), out, 'deterministic');
  });

  it('starts from the given text', () => {
    assert.ok(concatToSize(texts, 60, 2).startsWith(texts[2]));
  });

  it('refuses to build from nothing', () => {
    assert.throws(() => concatToSize([], 10));
    assert.throws(() => concatToSize([''], 10));
  });

  it('writes a batch folder of numbered contracts', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clauselint-inputs-test-'));
    try {
      const batch = writeBatch(path.join(dir, 'batch'), texts, 12, 80);
      const names = fs.readdirSync(batch.dir).sort();
      assert.strictEqual(names.length, 12);
      assert.strictEqual(names[0], 'contract-01.txt');
      assert.strictEqual(batch.bytes, names.reduce((n, f) => n + fs.statSync(path.join(batch.dir, f)).size, 0));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
