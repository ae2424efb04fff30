/**
 * Apply fix plans to a text in one forward pass over the edits sorted by offset.
 * A clause proposed by several findings is inserted once; an edit overlapping
 * one already taken is skipped, never merged.
 */
import { FixEdit, FixPlan } from '../types';

export interface ApplyResult {
  text: string;
  applied: number;
  skipped: number;
}

export function applyPlans(text: string, plans: FixPlan[]): ApplyResult {
  const seenClauses = new Set<string>();
  const edits: (FixEdit & { order: number })[] = [];
  let order = 0;
  for (const plan of plans) {
    for (const edit of plan.edits) {
      if (edit.clauseId) {
        if (seenClauses.has(edit.clauseId)) continue;
        seenClauses.add(edit.clauseId);
      }
      edits.push({ ...edit, order: order++ });
    }
  }
  edits.sort((a, b) => a.start - b.start || a.end - b.end || a.order - b.order);
  const parts: string[] = [];
  let applied = 0;
  let skipped = 0;
  let cursor = 0;
  for (const e of edits) {
    if (e.start < cursor) {
      skipped++;
      continue;
    }
    parts.push(text.slice(cursor, e.start), e.text);
    cursor = e.end;
    applied++;
  }
  parts.push(text.slice(cursor));
  return { text: parts.join(''), applied, skipped };
}
