/**
 * Find a labelled excerpt in a contract whatever its spacing, case or quote
 * style, and show a span of text on one short line.
 */
import { Span } from '../../server/src/api';

/** Text folded for searching, with `map[i]` = offset in the original of folded character `i`. */
export interface FoldedText {
  text: string;
  map: number[];
}

const QUOTES: Record<string, string> = { '\u2018': "'", '\u2019': "'", '\u201c': '"', '\u201d': '"', '\u00a0': ' ' };

/** Whitespace runs become one space; case and curly quotes are folded; leading/trailing space dropped. */
export function foldForSearch(text: string): FoldedText {
  let out = '';
  const map: number[] = [];
  let pendingSpace = false;
  for (let i = 0; i < text.length; i++) {
    let c = text[i];
    c = QUOTES[c] ?? c;
    if (isSpace(c)) {
      pendingSpace = out.length > 0;
      continue;
    }
    if (pendingSpace) {
      out += ' ';
      map.push(i - 1);
      pendingSpace = false;
    }
    const lower = c.toLowerCase();
    out += lower.length === 1 ? lower : c;
    map.push(i);
  }
  return { text: out, map };
}

function isSpace(c: string): boolean {
  const code = c.charCodeAt(0);
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return code > 0x7f && /\s/.test(c);
}

/** CUAD marks text left out of an excerpt (page breaks, footers) with this. */
export const OMISSION = '<omitted>';

/**
 * Where `excerpt` occurs in the original text: one span per part between
 * omission marks, each found after the previous one; undefined unless every
 * part is found.
 */
export function locateExcerpt(folded: FoldedText, excerpt: string): Span[] | undefined {
  const parts = excerpt.split(OMISSION).map((p) => foldForSearch(p).text).filter((p) => p !== '');
  if (parts.length === 0) return undefined;
  const spans: Span[] = [];
  let from = 0;
  for (const part of parts) {
    const at = folded.text.indexOf(part, from);
    if (at < 0) return undefined;
    spans.push({ start: folded.map[at], end: folded.map[at + part.length - 1] + 1 });
    from = at + part.length;
  }
  return spans;
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** `text` on one line, whitespace collapsed, cut to `max` characters with an ellipsis. */
export function oneLine(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : flat.slice(0, max - 1).trimEnd() + '…';
}
