/**
 * Two rounds of edits as one: `second` was made against the text that applying `first`
 * to the original gives; the result, applied to the original, gives the text of both
 * rounds. Fix-all in the editor is one workspace edit on the version on screen, so the
 * later rounds of fixToFixpoint are carried back to that version. An edit of the second
 * round inside (or over) text the first round inserted becomes one edit with it.
 */
import { FixEdit } from '../types';

interface Placed {
  edit: FixEdit;
  /** Where the edit's text sits in the intermediate text (first round), or where it goes (second). */
  at: number;
  isNew: boolean;
}

export function composeEdits(intermediate: string, first: FixEdit[], second: FixEdit[]): FixEdit[] {
  // Where each first-round edit's text sits in the intermediate text.
  const pieces: { edit: FixEdit; a: number; b: number }[] = [];
  let delta = 0;
  for (const e of first) {
    const a = e.start + delta;
    pieces.push({ edit: e, a, b: a + e.text.length });
    delta += e.text.length - (e.end - e.start);
  }
  const toOriginal = (pos: number): number => {
    let d = 0;
    for (const p of pieces) {
      if (pos <= p.a) return pos - d;
      if (pos < p.b) return p.edit.start;
      d = p.b - p.edit.end;
    }
    return pos - d;
  };
  const touches = (p: { a: number; b: number }, hs: number, he: number): boolean =>
    Math.max(p.a, hs) < Math.min(p.b, he) || (p.a === p.b && hs < p.a && p.a < he) || (hs === he && p.a < hs && hs < p.b);
  // Second-round edits grouped with the first-round texts they touch, and with each other when those overlap.
  const groups: { hs: number; he: number; edits: FixEdit[] }[] = [];
  const consumed = new Set<FixEdit>();
  for (const f of second) {
    let hs = f.start;
    let he = f.end;
    for (const p of pieces) {
      if (!touches(p, hs, he)) continue;
      consumed.add(p.edit);
      hs = Math.min(hs, p.a);
      he = Math.max(he, p.b);
    }
    const last = groups[groups.length - 1];
    if (last && hs < last.he) {
      last.he = Math.max(last.he, he);
      last.edits.push(f);
    } else groups.push({ hs, he, edits: [f] });
  }
  const placed: Placed[] = pieces.filter((p) => !consumed.has(p.edit)).map((p) => ({ edit: p.edit, at: p.a, isNew: false }));
  for (const g of groups) {
    let text = '';
    let cursor = g.hs;
    for (const f of g.edits) {
      text += intermediate.slice(cursor, f.start) + f.text;
      cursor = f.end;
    }
    text += intermediate.slice(cursor, g.he);
    placed.push({ edit: { start: toOriginal(g.hs), end: toOriginal(g.he), text }, at: g.hs, isNew: true });
  }
  placed.sort((x, y) => x.edit.start - y.edit.start || x.at - y.at || Number(y.isNew) - Number(x.isNew));
  return placed.map((p) => p.edit);
}
