/**
 * Defined terms: `"X" means ...`, `"X" shall have the meaning ...`,
 * parenthetical definitions `(the "X")`, `("X")`, `(hereinafter "X")`, and the
 * rows of a glossary table (`| Licensed Use | any lawful use of ... |`).
 * The definition's body is what gives the term its meaning: the rest of the
 * sentence for `means`, the sentence up to the parenthesis otherwise.
 */
import { Span, spanIndexAt } from './lineIndex';

export interface Definition {
  term: string;
  /** Where the quoted term is written. */
  termSpan: Span;
  /** The text that defines it. */
  body: Span;
  /** `"X" means ...` (the body is a definition and nothing else), or `(the "X")` (the body is an ordinary sentence that names X). */
  form: 'means' | 'paren';
}

const Q_OPEN = '["\u201c]';
const Q_CLOSE = '["\u201d]';
const EMPH = '(?:\\*\\*|__|\\*|_)?';
const TERM = `([A-Z][^"\u201c\u201d\\n*_]{0,80}?)`;

const MEANS = new RegExp(
  `${EMPH}${Q_OPEN}${EMPH}${TERM}${EMPH}${Q_CLOSE}${EMPH}[ \\t]*(?:,[^,\\n]{0,40},[ \\t]*)?(?:(?:shall|SHALL)[ \\t]+)?(?:means?|mean[ \\t]+and[ \\t]+includes?|refers?[ \\t]+to|shall[ \\t]+have[ \\t]+the[ \\t]+meaning|has[ \\t]+the[ \\t]+meaning|includes?|MEANS?|MEAN[ \\t]+AND[ \\t]+INCLUDES?|REFERS?[ \\t]+TO|HAVE[ \\t]+THE[ \\t]+MEANING|HAS[ \\t]+THE[ \\t]+MEANING|INCLUDES?)\\b`,
  'g',
);
const PAREN = new RegExp(
  `\\((?:each[ \\t]+)?(?:(?:the|a|an)[ \\t]+)?(?:hereinafter[ \\t]+(?:referred[ \\t]+to[ \\t]+as[ \\t]+|called[ \\t]+)?(?:the[ \\t]+)?)?${EMPH}${Q_OPEN}${EMPH}${TERM}${EMPH}${Q_CLOSE}${EMPH}[^)\\n]{0,40}\\)`,
  'g',
);

/** A glossary row: a Title Case term of up to six words in the first cell, its meaning in the second. */
const TABLE_ROW = /^[ \t]*\|[ \t]*(?:\*\*|__|["\u201c])?([A-Z][A-Za-z0-9'-]*(?:[ \t]+[A-Z][A-Za-z0-9'-]*){0,5})(?:\*\*|__|["\u201d])?[ \t]*\|([^|\n]{8,})\|/gm;
const TABLE_HEADER = /^\s*(?:meaning|definition|description|means)\s*$/i;

/** `sentencesOf` is called only when a definition is found (a definition's body is bounded by its sentence). */
export function findDefinitions(text: string, sentencesOf: () => Span[], paragraphs: Span[]): Definition[] {
  const found: Definition[] = [];
  let m: RegExpExecArray | null;
  MEANS.lastIndex = 0;
  while ((m = MEANS.exec(text))) {
    const term = m[1].trim();
    const termStart = text.indexOf(m[1], m.index);
    // A "means" definition runs to the end of its sentence, which holds any "(a) ...; (b) ..." list
    // (no full stop ends a list item); not to the end of its paragraph, which in a contract
    // without blank lines can be a whole page.
    const sentences = sentencesOf();
    const sentence = sentences[spanIndexAt(sentences, m.index)];
    const para = paragraphs[spanIndexAt(paragraphs, m.index)];
    const bodyEnd = sentence && sentence.end > m.index ? sentence.end : para ? para.end : Math.min(text.length, m.index + m[0].length + 500);
    found.push({ term, termSpan: { start: termStart, end: termStart + term.length }, body: { start: m.index + m[0].length, end: bodyEnd }, form: 'means' });
  }
  PAREN.lastIndex = 0;
  while ((m = PAREN.exec(text))) {
    const term = m[1].trim();
    const termStart = text.indexOf(m[1], m.index);
    const sentences = sentencesOf();
    const sentence = sentences[spanIndexAt(sentences, m.index)];
    const bodyStart = sentence ? sentence.start : Math.max(0, m.index - 300);
    found.push({ term, termSpan: { start: termStart, end: termStart + term.length }, body: { start: bodyStart, end: m.index }, form: 'paren' });
  }
  TABLE_ROW.lastIndex = 0;
  // Most blocks hold no table: the multi-line regex would try every line of them.
  const hasTable = text.includes('|');
  while (hasTable && (m = TABLE_ROW.exec(text))) {
    const cell = m[2];
    if (TABLE_HEADER.test(cell) || /^[\s:-]+$/.test(cell)) continue;
    const termStart = m.index + m[0].indexOf(m[1]);
    const bodyStart = m.index + m[0].length - 1 - cell.length;
    found.push({ term: m[1], termSpan: { start: termStart, end: termStart + m[1].length }, body: { start: bodyStart, end: bodyStart + cell.length }, form: 'means' });
  }
  found.sort((a, b) => a.termSpan.start - b.termSpan.start);
  return found;
}
