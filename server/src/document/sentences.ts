/**
 * Sentence boundaries inside paragraphs. A sentence ends at ".", "!" or "?"
 * (after closing quotes or brackets) followed by whitespace and a capital,
 * digit or opening bracket, unless the word before the stop is a known
 * abbreviation or a single capital ("U.S.", "No.", "Inc.").
 */
import { Span } from './lineIndex';

const BOUNDARY = /[.!?]["'\u201d\u2019)\]*_]*\s+(?=["'\u201c\u2018(\[*_]*[A-Z0-9])/g;

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'no', 'nos', 'inc', 'ltd', 'co', 'corp', 'llc', 'l.l.c', 'plc', 'st', 'sec', 'art', 'arts',
  'para', 'e.g', 'i.e', 'etc', 'vs', 'v', 'cf', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct',
  'nov', 'dec', 'u.s', 'u.k', 'fig', 'approx', 'dept', 'ref', 'sch', 'ex', 'n.a', 'jr', 'sr', 'p', 'pp', 'cl',
]);

function wordBefore(text: string, stop: number): string {
  let i = stop;
  while (i > 0 && /[A-Za-z.]/.test(text[i - 1])) i--;
  return text.slice(i, stop);
}

export function splitSentences(text: string, paragraphs: Span[]): Span[] {
  const sentences: Span[] = [];
  for (const p of paragraphs) {
    const body = text.slice(p.start, p.end);
    let start = 0;
    BOUNDARY.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = BOUNDARY.exec(body))) {
      if (body[m.index] === '.') {
        const word = wordBefore(body, m.index);
        const bare = word.replace(/^\.+/, '').toLowerCase();
        if (ABBREVIATIONS.has(bare) || /^[A-Z]$/.test(word) || /^(?:[A-Za-z]\.)+[A-Za-z]$/.test(word)) continue;
        // A lone section number ("1. Purpose") is a label, not a sentence.
        if (/^\s*(?:\d+\.)*\d+$/.test(body.slice(start, m.index))) continue;
      }
      const end = m.index + m[0].trimEnd().length;
      sentences.push({ start: p.start + start, end: p.start + end });
      start = m.index + m[0].length;
    }
    if (start < body.length) sentences.push({ start: p.start + start, end: p.end });
  }
  return sentences;
}
