/** Where a finding is in a Word document: the paragraph number (1-based) and a short excerpt of the words. */
import { Span } from '../../document/lineIndex';
import { DocxText } from './docxText';

export interface ParagraphLocation {
  paragraph: number;
  excerpt: string;
}

export const MAX_EXCERPT = 80;

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : flat.slice(0, max - 1).trimEnd() + '…';
}

/** Index of the last paragraph starting at or before `offset` (0 when there is none). */
function paragraphIndexAt(paragraphs: Span[], offset: number): number {
  let lo = 0;
  let hi = paragraphs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (paragraphs[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return Math.max(0, lo);
}

/**
 * The flagged words themselves, or, for a finding that marks a place rather
 * than words (an empty span), the start of its paragraph.
 */
export function locateInDocx(docx: DocxText, span: Span): ParagraphLocation {
  const index = paragraphIndexAt(docx.paragraphs, span.start);
  const paragraph = docx.paragraphs[index] ?? { start: 0, end: docx.text.length };
  const words = docx.text.slice(span.start, span.end);
  const excerpt = words.trim() ? clip(words, MAX_EXCERPT) : clip(docx.text.slice(Math.max(span.start, paragraph.start), paragraph.end), 60);
  return { paragraph: index + 1, excerpt };
}
