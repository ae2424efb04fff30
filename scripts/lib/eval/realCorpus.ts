/**
 * The real-document corpus (test/corpus/real-ai, labelled per element by REAL-CORPUS-SPEC /
 * its LABELLING.md): element-level precision and recall of the escalation path (the tool's
 * present vs the label's present; weak counts as not present), the document-level verdict
 * (complete / incomplete with which elements / absent) and whether the escalation finding is
 * reported exactly when it should be.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { ConfigLoader, lintText } from '../../../server/src/api';
import { corpusRoot } from '../corpus';
import { Confusion, emptyConfusion, formatRatio, precision, recall, tally } from '../metrics';
import { renderTable } from '../textTable';

export const ELEMENTS = ['trigger', 'hold', 'review', 'approver', 'record'] as const;
export type Verdict = 'complete' | 'incomplete' | 'absent';
const PATH_KIND = 'audit-trigger';
const RULE_ID = 'recommended/missing-audit-trigger';

export interface RealLabel {
  id: string;
  file: string;
  aboutAi: boolean;
  verdict?: Verdict;
  /** Elements the label marks present. */
  present: Set<string>;
}

export interface RealResult {
  label: RealLabel;
  verdict: Verdict;
  present: Set<string>;
  finding: boolean;
}

/** Label files of a corpus folder, each with the path of its document. */
/** The document a label names: `shared:<path>` is in the shared corpus, anything else in the corpus folder. */
export function labelledDocument(dir: string, fileField: string): string {
  return fileField.startsWith('shared:') ? path.join(corpusRoot(), fileField.slice('shared:'.length)) : path.join(dir, fileField);
}

export function readRealCorpus(dir: string): { labels: RealLabel[]; problems: string[] } {
  const problems: string[] = [];
  const labels: RealLabel[] = [];
  const labelsDir = path.join(dir, 'labels');
  if (!fs.existsSync(labelsDir)) return { labels, problems: [`${labelsDir}: not found`] };
  for (const name of fs.readdirSync(labelsDir).filter((f) => /\.ya?ml$/.test(f)).sort()) {
    try {
      const data = parse(fs.readFileSync(path.join(labelsDir, name), 'utf8')) as Record<string, unknown>;
      const fileField = String(data.file ?? '');
      const file = labelledDocument(dir, fileField);
      if (!fs.existsSync(file)) {
        problems.push(`${name}: document ${fileField} not found`);
        continue;
      }
      const escalation = (data.escalation ?? {}) as Record<string, unknown>;
      const elements = (escalation.elements ?? {}) as Record<string, { status?: string }>;
      const aboutAi = data['about-ai'] === true;
      const verdict = escalation.verdict as Verdict | undefined;
      if (aboutAi && !['complete', 'incomplete', 'absent'].includes(String(verdict))) problems.push(`${name}: about-ai without an escalation verdict`);
      labels.push({ id: name.replace(/\.ya?ml$/, ''), file, aboutAi, verdict: aboutAi ? verdict : undefined, present: new Set(ELEMENTS.filter((e) => elements[e]?.status === 'present')) });
    } catch (err) {
      problems.push(`${name}: ${(err as Error).message}`);
    }
  }
  return { labels, problems };
}

export function lintRealCorpus(labels: RealLabel[], loader: ConfigLoader): RealResult[] {
  return labels.map((label) => {
    const { result } = lintText(fs.readFileSync(label.file, 'utf8'), label.file, loader);
    const path = result.coverage.find((c) => c.kind === PATH_KIND);
    const present = new Set((path?.elements ?? []).filter((e) => e.state === 'present').map((e) => e.element));
    const verdict: Verdict = path?.state === 'present' ? 'complete' : path?.state === 'weak' ? 'incomplete' : 'absent';
    return { label, verdict, present, finding: result.findings.some((f) => f.ruleId === RULE_ID) };
  });
}

export interface RealScore {
  documents: number;
  aboutAi: number;
  elements: { element: string; confusion: Confusion }[];
  /** About-AI documents whose verdict class is right; and right with the same elements present. */
  verdictRight: number;
  verdictExact: number;
  /** All documents: a finding exactly when the label says one is due (about AI, not complete). */
  findingRight: number;
  completeReportedMissing: number;
  errors: string[];
}

