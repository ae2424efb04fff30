/**
 * Reading contract text from disk or stdin, and writing it back the way it was:
 * the byte-order mark is taken off for linting (editors do not count it either,
 * so positions match) and put back on write; UTF-16 files (Word's "Unicode
 * text") are read and written as UTF-16. Binary files and files over the size
 * limit are skipped with a reason, never a crash.
 */
import { isUtf8 } from 'buffer';
import * as fs from 'fs';
import { formatBytes } from './io';

export type TextEncoding = 'utf8' | 'utf16le' | 'utf16be';

export interface SourceText {
  text: string;
  encoding: TextEncoding;
  bom: boolean;
  /** False when the bytes were not valid UTF-8 and were decoded with replacement characters: never write those back. */
  lossless: boolean;
}

export type ReadOutcome = { source: SourceText } | { skipped: string } | { error: string };

const BINARY_SNIFF_BYTES = 8192;

export function decode(buf: Buffer): SourceText | undefined {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return utf8(buf.subarray(3), true);
  if (buf[0] === 0xff && buf[1] === 0xfe) return { text: buf.subarray(2).toString('utf16le'), encoding: 'utf16le', bom: true, lossless: true };
  if (buf[0] === 0xfe && buf[1] === 0xff) {
    const body = Buffer.from(buf.subarray(2));
    body.subarray(0, body.length & ~1).swap16();
    return { text: body.toString('utf16le'), encoding: 'utf16be', bom: true, lossless: true };
  }
  // NUL bytes do not occur in text; without a UTF-16 mark they mean a binary file.
  if (buf.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return undefined;
  return utf8(buf, false);
}

function utf8(buf: Buffer, bom: boolean): SourceText {
  return { text: buf.toString('utf8'), encoding: 'utf8', bom, lossless: isUtf8(buf) };
}

export function encode(source: SourceText, text: string): Buffer {
  if (source.encoding === 'utf8') return Buffer.from(source.bom ? '\ufeff' + text : text, 'utf8');
  const body = Buffer.from('\ufeff' + text, 'utf16le');
  return source.encoding === 'utf16be' ? body.swap16() : body;
}

export function readSourceFile(file: string, shownAs: string, maxBytes: number): ReadOutcome {
  let buf: Buffer;
  try {
    const stat = fs.statSync(file);
    if (stat.size > maxBytes) return { skipped: `${formatBytes(stat.size)} is over the --max-file-size limit of ${formatBytes(maxBytes)}` };
    buf = fs.readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { error: `cannot read ${shownAs}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (err as Error).message}` };
  }
  const source = decode(buf);
  return source ? { source } : { skipped: 'binary file (it contains NUL bytes)' };
}
