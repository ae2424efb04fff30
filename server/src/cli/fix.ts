/**
 * --fix: apply each finding's automatic fix (engine/fixes/apply.ts chooses it).
 * One pass, then the caller lints again: a fix that failed to resolve its
 * finding shows up in the report instead of being retried in a loop.
 */
import { applyPlans, automaticPlans } from '../engine/fixes/apply';
import { Finding } from '../engine/types';

export interface FixOutcome {
  text: string;
  /** Edits applied (a clause proposed by several findings counts once). */
  applied: number;
}

export function applyFixes(text: string, findings: Finding[]): FixOutcome {
  const plans = findings.flatMap(automaticPlans);
  if (plans.length === 0) return { text, applied: 0 };
  const { text: fixed, applied } = applyPlans(text, plans);
  return { text: fixed, applied };
}
