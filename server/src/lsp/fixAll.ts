/**
 * The edits of "fix all": for each finding its chosen plans (as the CLI's
 * --fix picks them), then the same selection applyPlans makes: a clause
 * proposed by several findings is inserted once, and an edit overlapping one
 * already taken is skipped. Returned sorted by offset, ready to become LSP
 * TextEdits (inserts at one offset keep their order, as LSP requires).
 * TODO(engine): export this selection from engine/fixes/apply.ts so both share it.
 */
import { chosenPlans } from '../cli/fix';
import { Finding, FixEdit, FixPlan } from '../engine/types';

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

export function fixAllEdits(findings: Finding[]): FixEdit[] {
  return selectEdits(findings.flatMap(chosenPlans));
}

export function isFixable(f: Finding): boolean {
  return chosenPlans(f).length > 0;
}
