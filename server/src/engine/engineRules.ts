/** Findings the engine itself reports (not from any pack), described for `explain`, hover and SARIF. */
import { LIMIT_RULE_ID } from './limits';
import { INTERNAL_ERROR_RULE_ID } from './lint';
import { SUPPRESSION_RULE_ID } from './suppress';

export interface EngineRule {
  id: string;
  severity: string;
  description: string;
}

export const ENGINE_RULES: EngineRule[] = [
  {
    id: SUPPRESSION_RULE_ID,
    severity: 'warning',
    description:
      'A clauselint-disable comment without a reason does not apply and is reported itself: every waived rule needs a recorded why. ' +
      'Write it as <!-- clauselint-disable-next-line pack/rule -- reason: <why>; approved-by: <name> -->.',
  },
  {
    id: INTERNAL_ERROR_RULE_ID,
    severity: 'error',
    description: 'A rule failed while checking this document and was skipped; the other rules still ran. Please report it with the document that triggers it.',
  },
  {
    id: LIMIT_RULE_ID,
    severity: 'warning',
    description:
      'The work on this document reached one of its limits (term hits or match attempts in the scan, findings of one rule, findings in all), so the findings after this point are missing. ' +
      'Real contracts stay far below these limits; a pack whose phrases or patterns match almost everywhere does not. The limits are listed in the README (Reliability).',
  },
];

export function engineRule(id: string): EngineRule | undefined {
  return ENGINE_RULES.find((r) => r.id === id);
}
