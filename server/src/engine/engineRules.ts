/** Findings the engine itself reports (not from any pack), described for `explain`, hover and SARIF. */
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
];

export function engineRule(id: string): EngineRule | undefined {
  return ENGINE_RULES.find((r) => r.id === id);
}
