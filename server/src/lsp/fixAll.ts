/**
 * The edits of "fix all": the same choice and selection as the CLI's --fix
 * (engine/fixes/apply.ts), ready to become LSP TextEdits.
 */
import { automaticPlans, selectEdits } from '../engine/fixes/apply';
import { Finding, FixEdit } from '../engine/types';

export function fixAllEdits(findings: Finding[]): FixEdit[] {
  return selectEdits(findings.flatMap(automaticPlans));
}

