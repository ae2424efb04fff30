/**
 * Apply fix plans to a text in one forward pass over the edits sorted by offset.
 * A clause proposed by several findings is inserted once; an edit overlapping
 * one already taken is skipped, never merged.
 */
import { Finding, FixEdit, FixPlan } from '../types';

export interface ApplyResult {
  text: string;
  applied: number;
  skipped: number;
}

/**
 * The fix a finding offers for automatic application (CLI --fix, editor fix-all):
 * its first plan that is not a suppression. A clause insertion may come as
 * several plans (one per insertion point) that together make that fix, so all
 * of them count. Suppressions are never applied automatically: they need a
 * human's reason.
 */
export function automaticPlans(finding: Finding): FixPlan[] {
  const candidates = finding.fixes.filter((p) => p.type !== 'suppress');
  if (candidates.length === 0) return [];
  if (candidates[0].type === 'insert-clause') return candidates.filter((p) => p.type === 'insert-clause');
  return [candidates[0]];
}

/** The edits that applying `plans` makes, sorted by offset (inserts at one offset keep their order). */
export function selectEdits(plans: FixPlan[]): FixEdit[] {
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
  const kept: FixEdit[] = [];
  let cursor = 0;
  for (const { order: _order, ...e } of edits) {
    if (e.start < cursor) continue;
    kept.push(e);
    cursor = e.end;
  }
  return kept;
}

export function applyPlans(text: string, plans: FixPlan[]): ApplyResult {
  const edits = selectEdits(plans);
  const total = plans.reduce((n, p) => n + p.edits.length, 0);
  const parts: string[] = [];
  let cursor = 0;
  for (const e of edits) {
    parts.push(text.slice(cursor, e.start), e.text);
    cursor = e.end;
  }
  parts.push(text.slice(cursor));
  return { text: parts.join(''), applied: edits.length, skipped: total - edits.length };
}

/** The edits of "fix all" in the editor: the same choice and selection as applyFixes. */
export function fixAllEdits(findings: Finding[]): FixEdit[] {
  return selectEdits(findings.flatMap(automaticPlans));
}

export interface FixOutcome {
  text: string;
  /** Edits applied (a clause proposed by several findings counts once). */
  applied: number;
}

/**
 * --fix: each finding's automatic fix applied in one pass; the caller lints
 * again, so a fix that failed to resolve its finding shows up in the report
 * instead of being retried in a loop.
 */
export function applyFixes(text: string, findings: Finding[]): FixOutcome {
  const plans = findings.flatMap(automaticPlans);
  if (plans.length === 0) return { text, applied: 0 };
  const { text: fixed, applied } = applyPlans(text, plans);
  return { text: fixed, applied };
}
