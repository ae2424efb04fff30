/** Clause coverage for the editor: each kind's status, its locations as ranges, and the engine's one-line summary. */
import { Span } from '../document/lineIndex';
import { coverageStatus, coverageSummary, shortTitle } from '../engine/coverageSummary';
import { LintSnapshot } from './documentLinter';
import { CoverageKind, CoverageResult, CoverageStatus } from '../../../shared/protocol';

export function coverageKinds(snapshot: LintSnapshot): CoverageKind[] {
  if (!snapshot.lint) return [];
  const lines = snapshot.lint.doc.lines;
  const byKind = new Map<string, Span[]>();
  for (const f of snapshot.findings) if (f.clauseKind) byKind.set(f.clauseKind, [...(byKind.get(f.clauseKind) ?? []), f.span]);
  return snapshot.lint.result.coverage.map((c) => {
    const spans = byKind.get(c.kind) ?? [];
    return {
      kind: c.kind,
      title: c.title,
      present: c.present,
      status: coverageStatus(c, spans.length),
      locations: c.locations.map((s) => lines.rangeOf(s)),
      findings: spans.length,
      findingRanges: spans.map((s) => lines.rangeOf(s)),
      ...(c.open ? { open: c.open } : {}),
      ...(c.state ? { state: c.state } : {}),
      ...(c.elements ? { elements: c.elements.map((e) => ({ element: e.element, title: e.title, state: e.state, ...(e.why ? { why: e.why } : {}), locations: e.locations.map((s) => lines.rangeOf(s)) })) } : {}),
    };
  });
}

export { coverageSummary, shortTitle };

export function coverageResult(snapshot: LintSnapshot): CoverageResult {
  const kinds = coverageKinds(snapshot);
  const summary = snapshot.tooLarge ? 'file too large for live linting' : coverageSummary(kinds);
  return { uri: snapshot.uri, version: snapshot.version ?? -1, kinds, summary };
}

const STATUS_MARK: Record<CoverageStatus, string> = { present: '✓', missing: '✗', flagged: '⚠', absent: '○', qualified: 'ℹ', unqualified: '⚠' };

const ELEMENT_MARK = { present: '✓', weak: '⚠', absent: '✗' } as const;

/** "    ⚠ hold: weak (left to discretion) (line 12)". */
function elementText(e: NonNullable<CoverageKind['elements']>[number]): string {
  const first = e.locations[0];
  const state = e.state === 'weak' && e.why ? `weak (${e.why})` : e.state === 'absent' ? 'missing' : e.state;
  return `    ${ELEMENT_MARK[e.state]} ${e.title}: ${state}${first ? ` (line ${first.start.line + 1})` : ''}`;
}

/** The coverage view as text, one clause kind a line (for editors without the view): "✗ Audit trigger (use governance): missing". */
export function coverageText(result: CoverageResult, name: string): string {
  const lines = result.kinds.flatMap((k) => {
    const first = k.locations[0];
    const row = `${STATUS_MARK[k.status]} ${k.title}: ${k.status}${first ? ` (line ${first.start.line + 1})` : ''}`;
    return [row, ...(k.elements ?? []).map(elementText)];
  });
  return [`ClauseLint coverage of ${name}: ${result.summary}`, ...lines].join('\n');
}
