/**
 * Numbering an inserted clause like its neighbours: after "3.1 ..." at the end of a
 * section comes "3.2 ...". When the paragraph before the insertion is numbered but the
 * next number is already taken (the clause goes between 3.1 and 3.2), the clause stays
 * unnumbered and the fix title says so. Several clauses inserted at one place are
 * numbered in turn when the edits are applied (renumbered).
 */
import { ContractDocument, paragraphStartingAtOrBefore } from '../../document/contractDocument';
import { FixEdit } from '../types';

/** How the clause at an insertion point is labelled: "3." + next + "" and a space; or unnumbered though its neighbours are. */
export type Numbering = { head: string; next: number; tail: string; gap: string } | 'unnumbered';

/** "3.1 ", "3.1. ", "**4.2** ", "12. ": a paragraph's number label (at least one dot, so "2024 saw" is not one). */
const LABEL = /^[ \t]*(\*\*|__)?((?:\d{1,3}\.)+)(\d{1,3})(\.?)(\*\*|__)?([ \t]+)(?=\S)/;
const CLOSE = /^[ \t]*(?:\*\*|__)?((?:\d{1,3}\.)+)(\d{1,3})(?!\d)/;

/** The numbering for a clause inserted at `offset`, or undefined when the paragraph before it has no number. */
export function numberingAt(doc: ContractDocument, offset: number): Numbering | undefined {
  if (offset === 0) return undefined;
  const before = paragraphStartingAtOrBefore(doc, offset - 1);
  if (!before) return undefined;
  const m = LABEL.exec(doc.text.slice(before.start, Math.min(before.end, before.start + 40)));
  if (!m) return undefined;
  const head = (m[1] ?? '') + m[2];
  const next = Number(m[3]) + 1;
  const following = /\S[^\r\n]{0,40}/.exec(doc.text.slice(offset, offset + 400));
  const close = following && CLOSE.exec(following[0]);
  if (close && close[1] === m[2] && Number(close[2]) >= next) return 'unnumbered';
  return { head, next, tail: m[4] + (m[5] ?? ''), gap: m[6] };
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
