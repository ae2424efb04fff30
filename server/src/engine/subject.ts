/**
 * What a document is about, as spans: its title, its recitals (WHEREAS paragraphs, a section
 * titled Recitals, Background, Purpose, Scope or Overview), the parties' first obligations (the
 * sentences near the top that say "shall" or "must") and the bodies of the definitions of
 * what it supplies ("Platform" means the hosted large language model ...). A condition can count
 * term hits only there, so one mention of "automated decision making" in a list of processing
 * operations, or a company's tagline, does not make a document an AI contract.
 */
import { ContractDocument } from '../document/contractDocument';
import { Span } from '../document/lineIndex';

/** Spans of one kind ('paragraphs', 'sentences') in the blocks that start before `limit`: the opening only, never the whole document's list. */
function openingSpans(doc: ContractDocument, kind: 'paragraphs' | 'sentences', limit: number): Span[] {
  const out: Span[] = [];
  for (const block of doc.blocks) {
    if (block.start >= limit) break;
    for (const s of block.analysis[kind]) out.push({ start: block.start + s.start, end: block.start + s.end });
  }
  return out;
}

const RECITAL_TITLE = /^(?:recitals?|background|purpose|purposes|scope|overview|introduction|preamble|summary)\b/i;
const WHEREAS = /^\s*(?:\*\*|__)?whereas\b/i;
/** Only the first part of a document holds its title and recitals. */
const OPENING_CHARS = 6000;

/** The title: a front matter `title:`, the first paragraph of text, and a Markdown title heading near the top. */
function titleSpans(doc: ContractDocument): Span[] {
  let from = 0;
  const front = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(doc.text.slice(0, 4000));
  const spans: Span[] = [];
  if (front) {
    from = front[0].length;
    const title = /^title:.*$/m.exec(front[0]);
    if (title) spans.push({ start: title.index, end: title.index + title[0].length });
  }
  const first = openingSpans(doc, 'paragraphs', from + 4000).find((p) => p.start >= from && doc.text.slice(p.start, p.end).trim() !== '');
  if (first) spans.push(first);
  const top = doc.text.slice(from, from + 1000);
  const heading = /^(?:#{1,2}[ \t]+\S.*|\S.*\r?\n={3,}[ \t]*)$/m.exec(top);
  if (heading) spans.push({ start: from + heading.index, end: from + heading.index + heading[0].length });
  return spans;
}

/** Recitals written under a plain RECITALS / BACKGROUND line, up to the first numbered clause. */
const RECITALS_LINE = /^[ \t]*(?:\*\*|#+[ \t]*)?(?:RECITALS|BACKGROUND|Recitals|Background|PREAMBLE|Preamble)\b.*$/m;
/** The next heading in capitals ("1. DEFINITIONS", "SECTION 1 - DEFINITIONS") or the operative words. */
const RECITALS_END = /^[ \t]*(?:(?:\d{1,2}\.?|SECTION[ \t]+\d+[ \t]*[-\u2013:.]?)[ \t]*[A-Z][A-Z ,&'-]{4,}$|IT IS AGREED|NOW,? THEREFORE)/m;

function plainRecitals(doc: ContractDocument): Span[] {
  const opening = doc.text.slice(0, OPENING_CHARS);
  const m = RECITALS_LINE.exec(opening);
  if (!m) return [];
  const rest = opening.slice(m.index + m[0].length);
  const end = RECITALS_END.exec(rest);
  return [{ start: m.index, end: m.index + m[0].length + (end ? end.index : Math.min(rest.length, 3000)) }];
}

/** The parties' first obligations: sentences near the top that bind someone ("The Contractor shall deliver ..."). */
const OBLIGATION = /\b(?:shall|must|agrees? to|undertakes? to)\b/;
const OBLIGATIONS_CHARS = 3000;
/** What is supplied is defined near the top (a definitions clause), not in a schedule at the end. */
const DEFINITIONS_CHARS = 40000;

function firstObligations(doc: ContractDocument): Span[] {
  const out: Span[] = [];
  for (const s of openingSpans(doc, 'sentences', OBLIGATIONS_CHARS)) {
    if (s.start > OBLIGATIONS_CHARS) break;
    if (OBLIGATION.test(doc.text.slice(s.start, s.end))) out.push(s);
  }
  return out;
}

export function subjectSpans(doc: ContractDocument, suppliedWords: string[]): Span[] {
  const spans: Span[] = [...titleSpans(doc), ...plainRecitals(doc), ...firstObligations(doc)];
  for (const p of openingSpans(doc, 'paragraphs', OPENING_CHARS)) {
    if (p.start > OPENING_CHARS) break;
    if (WHEREAS.test(doc.text.slice(p.start, Math.min(p.end, p.start + 20)))) spans.push(p);
  }
  for (const s of doc.sections) {
    if (s.start > OPENING_CHARS) break;
    if (RECITAL_TITLE.test(s.title.replace(/^[^A-Za-z]+/, ''))) spans.push({ start: s.start, end: Math.min(s.end, s.start + 3000) });
  }
  const words = new Set(suppliedWords.map((w) => w.toLowerCase()));
  // The definitions near the top, read from their blocks (a keystroke does not assemble the document's list).
  for (const block of doc.blocks) {
    if (block.start >= DEFINITIONS_CHARS) break;
    for (const d of block.analysis.definitions) {
      if (d.form !== 'means' || !d.term.toLowerCase().split(/[\s-]+/).some((w) => words.has(w))) continue;
      spans.push({ start: block.start + d.termSpan.start, end: block.start + d.body.end });
    }
  }
  return spans;
}
