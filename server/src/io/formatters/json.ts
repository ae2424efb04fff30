/**
 * The stable JSON contract (version 1). Fields documented in the README are
 * never renamed or removed; new ones may be added. Positions are 0-based and
 * characters count UTF-16 code units, as in the Language Server Protocol. In a
 * .docx, ranges are within the extracted text (paragraphs separated by blank
 * lines), and `location` gives the paragraph number and an excerpt.
 */
import { Report, ReportFile } from '../report';

export const JSON_FORMAT_VERSION = 1;

function fileJson(file: ReportFile) {
  return {
    path: file.path,
    findings: file.findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      range: f.range,
      clauseKind: f.clauseKind,
      docsUrl: f.docsUrl,
      source: f.source,
      related: f.related,
      fixes: f.fixes,
      // Word documents only: `range` is within the extracted text; this is where it is in the document.
      ...(f.location ? { location: f.location } : {}),
    })),
    coverage: file.coverage.map((c) => ({
      kind: c.kind,
      present: c.present,
      locations: c.locations,
      title: c.title,
      // Broad grants: qualified or not, each grant with its holder.
      ...(c.qualification ? { qualification: c.qualification, grants: c.grants } : {}),
      // Kinds made of elements (the escalation path): its state and each element's.
      ...(c.state ? { state: c.state } : {}),
      ...(c.elements ? { elements: c.elements } : {}),
      // Kinds whose locations are open items (unfilled placeholders): how many remain.
      ...(c.open !== undefined ? { open: c.open } : {}),
    })),
    // The one-line coverage summary, as the editor's code lens shows it.
    coverageSummary: file.summary,
    // The exceptions log: which rule was waived where, why, and by whom.
    suppressed: file.suppressed,
  };
}

export function formatJson(report: Report): string {
  return JSON.stringify({ version: JSON_FORMAT_VERSION, files: report.files.map(fileJson) }) + '\n';
}
