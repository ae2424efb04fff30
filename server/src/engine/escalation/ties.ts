/**
 * Where an escalation path is gathered: the unit a clause sits in (its outermost section that is
 * not the whole document's wrapper) and what that unit ties to: the sections its element
 * sentences cross-refer to, and the definitions of the defined terms used in them (with the
 * sections those definitions refer to: "Decision Log" means the log kept under Section 5.3).
 * Read from structure and the element hits only: no rescan of the text.
 */
import { ContractDocument, referencesIn, sectionAt } from '../../document/contractDocument';
import { Definition } from '../../document/definitions';
import { Span } from '../../document/lineIndex';
import { resolveReference } from '../../document/references';
import { Section } from '../../document/structure';

/** An unnumbered heading over more than this share of the document is a wrapper (the title over everything), not a clause. */
const WRAPPER_SHARE = 0.5;

export interface Unit extends Span {
  /** The section the unit is, when it is one. */
  section?: Section;
}

/** The unit holding `offset`: the outermost enclosing section that is not a wrapper of the document. */
export function unitAt(doc: ContractDocument, offset: number): Unit {
  const length = doc.text.length;
  let s = sectionAt(doc, offset);
  if (!s) {
    // Before the first section (a preamble), or a document without sections.
    const first = doc.sections[0];
    return first && offset < first.start ? { start: 0, end: first.start } : { start: 0, end: length };
  }
  while (s.parent >= 0) {
    const parent: Section = doc.sections[s.parent];
    if (!parent.label && parent.end - parent.start > WRAPPER_SHARE * length) break;
    s = parent;
  }
  return { start: s.start, end: s.end, section: s };
}

/** How a message names a unit: "Section 5", "\"Change Control\"", or "this clause". */
export function unitName(unit: Unit): string {
  const s = unit.section;
  if (!s) return 'this document';
  if (s.label && s.family === 'schedule') return s.title ? `"${s.title}"` : s.label;
  if (s.label) return `${s.family === 'article' ? 'Article' : 'Section'} ${s.path || s.number}`;
  return s.title ? `"${s.title}"` : 'this clause';
}

/** Longest defined term looked up, in words. */
const MAX_TERM_WORDS = 6;
/** A word that can start a defined term: every term starts with a capital (document/definitions.ts). */
const CAPITAL_WORD = /(?<![A-Za-z0-9'\u2019-])[A-Z][A-Za-z0-9'\u2019-]*/g;
/** The word after a given one (any word: a term's later words need no capital). */
const NEXT_WORD = /[A-Za-z0-9][A-Za-z0-9'\u2019-]*/g;

/**
 * Finds the defined terms used in a span: each run of words that starts with a capital is looked
 * up (up to six words long) in a map of the document's terms, so the cost is linear in the span
 * whatever the number of definitions.
 */
export class DefinedTermFinder {
  private readonly byTerm = new Map<string, Definition>();
  /** First words of the terms, each with the most words a term starting with it has: a run of words is looked up only that far. */
  private readonly firstWords = new Map<string, number>();

  constructor(private readonly doc: ContractDocument) {
    for (const d of doc.definitions) {
      const key = d.term.replace(/\s+/g, ' ');
      if (this.byTerm.has(key) || key.length < 3) continue;
      this.byTerm.set(key, d);
      const words = key.split(' ');
      const first = words[0];
      this.firstWords.set(first, Math.max(this.firstWords.get(first) ?? 0, Math.min(words.length, MAX_TERM_WORDS)));
    }
  }

  definitionsUsedIn(span: Span): Definition[] {
    if (this.byTerm.size === 0) return [];
    const out: Definition[] = [];
    const text = this.doc.text.slice(span.start, span.end);
    CAPITAL_WORD.lastIndex = 0;
    let m: RegExpExecArray | null;
    // Words are read again only after a term's first word (most words are none): no list of every word.
    while ((m = CAPITAL_WORD.exec(text))) {
      const longest = this.firstWords.get(m[0]);
      if (longest === undefined) continue;
      const at = span.start + m.index;
      let key = m[0];
      NEXT_WORD.lastIndex = m.index + m[0].length;
      for (let j = 0; j < longest; j++) {
        if (j > 0) {
          const next = NEXT_WORD.exec(text);
          if (!next) break;
          key = `${key} ${next[0]}`;
        }
        const d = this.byTerm.get(key);
        // The term where it is defined is not a use of it.
        if (d && !(at >= d.termSpan.start && at < d.termSpan.end) && !out.includes(d)) out.push(d);
      }
      CAPITAL_WORD.lastIndex = m.index + m[0].length;
    }
    return out;
  }
}

/** A definition as a span: the term and its body. */
function definitionSpan(d: Definition): Span {
  return { start: Math.min(d.termSpan.start, d.body.start), end: Math.max(d.termSpan.end, d.body.end) };
}

/** Resolved references per document, by family and targets: a long document repeats "Section 5" often, and resolving reads every section. */
const resolvedByDoc = new WeakMap<ContractDocument, Map<string, Span[]>>();

function referencedSections(doc: ContractDocument, span: Span): Span[] {
  let resolved = resolvedByDoc.get(doc);
  if (!resolved) resolvedByDoc.set(doc, (resolved = new Map()));
  const out: Span[] = [];
  for (const r of referencesIn(doc, span)) {
    const key = `${r.family}\u0000${r.targets.join(',')}`;
    let spans = resolved.get(key);
    if (!spans) resolved.set(key, (spans = resolveReference(r, doc.sections).map((s) => ({ start: s.start, end: s.end }))));
    out.push(...spans);
  }
  return out;
}

/**
 * The spans a path in `unit` is gathered over: the unit, then what its element sentences tie to
 * by cross-reference or defined term (one step, plus the references inside those definitions).
 */
export function tiedSpans(doc: ContractDocument, unit: Unit, elementSentences: Span[], terms: DefinedTermFinder): Span[] {
  const spans: Span[] = [{ start: unit.start, end: unit.end }];
  const seen = new Set<string>();
  const add = (s: Span) => {
    if (s.start >= unit.start && s.end <= unit.end) return;
    const key = `${s.start}:${s.end}`;
    if (!seen.has(key)) {
      seen.add(key);
      spans.push(s);
    }
  };
  for (const sentence of elementSentences) {
    for (const s of referencedSections(doc, sentence)) add(s);
    for (const d of terms.definitionsUsedIn(sentence)) {
      add(definitionSpan(d));
      for (const s of referencedSections(doc, d.body)) add(s);
    }
  }
  return spans;
}
