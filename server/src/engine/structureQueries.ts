/**
 * Questions about where an offset sits in the document's structure, asked by detectors and
 * scopes: in a heading, in a definition's body, in a defined term as written, under which
 * numbered section, and where the clause that ends at an offset starts.
 */
import { ContractDocument, referencesIn, sectionAt } from '../document/contractDocument';
import { lastStartingAtOrBefore, Span } from '../document/lineIndex';
import { resolveReference } from '../document/references';
import { Section } from '../document/structure';
import { Scope, Within } from './types';

const CLAUSE_BREAK = /;\s|,\s+(?:and|but|whereas)\s(?!not\b|shall\b|will\b|may\b|must\b)/g;

/**
 * Where the clause that ends at `end` starts, at or after `from`: after the last "; " or
 * ", and " / ", but " before it. A denial in an earlier clause ("X will not be covered, and Y
 * will be free to use it for any purpose") does not reach the words after it.
 */
export function clauseStart(doc: ContractDocument, from: number, end: number): number {
  const text = doc.text.slice(from, end);
  CLAUSE_BREAK.lastIndex = 0;
  let last = -1;
  let m: RegExpExecArray | null;
  while ((m = CLAUSE_BREAK.exec(text))) last = m.index + m[0].length;
  return last < 0 ? from : from + last;
}

export function inDefinitionBody(doc: ContractDocument, offset: number): boolean {
  const blocks = doc.blocks;
  const i = lastStartingAtOrBefore(blocks, offset);
  if (i < 0) return false;
  const at = offset - blocks[i].start;
  return blocks[i].analysis.definitions.some((d) => d.form === 'means' && at >= d.body.start && at < d.body.end);
}

/** What may come before a list item's checkbox on its line: indentation, a quote mark, a bullet or a list number. */
const CHECKLIST_LEAD = /^[ \t]*(?:>[ \t]*)*(?:(?:[-*+\u2022]|\d{1,3}[.)]|\([a-z0-9]{1,3}\))[ \t]+)?$/i;

/**
 * Whether `offset` opens a line, after nothing but indentation and a list marker: where a
 * checkbox of a task list sits ("- [ ] Review the logs", "[x] Approved"), not a blank in a sentence.
 */
export function opensListItem(doc: ContractDocument, offset: number): boolean {
  const lines = doc.lines;
  const lineStart = lines.lineStarts[lines.lineOf(offset)];
  return offset - lineStart <= 12 && CHECKLIST_LEAD.test(doc.text.slice(lineStart, offset));
}

export function inHeading(doc: ContractDocument, offset: number): boolean {
  const s = sectionAt(doc, offset);
  return !!s && s.title !== '' && offset < s.headingEnd;
}

/** The outermost numbered section around `offset` (or the innermost section, when none is numbered). */
export function outerNumberedSection(doc: ContractDocument, offset: number): Section | undefined {
  let s = sectionAt(doc, offset);
  let best = s;
  while (s) {
    if (s.label) best = s;
    s = s.parent >= 0 ? doc.sections[s.parent] : undefined;
  }
  return best;
}

/** The document's defined terms as written, listed once per lint. */
export class DefinedTerms {
  private list?: string[];

  constructor(private readonly doc: ContractDocument) {}

  /**
   * Whether the hit's words are part of a defined term as written ("Unlimited Rights", defined
   * or used): the term means what its definition says, which the definition rule reads.
   */
  includes(hit: Span): boolean {
    this.list ??= [...new Set(this.doc.definitions.map((d) => d.term))];
    for (const term of this.list) {
      // Only the stretch where an occurrence could overlap the hit: indexOf on the whole text would read to its end.
      const from = Math.max(0, hit.start - term.length + 1);
      if (this.doc.text.slice(from, hit.end + term.length - 1).includes(term)) return true;
    }
    return false;
  }
}

/**
 * The spans a requirement is searched in, around `offset`: its sentence, paragraph, outermost
 * numbered section, or the whole document; plus, when asked, the sections that the sentence
 * refers to ("subject to Section 9").
 */
export function requirementScope(
  doc: ContractDocument,
  offset: number,
  scope: Scope,
  followReferences: boolean,
  containerOf: (offset: number, within: Within) => Span,
): { spans: Span[]; referenced: Section[] } {
  const spans: Span[] = [];
  if (scope === 'document') return { spans: [{ start: 0, end: doc.text.length }], referenced: [] };
  if (scope === 'section') spans.push(outerNumberedSection(doc, offset) ?? { start: 0, end: doc.text.length });
  else spans.push(containerOf(offset, scope));
  const referenced: Section[] = [];
  if (followReferences) {
    for (const reference of referencesIn(doc, containerOf(offset, 'sentence'))) {
      for (const target of resolveReference(reference, doc.sections)) {
        referenced.push(target);
        spans.push({ start: target.start, end: target.end });
      }
    }
  }
  return { spans, referenced };
}
