/**
 * What the formatters print: findings, coverage and suppressions of each file
 * with offsets already turned into 0-based line/character ranges, so no
 * formatter needs the document and a file's text can be dropped once linted.
 * In a Word document, ranges are within the extracted text, and each finding
 * also carries its paragraph number and an excerpt (`location`).
 */
import { ContractDocument } from '../document/contractDocument';
import { Range, Span } from '../document/lineIndex';
import { ParagraphLocation } from './docx/paragraphLocation';
import { coverageStatus, coverageSummary } from '../engine/coverageSummary';
import { FullLintResult } from '../engine/lint';
import { ElementState, Finding, FixType, RuleSpec, Severity } from '../engine/types';

export interface ReportFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  range: Range;
  clauseKind?: string;
  docsUrl?: string;
  source?: string;
  related: { message: string; range: Range; location?: ParagraphLocation }[];
  fixes: { type: FixType; title: string }[];
  location?: ParagraphLocation;
}

export interface ReportCoverage {
  kind: string;
  title: string;
  present: boolean;
  locations: Range[];
  /** Broad grants: qualified (carve-outs reach every one) or unqualified, each grant with its holder. */
  qualification?: 'qualified' | 'unqualified';
  grants?: { range: Range; holder?: string; qualified: boolean; qualifiers: Range[] }[];
  /** Kinds made of elements (an escalation path): present (complete), weak (incomplete) or absent, and each element. */
  state?: ElementState;
  elements?: { element: string; title: string; state: ElementState; why?: string; locations: Range[] }[];
  /** Kinds whose locations are open items (unfilled placeholders): how many remain. */
  open?: number;
}

export interface ReportSuppression {
  ruleId: string;
  range: Range;
  reason?: string;
  approvedBy?: string;
  date?: string;
  location?: ParagraphLocation;
}

export interface ReportFile {
  /** As shown to the user: relative to the current folder when inside it, '/'-separated. */
  path: string;
  /** How positions are shown: by line, or by paragraph for a Word document. */
  locatedBy: 'line' | 'paragraph';
  findings: ReportFinding[];
  coverage: ReportCoverage[];
  /** The coverage summary the editor's code lens shows ("no clause gaps · ...", "2 placeholders to fill · ..."). */
  summary: string;
  suppressed: ReportSuppression[];
}

export interface Report {
  files: ReportFile[];
  /** Every rule loaded for any file, each once, in load order (SARIF lists them). */
  rules: RuleSpec[];
}

const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1, hint: 0 };

export function atLeast(severity: Severity, level: Severity): boolean {
  return SEVERITY_RANK[severity] >= SEVERITY_RANK[level];
}

/** Which findings are reported (and fixed, and counted): all, or errors only with --quiet. */
export function reportPolicy(quiet: boolean): (f: Finding) => boolean {
  return quiet ? (f) => f.severity === 'error' : () => true;
}

/** Word documents pass `locate` (span to paragraph and excerpt); text files have lines. */
export function toReportFile(
  shownPath: string,
  doc: ContractDocument,
  result: FullLintResult,
  keep: (f: Finding) => boolean,
  locate?: (span: Span) => ParagraphLocation,
  /** Whether the report shows coverage (the JSON format): without it the lint's coverage is never worked out. */
  withCoverage = true,
): ReportFile {
  const range = doc.lines.rangeOf.bind(doc.lines);
  const where = (span: Span) => (locate ? { location: locate(span) } : {});
  const kept = result.findings.filter(keep);
  const findingsOf = (kind: string) => kept.filter((f) => f.clauseKind === kind).length;
  return {
    path: shownPath,
    locatedBy: locate ? 'paragraph' : 'line',
    findings: kept.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      range: range(f.span),
      clauseKind: f.clauseKind,
      docsUrl: f.docsUrl,
      source: f.source,
      related: f.related.map((r) => ({ message: r.message, range: range(r.span), ...where(r.span) })),
      fixes: f.fixes.map((p) => ({ type: p.type, title: p.title })),
      ...where(f.span),
    })),
    coverage: (withCoverage ? result.coverage : []).map((c) => ({
      kind: c.kind,
      title: c.title,
      present: c.present,
      locations: c.locations.map(range),
      ...(c.qualification
        ? { qualification: c.qualification, grants: c.grants?.map((g) => ({ range: range(g.span), holder: g.holder, qualified: g.qualified, qualifiers: g.qualifiers.map(range) })) }
        : {}),
      ...(c.state ? { state: c.state } : {}),
      ...(c.elements ? { elements: c.elements.map((e) => ({ element: e.element, title: e.title, state: e.state, ...(e.why ? { why: e.why } : {}), locations: e.locations.map(range) })) } : {}),
      ...(c.open ? { open: c.open.count } : {}),
    })),
    summary: withCoverage ? coverageSummary(result.coverage.map((c) => ({ ...c, status: coverageStatus(c, findingsOf(c.kind)) }))) : '',
    suppressed: result.suppressed.map(({ finding, by }) => ({
      ruleId: finding.ruleId,
      range: range(finding.span),
      reason: by.reason,
      approvedBy: by.approvedBy,
      date: by.date,
      ...where(finding.span),
    })),
  };
}

export interface SeverityCounts {
  error: number;
  warning: number;
  info: number;
  hint: number;
  total: number;
  fixable: number;
}

export function countFindings(files: ReportFile[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0, hint: 0, total: 0, fixable: 0 };
  for (const file of files) {
    for (const f of file.findings) {
      counts[f.severity]++;
      counts.total++;
      // --fix never rewrites a Word document, so its findings are not counted as fixable.
      if (file.locatedBy === 'line' && f.fixes.some((p) => p.type !== 'suppress')) counts.fixable++;
    }
  }
  return counts;
}

export function failsAt(files: ReportFile[], level: Severity): boolean {
  return files.some((file) => file.findings.some((f) => atLeast(f.severity, level)));
}
