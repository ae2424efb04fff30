/**
 * Apply suppression comments to findings. A suppression without a reason does
 * not count and is itself reported: every waived rule needs a recorded why.
 */
import { ContractDocument } from '../document/contractDocument';
import { Suppression, suppressionCovers } from '../document/suppressions';
import { Finding } from './types';

export const SUPPRESSION_RULE_ID = 'clauselint/suppression-without-reason';

export interface SuppressionOutcome {
  findings: Finding[];
  suppressed: { finding: Finding; by: Suppression }[];
}

export function applySuppressions(doc: ContractDocument, findings: Finding[]): SuppressionOutcome {
  if (doc.suppressions.length === 0) return { findings, suppressed: [] };
  const active = doc.suppressions.filter((s) => s.type !== 'enable' && s.reason);
  const kept: Finding[] = [];
  const suppressed: SuppressionOutcome['suppressed'] = [];
  for (const f of findings) {
    const line = doc.lines.lineOf(f.span.start);
    const by = active.find((s) => line >= s.fromLine && line <= s.toLine && suppressionCovers(s, f.ruleId));
    if (by) suppressed.push({ finding: f, by });
    else kept.push(f);
  }
  for (const s of doc.suppressions) {
    if (s.type === 'enable' || s.reason) continue;
    kept.push({
      ruleId: SUPPRESSION_RULE_ID,
      severity: 'warning',
      message: `Suppression of ${s.rules.join(', ') || 'all rules'} has no reason, so it does not apply. Add " -- reason: <why>; approved-by: <name>".`,
      span: s.span,
      related: [],
      fixes: [],
    });
  }
  return { findings: kept, suppressed };
}
