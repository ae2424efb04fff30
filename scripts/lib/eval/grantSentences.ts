/**
 * Sentences of cuad-dev that might be broad-use grants, for the sentence-level
 * broad-grant evaluation. The splitter and the candidate pattern are fixed and
 * independent of the engine, so the labelled offsets stay valid whatever the
 * engine's own sentence splitter does; labels carry a hash of the sentence so a
 * changed corpus file is noticed rather than mis-scored.
 */
import * as crypto from 'crypto';

export interface SentenceSpan {
  start: number;
  end: number;
}

export interface GrantCandidate extends SentenceSpan {
  file: string;
  hash: string;
}

// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS = /(?:\b(?:inc|corp|co|ltd|llc|l\.l\.c|no|nos|sec|secs|art|arts|para|u\.s|e\.g|i\.e|etc|mr|mrs|ms|dr|st|vs|v|jr|sr|n\.a|s\.a|b\.v|n\.v|approx|incl|min|max|ex|exh|fig|ref|dept|govt|par)\.|\b[a-z]\.)$/i;

/**
 * Sentences of a plain-text contract: paragraphs are split at blank lines, and
 * inside a paragraph after ". ", "; " or ": " followed by an upper-case letter,
 * a quote, a parenthesis or a digit, except after common abbreviations.
 */
export function splitSentences(text: string): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  const paragraph = /[^\n]+(?:\n[ \t]*\S[^\n]*)*/g;
  let p: RegExpExecArray | null;
  while ((p = paragraph.exec(text))) {
    const base = p.index;
    const body = p[0];
    let start = 0;
    const boundary = /[.;:!?]["'\u201d\u2019)]?\s+(?=["'\u201c\u2018(]?[A-Z0-9(])/g;
    let b: RegExpExecArray | null;
    while ((b = boundary.exec(body))) {
      const before = body.slice(Math.max(0, b.index - 12), b.index + 1);
      if (body[b.index] === '.' && ABBREVIATIONS.test(before)) continue;
      const end = b.index + b[0].trimEnd().length;
      pushTrimmed(out, body, base, start, end);
      start = b.index + b[0].length;
    }
    pushTrimmed(out, body, base, start, body.length);
  }
  return out;
}

function pushTrimmed(out: SentenceSpan[], body: string, base: number, start: number, end: number): void {
  while (start < end && /\s/.test(body[start])) start++;
  while (end > start && /\s/.test(body[end - 1])) end--;
  if (end > start) out.push({ start: base + start, end: base + end });
}

const W = String.raw`\s+`;
/** Words that make a sentence worth labelling: breadth words, and perpetual or irrevocable licences (narrow look-alikes). */
const CANDIDATE = new RegExp(
  [
    String.raw`\bany${W}(?:and${W}all${W})?(?:other${W})?(?:(?:lawful|legal|legitimate|permissible|proper|business|commercial|internal|such|other)${W})?(?:purpose|purposes|use|uses|manner|application|applications|way|medium|media)\b`,
    String.raw`\ball${W}(?:lawful${W}|legal${W}|other${W})?(?:purposes|uses)\b`,
    String.raw`\bfreely\b`,
    String.raw`\bfree${W}(?:and${W}without${W}restriction${W})?to${W}(?:use|exploit|develop|commerciali[sz]e|practi[cs]e|market|deploy|manufacture)\b`,
    String.raw`\bfree${W}(?:of|from)${W}(?:any${W})?(?:restriction|restrictions|limitation|limitations)\b`,
    String.raw`\bwithout${W}(?:any${W})?(?:restriction|restrictions|limitation${W}as${W}to)\b`,
    String.raw`\bunrestricted\b`,
    String.raw`\bunlimited${W}(?:right|rights|use|license|licence|access)\b`,
    String.raw`\bin${W}any${W}and${W}all${W}media\b`,
    String.raw`\bwhatever${W}(?:purpose|purposes|manner)\b`,
    String.raw`\bas${W}(?:it|they|\w+ee)${W}(?:may${W})?(?:see|sees|deem|deems)${W}fit\b`,
    String.raw`\bin${W}such${W}manner${W}as\b`,
    String.raw`\b(?:perpetual|irrevocable)\b[^.;]{0,200}\b(?:license|licence|right${W}to${W}use)\b`,
  ].join('|'),
  'i',
);

export function sentenceHash(text: string): string {
  return crypto.createHash('sha1').update(text.replace(/\s+/g, ' ').trim()).digest('hex').slice(0, 10);
}

export function grantCandidates(file: string, text: string): GrantCandidate[] {
  return splitSentences(text)
    .filter((s) => CANDIDATE.test(text.slice(s.start, s.end)))
    .map((s) => ({ file, start: s.start, end: s.end, hash: sentenceHash(text.slice(s.start, s.end)) }));
}
