/**
 * The engine, warm, in this process: parse and lint with the default config
 * (the loader's compiled rules are reused, as the server and CLI reuse them),
 * and a per-phase profile: normalise, structure (the rest of parsing: lines,
 * sections, sentences, definitions, references, suppressions), scan (one pass
 * of every term set), rules (every rule and coverage: a whole parse + lint
 * minus the parse and the scan, as block hits are cached with the blocks).
 */
import { ConfigLoader, lintText, normalise, parseDocument, scanEveryBlock } from '../../../server/src/api';
import { median } from '../stats';
import { timeRuns } from './timing';

export interface EngineTiming {
  runsMs: number[];
  medianMs: number;
  findings: number;
}

export function benchEngine(text: string, file: string, loader: ConfigLoader, runs: number, warmups: number): EngineTiming {
  let findings = 0;
  const runsMs = timeRuns(() => (findings = lintWithCoverage(text, file, loader)), runs, warmups);
  return { runsMs, medianMs: median(runsMs), findings };
}

/**
 * A lint as the editor gets it: findings and coverage (coverage is worked out when first read, and
 * the CLI's text report never reads it). Returns the number of findings.
 */
function lintWithCoverage(text: string, file: string, loader: ConfigLoader): number {
  const { result } = lintText(text, file, loader);
  return result.coverage.length >= 0 ? result.findings.length : 0;
}

export interface PhaseProfile {
  /** Median ms per phase; `total` is a separately timed parse + lint. */
  normalise: number;
  structure: number;
  scan: number;
  rules: number;
  total: number;
}

export function profileEngine(text: string, file: string, loader: ConfigLoader, runs: number): PhaseProfile {
  const { compiled } = loader.rulesFor(file);
  const doc = parseDocument(text, file);
  const markdown = doc.format === 'markdown';
  const norm = median(timeRuns(() => normalise(text, { markdown }), runs, 1));
  const parse = median(timeRuns(() => parseDocument(text, file), runs, 1));
  const scan = median(timeRuns(() => scanEveryBlock(doc, compiled.scanner), runs, 1));
  // Block hits are cached with each block's analysis, so the rules are what a lint of a
  // fresh parse costs beyond the parse and the scan.
  const total = median(timeRuns(() => lintWithCoverage(text, file, loader), runs, 1));
  return { normalise: norm, structure: Math.max(0, parse - norm), scan, rules: Math.max(0, total - parse - scan), total };
}
