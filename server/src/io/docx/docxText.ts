/**
 * Word documents as lintable text. mammoth's `extractRawText` ends every
 * paragraph (including empty ones and table-cell paragraphs) with a blank
 * line, so splitting on "\n\n" recovers the document's paragraphs in order:
 * paragraph N of the text is paragraph N of the document, which is how
 * findings in a .docx are located (a .docx has no lines).
 */
import { Span } from '../../document/lineIndex';

export interface DocxText {
  /** The extracted text, linted as plain text: paragraphs separated by blank lines. */
  text: string;
  /** Span of each paragraph in `text`; index i is paragraph i + 1 of the document. */
  paragraphs: Span[];
}

/** A file that could not be read as a Word document, with a message fit for the user. */
export class DocxError extends Error {}

export function isDocxPath(file: string): boolean {
  return /\.docx$/i.test(file);
}

export function paragraphSpans(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (let end = text.indexOf('\n\n'); end >= 0; end = text.indexOf('\n\n', start)) {
    spans.push({ start, end });
    start = end + 2;
  }
  if (start < text.length) spans.push({ start, end: text.length });
  return spans;
}

function describeFailure(err: Error): string {
  const message = err.message ?? String(err);
  if (/central directory|zip/i.test(message)) return 'not a Word document (.docx): it is not a zip archive, or the archive is damaged';
  if (/main document part/i.test(message)) return 'not a Word document (.docx): the archive has no word/document.xml';
  return `not a readable Word document (.docx): ${message.split('\n')[0]}`;
}

export async function extractDocxText(buffer: Buffer): Promise<DocxText> {
  // Loaded on first use: runs without a .docx never pay for mammoth.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mammoth = require('mammoth') as typeof import('mammoth');
  let text: string;
  try {
    text = (await mammoth.extractRawText({ buffer })).value;
  } catch (err) {
    throw new DocxError(describeFailure(err as Error));
  }
  return { text, paragraphs: paragraphSpans(text) };
}
