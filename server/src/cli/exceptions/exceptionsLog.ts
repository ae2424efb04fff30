/**
 * The exceptions log: every suppression comment in a linted file, with who
 * waived which rules and why, and whether it actually suppressed anything.
 * A suppression without a reason is listed as invalid (it does not apply, and
 * the lint reports it as clauselint/suppression-without-reason).
 */
import { ContractDocument } from '../../document/contractDocument';
import { Range, Span } from '../../document/lineIndex';
import { Suppression, SuppressionType } from '../../document/suppressions';
import { ParagraphLocation } from '../../io/docx/paragraphLocation';
import { FullLintResult } from '../../engine/lint';
import { ENGINE_RULES } from '../../engine/engineRules';

/** applied: it suppressed at least one finding; unused: it has a reason but nothing to suppress; invalid: no reason. */
export type ExceptionStatus = 'applied' | 'unused' | 'invalid';

export interface SuppressedFinding {
  ruleId: string;
  message: string;
  /** 1-based line; in a .docx, `paragraph` instead. */
  line?: number;
  paragraph?: number;
}

export interface ExceptionEntry {
  file: string;
  /** 1-based line of the suppression comment (absent in a .docx). */
  line?: number;
  /** 1-based paragraph of a .docx. */
  paragraph?: number;
  /** 0-based range of the comment, as in the lint JSON (in a .docx: within the extracted text). */
  range: Range;
  type: Exclude<SuppressionType, 'enable'>;
  /** Rule ids as written; empty means every rule. */
  rules: string[];
  reason?: string;
  approvedBy?: string;
  date?: string;
  status: ExceptionStatus;
  /** Rules named that no loaded rule has (a typo waives nothing). */
  unknownRules: string[];
  suppressed: SuppressedFinding[];
}

export interface LintedFile {
  shownPath: string;
  doc: ContractDocument;
  result: FullLintResult;
  /** Ids of every rule loaded for this file, enabled or not. */
  ruleIds: string[];
  /** Set for a .docx: where a span is by paragraph. */
  locate?: (span: Span) => ParagraphLocation;
}

function isKnown(name: string, ids: string[]): boolean {
  return ids.some((id) => id === name || id.slice(id.indexOf('/') + 1) === name);
}

export function exceptionsOf(file: LintedFile): ExceptionEntry[] {
  const { doc, result, locate } = file;
  const ids = [...file.ruleIds, ...ENGINE_RULES.map((r) => r.id)];
  const where = (span: Span) =>
    locate ? { paragraph: locate(span).paragraph } : { line: doc.lines.positionAt(span.start).line + 1 };
  const entries: ExceptionEntry[] = [];
  for (const s of doc.suppressions) {
    if (s.type === 'enable') continue;
    const suppressed = result.suppressed
      .filter(({ by }) => by === s)
      .map(({ finding }) => ({ ruleId: finding.ruleId, message: finding.message, ...where(finding.span) }));
    entries.push({
      file: file.shownPath,
      ...where(s.span),
      range: doc.lines.rangeOf(s.span),
      type: s.type,
      rules: s.rules,
      reason: s.reason,
      approvedBy: s.approvedBy,
      date: s.date,
      status: statusOf(s, suppressed.length),
      unknownRules: s.rules.filter((r) => !isKnown(r, ids)),
      suppressed,
    });
  }
  return entries;
}

function statusOf(s: Suppression, suppressedCount: number): ExceptionStatus {
  if (!s.reason) return 'invalid';
  return suppressedCount > 0 ? 'applied' : 'unused';
}

export interface ExceptionsSummary {
  files: number;
  suppressions: number;
  applied: number;
  unused: number;
  invalid: number;
}

export function summarise(entries: ExceptionEntry[], files: number): ExceptionsSummary {
  const count = (status: ExceptionStatus) => entries.filter((e) => e.status === status).length;
  return { files, suppressions: entries.length, applied: count('applied'), unused: count('unused'), invalid: count('invalid') };
}
