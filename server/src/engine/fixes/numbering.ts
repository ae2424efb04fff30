/**
 * Numbering an inserted clause like its neighbours: after "3.1 ..." at the end of a
 * section comes "3.2 ...". A clause that would go between 3.1 and 3.2 goes after the
 * run of numbers that follows instead (3.2, 3.3: it becomes 3.4); where the next number
 * is still taken, the clause stays unnumbered and the fix title says so. Several clauses
 * inserted at one place are numbered in turn when the edits are applied (renumbered).
 */
import { ContractDocument, paragraphStartingAtOrBefore, spanAt } from '../../document/contractDocument';
import { FixEdit } from '../types';
import { InsertionPoint, pointAfterParagraph } from './insertion';

/** How the clause at an insertion point is labelled: "3." + next + "" and a space; or unnumbered though its neighbours are. */
export type Numbering = { head: string; next: number; tail: string; gap: string } | 'unnumbered';

/** "3.1 ", "3.1. ", "**4.2** ", "12. ": a paragraph's number label (at least one dot, so "2024 saw" is not one). */
const LABEL = /^[ \t]*(\*\*|__)?((?:\d{1,3}\.)+)(\d{1,3})(\.?)(\*\*|__)?([ \t]+)(?=\S)/;
const CLOSE = /^[ \t]*(?:\*\*|__)?((?:\d{1,3}\.)+)(\d{1,3})(?!\d)/;

/** Per document, the numbering at each insertion offset asked about: findings share their insertion points. */
const numberingCache = new WeakMap<ContractDocument, Map<number, Numbering | undefined>>();

/** The numbering for a clause inserted at `offset`, or undefined when the paragraph before it has no number. */
export function numberingAt(doc: ContractDocument, offset: number): Numbering | undefined {
  let cache = numberingCache.get(doc);
  if (!cache) numberingCache.set(doc, (cache = new Map()));
  if (cache.has(offset)) return cache.get(offset);
  const numbering = readNumbering(doc, offset);
  cache.set(offset, numbering);
  return numbering;
}

function readNumbering(doc: ContractDocument, offset: number): Numbering | undefined {
  if (offset === 0) return undefined;
  const before = paragraphStartingAtOrBefore(doc, offset - 1);
  if (!before) return undefined;
  const m = LABEL.exec(doc.text.slice(before.start, Math.min(before.end, before.start + 40)));
  if (!m) return undefined;
  const head = (m[1] ?? '') + m[2];
  const next = Number(m[3]) + 1;
  if (numberTakenAfter(doc, offset, m[2], next)) return 'unnumbered';
  return { head, next, tail: m[4] + (m[5] ?? ''), gap: m[6] };
}

/** A line's number label, in a heading or not: "3.2", "## 4.", "**4.1**". */
const LINE_LABEL = /^[ \t]*(?:#{1,6}[ \t]+)?(?:\*\*|__)?(?:(?:section|clause|article)[ \t]+)?(\d{1,3}(?:\.\d{1,3})*)\.?(?:\*\*|__)?(?=[ \t)]|$)/i;

/**
 * Whether a paragraph after `offset` is numbered `series` + n with n >= `next` ("3.2" after
 * 3.1, past any "(a)" between), before a number of another series ("4.", "## 5") ends the run.
 */
function numberTakenAfter(doc: ContractDocument, offset: number, series: string, next: number): boolean {
  const after = doc.text.slice(offset, offset + 20_000);
  // Line by line, without splitting the whole window: the first label usually answers.
  const lineBreak = /\r\n|\r|\n/g;
  for (let at = 0; at <= after.length; ) {
    const br = lineBreak.exec(after);
    const line = after.slice(at, br ? br.index : after.length);
    at = br ? lineBreak.lastIndex : after.length + 1;
    const label = LINE_LABEL.exec(line)?.[1];
    if (!label) continue;
    if (!label.startsWith(series)) return false;
    const rest = label.slice(series.length);
    if (/^\d+$/.test(rest) && Number(rest) >= next) return true;
  }
  return false;
}

/**
 * Past the paragraphs that follow a numbered insertion point and belong to its run (3.2, 3.3
 * after 3.1, and any "(a)" among them), so the clause takes the next free number.
 */
export function pastNumberedRun(doc: ContractDocument, point: InsertionPoint): InsertionPoint {
  if (numberingAt(doc, point.offset) !== 'unnumbered') return point;
  const before = paragraphStartingAtOrBefore(doc, point.offset - 1)!;
  const series = LABEL.exec(doc.text.slice(before.start, before.start + 40))![2];
  let current = point;
  for (let guard = 0; guard < 500; guard++) {
    const here = numberingAt(doc, current.offset);
    // Stop where the clause can be numbered, or where no paragraph of the run follows.
    if (here === 'unnumbered' ? false : here !== undefined || !numberTakenAfter(doc, current.offset, series, 1)) break;
    const start = doc.text.slice(current.offset).search(/\S/);
    const next = start < 0 ? undefined : spanAt(doc, 'paragraphs', current.offset + start);
    if (!next || next.end <= current.offset) break;
    const label = CLOSE.exec(doc.text.slice(next.start, next.start + 40));
    const moved = pointAfterParagraph(doc, next, label ? `after ${label[1]}${label[2]}` : current.where);
    if (moved.offset <= current.offset) break;
    current = moved;
  }
  return current;
}

/** The label text for the clause numbered `n` at this place: "3.2 ". */
export function labelText(numbering: Exclude<Numbering, 'unnumbered'>, n: number): string {
  return `${numbering.head}${n}${numbering.tail}${numbering.gap}`;
}

/** What identifies an inserted clause's text in a document, without the line breaks and number around it. */
export function clauseTextKey(edit: FixEdit): string {
  const text = edit.number ? edit.text.slice(edit.number.textAt + edit.number.length) : edit.text;
  return text.trim();
}

/** Numbered clause insertions at one offset numbered in turn from the first free number there (3.2, 3.3). */
export function renumbered(edits: FixEdit[]): FixEdit[] {
  let offset = -1;
  let k = 0;
  return edits.map((e) => {
    if (!e.number) return e;
    k = e.start === offset ? k + 1 : 0;
    offset = e.start;
    const value = e.number.base + k;
    if (value === e.number.value) return e;
    const digits = String(value);
    const { textAt, snippetAt, length } = e.number;
    const text = e.text.slice(0, textAt) + digits + e.text.slice(textAt + length);
    const snippet = e.snippet === undefined ? undefined : e.snippet.slice(0, snippetAt) + digits + e.snippet.slice(snippetAt + length);
    return { ...e, text, snippet, number: { ...e.number, value, length: digits.length } };
  });
}
