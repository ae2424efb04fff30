/** Lint a list of files with the engine once, keeping what the evaluations read. */
import * as fs from 'fs';
import * as path from 'path';
import { ConfigLoader, Finding, LineIndex, lintText, Span } from '../../../server/src/api';

export interface LintedFile {
  /** File name without folder: the key labels.csv uses. */
  name: string;
  path: string;
  text: string;
  lines: LineIndex;
  findings: Finding[];
  /** Clause kind → where it was found (empty when absent). */
  coverage: Map<string, Span[]>;
  /** Broad grants judged by the rules, with their holders (for holder accuracy). */
  grants: { span: Span; holder?: string; qualified: boolean }[];
}

export function lintFiles(paths: string[], loader: ConfigLoader): LintedFile[] {
  return paths.map((file) => {
    const text = fs.readFileSync(file, 'utf8');
    const { doc, result } = lintText(text, file, loader);
    const coverage = new Map(result.coverage.map((c) => [c.kind, c.present ? c.locations : []] as const));
    const grants = result.coverage.flatMap((c) => c.grants ?? []);
    return { name: path.basename(file), path: file, text, lines: doc.lines, findings: result.findings, coverage, grants };
  });
}

/** The ids of every rule the loader gives `samplePath`, in pack order. */
export function loadedRuleIds(loader: ConfigLoader, samplePath: string): string[] {
  return loader.rulesFor(samplePath).compiled.ruleSet.rules.map((r) => r.id);
}
