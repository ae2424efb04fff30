/** Findings as LSP diagnostics: severity, rule id with a docs link, related locations. */
import { Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity } from 'vscode-languageserver';
import { Finding, Severity } from '../engine/types';
import { LintSnapshot } from './documentLinter';
import { docsHref } from './ruleDocs';

export const SOURCE = 'clauselint';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Related locations shown per finding at most, so a long document does not flood the hover. */
const MAX_COVERAGE_RELATED = 3;

/** What the client can show (see clientSupport.ts): fields it does not support are left out. */
export interface DiagnosticOptions {
  /** The client renders clauselint-docs: links (our VS Code extension does). */
  docsScheme: boolean;
  relatedInformation: boolean;
  /** `codeDescription.href`: the rule id links to its docs. */
  codeDescription: boolean;
}

/** The finding's related locations, then where the document does have clauses of the kind it concerns. */
function relatedInformation(snapshot: LintSnapshot, finding: Finding): DiagnosticRelatedInformation[] {
  const lines = snapshot.lint!.doc.lines;
  const related: DiagnosticRelatedInformation[] = finding.related.map((r) => ({
    location: { uri: snapshot.uri, range: lines.rangeOf(r.span) },
    message: r.message,
  }));
  // A weak or unqualified clause: point at the clauses of that kind the document does have.
  const coverage = finding.clauseKind ? snapshot.lint!.result.coverageOf(finding.clauseKind) : undefined;
  if (coverage?.present) {
    for (const span of coverage.locations.slice(0, MAX_COVERAGE_RELATED)) {
      // The finding's own clause is not "elsewhere".
      if (span.start <= finding.span.start && span.end >= finding.span.end) continue;
      related.push({ location: { uri: snapshot.uri, range: lines.rangeOf(span) }, message: `${coverage.title}: found here` });
    }
  }
  return related;
}

export function toDiagnostic(snapshot: LintSnapshot, finding: Finding, options: DiagnosticOptions): Diagnostic {
  const related = options.relatedInformation ? relatedInformation(snapshot, finding) : [];
  const href = options.codeDescription ? docsHref(finding.ruleId, finding.docsUrl, snapshot.uri, options.docsScheme) : undefined;
  return {
    range: snapshot.lint!.doc.lines.rangeOf(finding.span),
    severity: SEVERITY[finding.severity],
    source: SOURCE,
    code: finding.ruleId,
    ...(href ? { codeDescription: { href } } : {}),
    message: finding.message,
    ...(related.length > 0 ? { relatedInformation: related } : {}),
  };
}

export function toDiagnostics(snapshot: LintSnapshot, options: DiagnosticOptions): Diagnostic[] {
  if (snapshot.tooLarge) return [tooLargeDiagnostic(snapshot.tooLarge)];
  return snapshot.findings.map((f) => toDiagnostic(snapshot, f, options));
}

function tooLargeDiagnostic({ sizeMB, limitMB }: { sizeMB: number; limitMB: number }): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    source: SOURCE,
    code: 'clauselint/file-too-large',
    message:
      `File too large for live linting (${sizeMB.toFixed(1)} MB; the limit is clauselint.maxFileSizeMB = ${limitMB} MB); ` +
      'run the CLI instead: npx clauselint <file>',
  };
}
