/**
 * Reading contract text from disk or stdin, and writing it back the way it was:
 * the byte-order mark is taken off for linting (editors do not count it either,
 * so positions match) and put back on write; UTF-16 files (Word's "Unicode
 * text") are read and written as UTF-16. Binary files and files over the size
 * limit are skipped with a reason, never a crash.
 */
import { isUtf8 } from 'buffer';
import * as fs from 'fs';
import { formatBytes } from './formatBytes';
import { ReadStamp, stampOf } from './safeWrite';

export type TextEncoding = 'utf8' | 'utf16le' | 'utf16be';

export interface SourceText {
  text: string;
  encoding: TextEncoding;
  bom: boolean;
  /** False when the bytes were not valid UTF-8 and were decoded with replacement characters: never write those back. */
  lossless: boolean;
  /** Why the text is not exactly the file's bytes, when it is not (a warning for the user). */
  loss?: string;
  /** The file as it was read, so a rewrite can tell whether it changed meanwhile (files only, not stdin). */
  stamp?: ReadStamp;
}

export type ReadOutcome = { source: SourceText } | { skipped: string } | { error: string };

const BINARY_SNIFF_BYTES = 8192;

export function decode(buf: Buffer): SourceText | undefined {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return utf8(buf.subarray(3), true);
  if (buf[0] === 0xff && buf[1] === 0xfe) return utf16(buf.subarray(2).toString('utf16le'), 'utf16le', buf.length);
  if (buf[0] === 0xfe && buf[1] === 0xff) {
    const body = Buffer.from(buf.subarray(2));
    body.subarray(0, body.length & ~1).swap16();
    return utf16(body.toString('utf16le'), 'utf16be', buf.length);
  }
  // NUL bytes do not occur in text; without a UTF-16 mark they mean a binary file.
  if (buf.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return undefined;
  return utf8(buf, false);
}

function utf8(buf: Buffer, bom: boolean): SourceText {
  const lossless = isUtf8(buf);
  return { text: buf.toString('utf8'), encoding: 'utf8', bom, lossless, ...(lossless ? {} : { loss: 'it is not valid UTF-8; invalid bytes were replaced' }) };
}

/** UTF-16 text is whole 2-byte units: an odd last byte is not text, and is said to be dropped rather than dropped silently. */
function utf16(text: string, encoding: 'utf16le' | 'utf16be', bytes: number): SourceText {
  if (bytes % 2 === 0) return { text, encoding, bom: true, lossless: true };
  return { text, encoding, bom: true, lossless: false, loss: 'it is UTF-16 text with an odd trailing byte, which was left out' };
}

export function encode(source: SourceText, text: string): Buffer {
  if (source.encoding === 'utf8') return Buffer.from(source.bom ? '\ufeff' + text : text, 'utf8');
  const body = Buffer.from('\ufeff' + text, 'utf16le');
  return source.encoding === 'utf16be' ? body.swap16() : body;
}

/**
 * Read through one descriptor, so the size checked, the bytes read and the
 * stamp kept for a later rewrite (`forRewrite`) are all of the same file. Opened without
 * blocking: a FIFO is refused, never waited on.
 */
export function readSourceFile(file: string, shownAs: string, maxBytes: number, forRewrite = true): ReadOutcome {
  let buf: Buffer;
  let stat: fs.Stats;
  try {
    const fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    try {
      stat = fs.fstatSync(fd);
      if (!stat.isFile()) return { skipped: 'not a regular file' };
      if (stat.size > maxBytes) return { skipped: `${formatBytes(stat.size)} is over the --max-file-size limit of ${formatBytes(maxBytes)}` };
      buf = fs.readFileSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { error: `cannot read ${shownAs}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (err as Error).message}` };
  }
  const source = decode(buf);
  if (!source) return { skipped: 'binary file (it contains NUL bytes)' };
  // The stamp hashes every byte: made only for a file that may be rewritten in place.
  return { source: forRewrite ? { ...source, stamp: stampOf(stat, buf) } : source };
}
