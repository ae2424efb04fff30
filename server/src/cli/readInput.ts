/**
 * One lint target in, text to lint out: contract files as they are (see
 * source.ts), Word documents through the .docx extractor, standard input
 * either way (a .docx on stdin needs --stdin-filename with a .docx name).
 * Each failure is that file's own: skipped with a reason, or an error.
 */
import * as fs from 'fs';
import { DocxError, DocxText, extractDocxText, isDocxPath } from '../docx/docxText';
import { CliError } from './cliError';
import { formatBytes, InputTooLargeError, Io } from './io';
import { decode, readSourceFile, SourceText } from './source';
import { Target } from './targets';

export interface LintInput {
  source: SourceText;
  /** Set for a Word document: its paragraphs, to locate findings by paragraph. */
  docx?: DocxText;
}

export type InputOutcome = { input: LintInput } | { skipped: string } | { error: string };

export interface ReadLimits {
  maxFileSize: number;
  /** No input was named (stdin was read because something was piped in): empty stdin is then a usage error. */
  onlyStdin: boolean;
}

async function fromDocx(buf: Buffer, shown: string): Promise<InputOutcome> {
  try {
    const docx = await extractDocxText(buf);
    // Extracted text is never written back: Word files are only read.
    return { input: { source: { text: docx.text, encoding: 'utf8', bom: false, lossless: false }, docx } };
  } catch (err) {
    if (err instanceof DocxError) return { error: `cannot read ${shown}: ${err.message}` };
    throw err;
  }
}

async function readDocxFile(target: Target, maxBytes: number): Promise<InputOutcome> {
  let buf: Buffer;
  try {
    const size = fs.statSync(target.file).size;
    if (size > maxBytes) return { skipped: `${formatBytes(size)} is over the --max-file-size limit of ${formatBytes(maxBytes)}` };
    buf = fs.readFileSync(target.file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { error: `cannot read ${target.shown}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (err as Error).message}` };
  }
  return fromDocx(buf, target.shown);
}

async function readStdinTarget(target: Target, limits: ReadLimits, io: Io): Promise<InputOutcome> {
  let buf: Buffer;
  try {
    buf = await io.readStdin(limits.maxFileSize);
  } catch (err) {
    if (err instanceof InputTooLargeError) return { skipped: err.message };
    throw err;
  }
  if (isDocxPath(target.file)) return fromDocx(buf, target.shown);
  const source = decode(buf);
  if (!source) return { skipped: 'binary input (it contains NUL bytes)' };
  if (source.text.length === 0 && limits.onlyStdin) {
    throw new CliError('no input: standard input was empty (name files, folders or globs to lint)', true);
  }
  return { input: { source } };
}

export async function readTarget(target: Target, limits: ReadLimits, io: Io): Promise<InputOutcome> {
  if (target.stdin) return readStdinTarget(target, limits, io);
  if (isDocxPath(target.file)) return readDocxFile(target, limits.maxFileSize);
  const read = readSourceFile(target.file, target.shown, limits.maxFileSize);
  return 'source' in read ? { input: { source: read.source } } : read;
}

/**
 * Read a target for a command, reporting on stderr what cannot be linted: a
 * skipped file (binary, too large) as a warning, a read failure as an error.
 * `input` is undefined when there is nothing to lint; `failed` marks a read error.
 */
export async function readOrReport(target: Target, limits: ReadLimits, io: Io): Promise<{ input?: LintInput; failed: boolean }> {
  const read = await readTarget(target, limits, io);
  if ('skipped' in read) {
    io.stderr(`clauselint: warning: skipping ${target.shown}: ${read.skipped}\n`);
    return { failed: false };
  }
  if ('error' in read) {
    io.stderr(`clauselint: ${read.error}\n`);
    return { failed: true };
  }
  const { source } = read.input;
  // Invalid UTF-8 is linted as it is (and never written back); a dropped UTF-16 byte is worth saying.
  if (source.encoding !== 'utf8' && source.loss) io.stderr(`clauselint: warning: ${target.shown}: ${source.loss}\n`);
  return { input: read.input, failed: false };
}
