/**
 * A file read for linting: contract text as it is (see source.ts), a Word
 * document through the .docx extractor (docx/). Each failure is that file's
 * own: skipped with a reason, or an error. Standard input is the CLI's
 * (cli/readInput.ts).
 */
import * as fs from 'fs';
import { DocxError, DocxText, extractDocxText, isDocxPath } from './docx/docxText';
import { formatBytes } from './formatBytes';
import { readSourceFile, SourceText } from './source';

export interface LintInput {
  source: SourceText;
  /** Set for a Word document: its paragraphs, to locate findings by paragraph. */
  docx?: DocxText;
}

export type InputOutcome = { input: LintInput } | { skipped: string } | { error: string };

export async function inputFromDocx(buf: Buffer, shown: string): Promise<InputOutcome> {
  try {
    const docx = await extractDocxText(buf);
    // Extracted text is never written back: Word files are only read.
    return { input: { source: { text: docx.text, encoding: 'utf8', bom: false, lossless: false }, docx } };
  } catch (err) {
    if (err instanceof DocxError) return { error: `cannot read ${shown}: ${err.message}` };
    throw err;
  }
}

async function readDocxFile(file: string, shown: string, maxBytes: number): Promise<InputOutcome> {
  let buf: Buffer;
  try {
    const size = fs.statSync(file).size;
    if (size > maxBytes) return { skipped: `${formatBytes(size)} is over the --max-file-size limit of ${formatBytes(maxBytes)}` };
    buf = fs.readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { error: `cannot read ${shown}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (err as Error).message}` };
  }
  return inputFromDocx(buf, shown);
}

/** `file` (shown to the user as `shown`): a Word document when its name says so, else contract text. */
export async function readInputFile(file: string, shown: string, maxBytes: number, forRewrite = true): Promise<InputOutcome> {
  if (isDocxPath(file)) return readDocxFile(file, shown, maxBytes);
  const read = readSourceFile(file, shown, maxBytes, forRewrite);
  return 'source' in read ? { input: { source: read.source } } : read;
}
