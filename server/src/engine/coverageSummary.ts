/**
 * The one-line coverage summary ("broad-use grant unqualified · 2 carve-outs missing", "no clause
 * gaps · 5 of 8 clause kinds found", "2 placeholders to fill · ...") and each kind's status: computed
 * here once, shown by the adapters (the editor's code lens and coverage view, the CLI's JSON).
 * A kind whose locations are open items (`gap`: unfilled placeholders) is never "no gaps".
 */
import { KindCoverage } from './types';

/**
 * present: found. missing: not found, and a finding says it is needed. flagged: found, with a
 * finding on it (or, for an open-items kind, found at all). absent: not found, nothing needs it.
 * qualified / unqualified: broad grants, every one reached by carve-outs or not.
 */
export type CoverageStatus = 'present' | 'missing' | 'flagged' | 'absent' | 'qualified' | 'unqualified';

/** What the summary reads of each kind (the protocol's coverage rows have these fields). */
export interface SummaryRow {
  kind: string;
  title: string;
  present: boolean;
  status: CoverageStatus;
  /** A `gap` kind's open items (none is 0), with the words that name them ("2 placeholders to fill"). */
  open?: { count: number; label: string };
}

const CARVE_OUT_PREFIX = 'carve-out:';

/** A kind's status from its coverage and the number of findings about it. */
export function coverageStatus(c: KindCoverage, findings: number): CoverageStatus {
  if (c.qualification) return c.qualification;
  if (c.open) return c.open.count > 0 ? 'flagged' : 'absent';
  if (c.present) return findings > 0 ? 'flagged' : 'present';
  return findings > 0 ? 'missing' : 'absent';
}

/** "Audit trigger (use governance)" -> "audit trigger". */
export function shortTitle(title: string): string {
  const bare = title.replace(/\s*\([^)]*\)\s*/g, ' ').trim();
  return /^[A-Z][a-z]/.test(bare) ? bare[0].toLowerCase() + bare.slice(1) : bare;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** e.g. "broad-use grant flagged · 2 carve-outs missing · audit trigger missing · 2 placeholders to fill". */
export function coverageSummary(rows: SummaryRow[]): string {
  if (rows.length === 0) return 'no clause kinds defined by the loaded packs';
  const kinds = rows.filter((k) => !k.open);
  const parts: string[] = [];
  for (const k of kinds.filter((k) => k.status === 'flagged' || k.status === 'unqualified')) parts.push(`${shortTitle(k.title)} ${k.status}`);
  const missing = kinds.filter((k) => k.status === 'missing');
  const carveOuts = missing.filter((k) => k.kind.startsWith(CARVE_OUT_PREFIX));
  if (carveOuts.length > 0) parts.push(`${plural(carveOuts.length, 'carve-out')} missing`);
  for (const k of missing.filter((k) => !k.kind.startsWith(CARVE_OUT_PREFIX))) parts.push(`${shortTitle(k.title)} missing`);
  const open = rows.filter((k) => k.open && k.open.count > 0).map((k) => k.open!.label);
  if (parts.length > 0) return [...parts, ...open].join(' · ');
  const qualified = kinds.filter((k) => k.status === 'qualified').map((k) => `${shortTitle(k.title)} qualified`);
  const found = `${kinds.filter((k) => k.present).length} of ${kinds.length} clause kinds found`;
  // Open items (unfilled placeholders) keep the document from being complete: say them instead of "no clause gaps".
  return [...qualified, ...(open.length > 0 ? open : ['no clause gaps']), found].join(' · ');
}
