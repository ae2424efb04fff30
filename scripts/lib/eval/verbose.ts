/**
 * The --verbose listings a rule author tunes with: each false positive with the
 * sentence that was detected, each false negative with the labelled excerpt.
 */
import { Span } from '../../../server/src/api';
import { ContractLabels } from '../labels';
import { oneLine } from '../excerpts';
import { MappingScore } from './documentLevel';
import { LintedFile } from './lintCorpus';
import { ExcerptRef } from './locationLevel';

const PER_FILE = 2;
const WIDTH = 220;

export function mappingErrors(score: MappingScore, files: ReadonlyMap<string, LintedFile>, labels: ReadonlyMap<string, ContractLabels>): string {
  const { kind, category } = score.mapping;
  const out: string[] = [`${kind} vs ${category}: false positives (${score.falsePositives.length})`];
  for (const name of score.falsePositives) {
    out.push(`  ${name}`);
    const file = files.get(name);
    if (!file) continue;
    for (const span of (file.coverage.get(kind) ?? []).slice(0, PER_FILE)) out.push(`    detected @${lineOf(file, span)}: ${oneLine(file.text.slice(span.start, span.end), WIDTH)}`);
  }
  out.push(`${kind} vs ${category}: false negatives (${score.falseNegatives.length})`);
  for (const name of score.falseNegatives) {
    out.push(`  ${name}`);
    const excerpts = labels.get(name)?.excerpts.get(category) ?? [];
    if (excerpts.length === 0) out.push('    gold: (no excerpt labelled)');
    for (const e of excerpts.slice(0, PER_FILE)) out.push(`    gold: ${oneLine(e, WIDTH)}`);
  }
  return out.join('\n');
}

export function excerptList(title: string, refs: ExcerptRef[]): string {
  const out = [`${title} (${refs.length})`];
  for (const r of refs) out.push(`  ${r.name}: ${oneLine(r.excerpt, WIDTH)}`);
  return out.join('\n');
}

function lineOf(file: LintedFile, span: Span): number {
  return file.lines.positionAt(span.start).line + 1;
}
