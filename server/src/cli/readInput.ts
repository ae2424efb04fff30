/**
 * One lint target in, text to lint out: files as io/lintInput.ts reads them,
 * standard input either way (a .docx on stdin needs --stdin-filename with a
 * .docx name). Each failure is that file's own: skipped with a reason, or an error.
 */
import { isDocxPath } from '../io/docx/docxText';
import { InputOutcome, inputFromDocx, LintInput, readInputFile } from '../io/lintInput';
import { decode } from '../io/source';
import { CliError } from './cliError';
import { InputTooLargeError, Io } from './io';
import { Target } from './targets';

export interface ReadLimits {
  maxFileSize: number;
  /** No input was named (stdin was read because something was piped in): empty stdin is then a usage error. */
  onlyStdin: boolean;
  /** The file may be rewritten in place (--fix): keep what it was when read, to refuse the rewrite if it changes meanwhile. */
  forRewrite?: boolean;
}

async function readStdinTarget(target: Target, limits: ReadLimits, io: Io): Promise<InputOutcome> {
  let buf: Buffer;
  try {
    buf = await io.readStdin(limits.maxFileSize);
  } catch (err) {
    if (err instanceof InputTooLargeError) return { skipped: err.message };
    throw err;
  }
  if (isDocxPath(target.file)) return inputFromDocx(buf, target.shown);
  const source = decode(buf);
  if (!source) return { skipped: 'binary input (it contains NUL bytes)' };
  if (source.text.length === 0 && limits.onlyStdin) {
    throw new CliError('no input: standard input was empty (name files, folders or globs to lint)', true);
  }
  return { input: { source } };
}

export async function readTarget(target: Target, limits: ReadLimits, io: Io): Promise<InputOutcome> {
  if (target.stdin) return readStdinTarget(target, limits, io);
  return readInputFile(target.file, target.shown, limits.maxFileSize, limits.forRewrite ?? true);
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
