/** Which rules fire on which contracts: on ordinary commercial contracts every AI finding is a false alarm. */
import { Finding } from '../../../server/src/api';

export interface FileFindings {
  name: string;
  findings: Finding[];
}

export interface RuleAlarms {
  ruleId: string;
  findings: number;
  files: string[];
}

export interface AlarmSummary {
  contracts: number;
  /** Contracts with at least one finding of any listed rule. */
  contractsWithFindings: number;
  /** Findings about a prohibited-use carve-out (clause kind `carve-out:*`), per contract. */
  carveOutFindingsPerContract: number;
  byRule: RuleAlarms[];
}

export const CARVE_OUT_PREFIX = 'carve-out:';

/** `ruleIds` fixes the rows (rules that never fire get a row too); findings of other rules get rows after them. */
export function summariseAlarms(files: FileFindings[], ruleIds: string[]): AlarmSummary {
  const rows = new Map<string, RuleAlarms>(ruleIds.map((id) => [id, { ruleId: id, findings: 0, files: [] }]));
  let contractsWithFindings = 0;
  let carveOutFindings = 0;
  for (const f of files) {
    if (f.findings.length > 0) contractsWithFindings++;
    for (const finding of f.findings) {
      let row = rows.get(finding.ruleId);
      if (!row) rows.set(finding.ruleId, (row = { ruleId: finding.ruleId, findings: 0, files: [] }));
      row.findings++;
      if (row.files[row.files.length - 1] !== f.name) row.files.push(f.name);
      if (finding.clauseKind?.startsWith(CARVE_OUT_PREFIX)) carveOutFindings++;
    }
  }
  return {
    contracts: files.length,
    contractsWithFindings,
    carveOutFindingsPerContract: files.length === 0 ? 0 : carveOutFindings / files.length,
    byRule: [...rows.values()],
  };
}
