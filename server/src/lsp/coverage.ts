/** Clause coverage for the editor: each kind's status, its locations as ranges, and a one-line summary. */
import { Span } from '../document/lineIndex';
import { KindCoverage } from '../engine/types';
import { LintSnapshot } from './documentLinter';
import { CoverageKind, CoverageResult, CoverageStatus } from '../../../shared/protocol';

const CARVE_OUT_PREFIX = 'carve-out:';

function statusOf(c: KindCoverage, findings: number): CoverageStatus {
  if (c.qualification) return c.qualification;
  if (c.present) return findings > 0 ? 'flagged' : 'present';
  return findings > 0 ? 'missing' : 'absent';
}

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
      status: statusOf(c, spans.length),
      locations: c.locations.map((s) => lines.rangeOf(s)),
      findings: spans.length,
      findingRanges: spans.map((s) => lines.rangeOf(s)),
      ...(c.state ? { state: c.state } : {}),
      ...(c.elements ? { elements: c.elements.map((e) => ({ element: e.element, title: e.title, state: e.state, ...(e.why ? { why: e.why } : {}), locations: e.locations.map((s) => lines.rangeOf(s)) })) } : {}),
    };
  });
}

/** "Audit trigger (use governance)" -> "audit trigger". */
export function shortTitle(title: string): string {
  const bare = title.replace(/\s*\([^)]*\)\s*/g, ' ').trim();
  return /^[A-Z][a-z]/.test(bare) ? bare[0].toLowerCase() + bare.slice(1) : bare;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** e.g. "broad-use grant flagged · 2 carve-outs missing · audit trigger missing". */
export function coverageSummary(kinds: CoverageKind[]): string {
  if (kinds.length === 0) return 'no clause kinds defined by the loaded packs';
  const parts: string[] = [];
  for (const k of kinds.filter((k) => k.status === 'flagged' || k.status === 'unqualified')) parts.push(`${shortTitle(k.title)} ${k.status}`);
  const missing = kinds.filter((k) => k.status === 'missing');
  const carveOuts = missing.filter((k) => k.kind.startsWith(CARVE_OUT_PREFIX));
  if (carveOuts.length > 0) parts.push(`${plural(carveOuts.length, 'carve-out')} missing`);
  for (const k of missing.filter((k) => !k.kind.startsWith(CARVE_OUT_PREFIX))) parts.push(`${shortTitle(k.title)} missing`);
  const found = kinds.filter((k) => k.present).length;
  const qualified = kinds.filter((k) => k.status === 'qualified').map((k) => `${shortTitle(k.title)} qualified`);
  if (parts.length === 0) return [...qualified, `no clause gaps · ${found} of ${kinds.length} clause kinds found`].join(' · ');
  return parts.join(' · ');
}

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
