/**
 * --fix: which of a finding's fix plans to apply, and applying them. A finding
 * offers alternatives (insert the clause, replace the wording, suppress); the
 * first one that is not a suppression is the fix. Clause insertions may come as
 * several plans (one per insertion point) that together make that fix, so all
 * of them apply. Suppressions are never applied: they need a human's reason.
 * One pass, then the caller lints again: a fix that failed to resolve its
 * finding shows up in the report instead of being retried in a loop.
 */
import { applyPlans } from '../engine/fixes/apply';
import { Finding, FixPlan } from '../engine/types';

export function chosenPlans(finding: Finding): FixPlan[] {
  const candidates = finding.fixes.filter((p) => p.type !== 'suppress');
  if (candidates.length === 0) return [];
  if (candidates[0].type === 'insert-clause') return candidates.filter((p) => p.type === 'insert-clause');
  return [candidates[0]];
}

export interface FixOutcome {
  text: string;
  /** Edits applied (a clause proposed by several findings counts once). */
  applied: number;
}

export function applyFixes(text: string, findings: Finding[]): FixOutcome {
  const plans = findings.flatMap(chosenPlans);
  if (plans.length === 0) return { text, applied: 0 };
  const { text: fixed, applied } = applyPlans(text, plans);
  return { text: fixed, applied };
}
