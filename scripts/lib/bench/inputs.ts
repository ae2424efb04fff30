/**
 * Bench inputs built from the corpus: single files of a given size (corpus
 * contracts concatenated in name order) and a folder of many contracts of
 * about the same size each (corpus contracts taken in turn).
 */
import * as fs from 'fs';
import * as path from 'path';

const JOIN = '\n\n';

/**
 * Texts joined (cycling through them from `first` as often as needed) until the
 * result reaches `targetBytes` of UTF-8, then cut back to the last line break
 * before the target, so the input ends at the end of a line.
 */
export function concatToSize(texts: readonly string[], targetBytes: number, first = 0): string {
  if (texts.length === 0 || texts.every((t) => t.length === 0)) throw new Error('no corpus text to build bench inputs from');
  const parts: string[] = [];
  let bytes = 0;
  for (let k = 0; bytes < targetBytes; k++) {
    const text = texts[(first + k) % texts.length];
    parts.push(text);
    bytes += Buffer.byteLength(text) + (parts.length > 1 ? JOIN.length : 0);
  }
  const joined = parts.join(JOIN);
  return cutToBytes(joined, targetBytes);
}

/** `text` cut to at most `maxBytes` of UTF-8: after the last line break if one is in the second half, else on a character boundary. */
export function cutToBytes(text: string, maxBytes: number): string {
  const buf = Buffer.from(text, 'utf8');
  if (buf.length <= maxBytes) return text;
  const lineBreak = buf.lastIndexOf(0x0a, maxBytes - 1);
  let end = maxBytes;
  if (lineBreak >= maxBytes / 2) end = lineBreak + 1;
  else while (end > 0 && (buf[end] & 0xc0) === 0x80) end--; // never split a UTF-8 sequence
  return buf.subarray(0, end).toString('utf8');
}

export interface BenchInput {
  label: string;
  file: string;
  bytes: number;
}

export function readTexts(files: readonly string[]): string[] {
  return files.map((f) => fs.readFileSync(f, 'utf8'));
}

/** One file per size, named by its label, in `dir`. */
export function writeSizedInputs(dir: string, texts: readonly string[], sizes: { label: string; bytes: number }[]): BenchInput[] {
  return sizes.map(({ label, bytes }) => {
    const file = path.join(dir, `contract-${label.replace(/\s+/g, '')}.txt`);
    const text = concatToSize(texts, bytes);
    fs.writeFileSync(file, text);
    return { label, file, bytes: Buffer.byteLength(text) };
  });
}

/** `count` contracts of about `bytesEach` in a new folder `dir`, contract i starting from corpus text i (cycling). */
export function writeBatch(dir: string, texts: readonly string[], count: number, bytesEach: number): { dir: string; files: number; bytes: number } {
  fs.mkdirSync(dir, { recursive: true });
  const width = String(count).length;
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const text = concatToSize(texts, bytesEach, i);
    bytes += Buffer.byteLength(text);
    fs.writeFileSync(path.join(dir, `contract-${String(i + 1).padStart(width, '0')}.txt`), text);
  }
  return { dir, files: count, bytes };
}