export function scoreRealCorpus(results: RealResult[]): RealScore {
  const elements = ELEMENTS.map((element) => ({ element, confusion: emptyConfusion() }));
  const score: RealScore = { documents: results.length, aboutAi: 0, elements, verdictRight: 0, verdictExact: 0, findingRight: 0, completeReportedMissing: 0, errors: [] };
  for (const r of results) {
    const due = r.label.aboutAi && r.label.verdict !== 'complete';
    if (due === r.finding) score.findingRight++;
    else score.errors.push(`${r.label.id}: ${r.finding ? 'finding not due' : 'finding missed'} (label ${r.label.aboutAi ? r.label.verdict : 'not about AI'}, tool ${r.verdict})`);
    if (!r.label.aboutAi) continue;
    score.aboutAi++;
    if (r.label.verdict === 'complete' && r.finding) score.completeReportedMissing++;
    for (const e of elements) tally(e.confusion, r.present.has(e.element), r.label.present.has(e.element));
    if (r.verdict === r.label.verdict) {
      score.verdictRight++;
      const same = ELEMENTS.every((e) => r.present.has(e) === r.label.present.has(e));
      if (same) score.verdictExact++;
    }
    const diff = ELEMENTS.filter((e) => r.present.has(e) !== r.label.present.has(e)).map((e) => `${r.present.has(e) ? '+' : '-'}${e}`);
    if (r.verdict !== r.label.verdict || diff.length > 0) score.errors.push(`${r.label.id}: verdict label ${r.label.verdict} / tool ${r.verdict}; elements ${diff.join(' ') || 'agree'}`);
  }
  return score;
}

export function realCorpusReport(score: RealScore, verbose: boolean): string {
  const rows = score.elements.map(({ element, confusion: c }) => [element, String(c.tp), String(c.fp), String(c.fn), String(c.tn), formatRatio(precision(c)), formatRatio(recall(c))]);
  const lines = [
    `  ${score.documents} documents, ${score.aboutAi} about AI (element and verdict figures are over those)`,
    '',
    renderTable(['element', 'TP', 'FP', 'FN', 'TN', 'precision', 'recall'], rows, ['left', 'right', 'right', 'right', 'right', 'right', 'right']),
    '',
    `  verdict (complete / incomplete / absent) right: ${score.verdictRight} / ${score.aboutAi} = ${formatRatio(score.verdictRight / Math.max(1, score.aboutAi))}`,
    `  verdict right with the same elements present: ${score.verdictExact} / ${score.aboutAi} = ${formatRatio(score.verdictExact / Math.max(1, score.aboutAi))}`,
    `  escalation finding exactly when due (all documents): ${score.findingRight} / ${score.documents} = ${formatRatio(score.findingRight / Math.max(1, score.documents))}`,
    `  complete paths reported missing: ${score.completeReportedMissing}`,
  ];
  lines.push('', renderTable(['target (issue 14)', 'wanted', 'measured', ''], realTargets(score).map((t) => [t.what, t.target, t.measured, t.met ? 'met' : 'MISSED'])));
  if (verbose && score.errors.length > 0) lines.push('', '  disagreements:', ...score.errors.map((e) => `    ${e}`));
  return lines.join('\n');
}

export function realTargets(score: RealScore): { what: string; target: string; measured: string; met: boolean }[] {
  const rows = score.elements.flatMap(({ element, confusion }) =>
    (['precision', 'recall'] as const).map((which) => {
      const value = (which === 'precision' ? precision : recall)(confusion);
      return { what: `${element} ${which}`, target: '>= 0.90', measured: formatRatio(value), met: (value ?? 0) >= 0.9 };
    }),
  );
  const verdict = score.verdictRight / Math.max(1, score.aboutAi);
  rows.push({ what: 'document verdict right', target: '>= 0.90', measured: formatRatio(verdict), met: verdict >= 0.9 });
  rows.push({ what: 'complete paths reported missing', target: '0', measured: String(score.completeReportedMissing), met: score.completeReportedMissing === 0 });
  return rows;
}

/** The whole section: read, lint, score, print. Returns the score for the targets table (undefined when there is no corpus yet). */
export function runRealCorpus(dir: string, loader: ConfigLoader, verbose: boolean): RealScore | undefined {
  const { labels, problems } = readRealCorpus(dir);
  for (const p of problems) console.error(`eval: real-ai labels: ${p}`);
  if (labels.length === 0) {
    console.log('  no labelled documents yet');
    return undefined;
  }
  const score = scoreRealCorpus(lintRealCorpus(labels, loader));
  console.log(realCorpusReport(score, verbose));
  return score;
}
