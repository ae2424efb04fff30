/** The eval's printed tables. */
import { f1, formatRatio, precision, recall } from '../metrics';
import { renderTable } from '../textTable';
import { LintedFile } from './lintCorpus';
import { AlarmSummary } from './falseAlarms';
import { MappingScore } from './documentLevel';
import { LocationScore } from './locationLevel';
import { oneLine } from '../excerpts';
import { CorpusScore } from './aiCorpus';
import { SentenceLabel, SentenceScore } from './sentenceLevel';

export function documentTable(scores: MappingScore[]): string {
  const rows = scores.map(({ mapping, confusion: c }) => [
    mapping.kind,
    mapping.category,
    mapping.fit,
    String(c.tp),
    String(c.fp),
    String(c.fn),
    String(c.tn),
    formatRatio(precision(c)),
    formatRatio(recall(c)),
    formatRatio(f1(c)),
  ]);
  const table = renderTable(['kind', 'CUAD label', 'fit', 'TP', 'FP', 'FN', 'TN', 'precision', 'recall', 'F1'], rows, [
    'left', 'left', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'right',
  ]);
  const notes = scores.map(({ mapping }) => `  ${mapping.kind} vs ${mapping.category}: ${mapping.note}`);
  return [table, '', ...uniq(notes)].join('\n');
}

export function locationSummary(s: LocationScore, kind: string): string {
  const ratio = (a: number, b: number) => `${a} / ${b} = ${formatRatio(b === 0 ? undefined : a / b)}`;
  return [
    `  labelled excerpts: ${s.excerpts}; found in the contract text: ${s.located} (${s.unlocated.length} not found, left out)`,
    `  excerpts overlapping a detected ${kind} location (location recall): ${ratio(s.hit, s.located)}`,
    `  detected ${kind} locations overlapping a labelled excerpt: ${ratio(s.detectedOnGold, s.detectedLocations)}`,
  ].join('\n');
}

export function alarmTable(summary: AlarmSummary, maxNames: number): string {
  const rows = summary.byRule.map((r) => {
    const names = r.files.slice(0, maxNames).join('; ');
    const more = r.files.length > maxNames ? ` (+${r.files.length - maxNames} more)` : '';
    return [r.ruleId, String(r.findings), String(r.files.length), names + more];
  });
  return [
    `  contracts with any finding: ${summary.contractsWithFindings} / ${summary.contracts}`,
    `  carve-out findings per contract: ${summary.carveOutFindingsPerContract.toFixed(3)}`,
    '',
    renderTable(['rule', 'findings', 'contracts', 'files'], rows, ['left', 'right', 'right', 'left']),
  ].join('\n');
}

export function formFindings(forms: LintedFile[]): string {
  const out: string[] = [];
  for (const form of forms) {
    const present = [...form.coverage].filter(([, spans]) => spans.length > 0).map(([kind]) => kind);
    out.push(`${form.name}: ${form.findings.length} finding(s); clause kinds present: ${present.join(', ') || 'none'}`);
    const rows = form.findings.map((f) => {
      const at = form.lines.positionAt(f.span.start);
      return [`${at.line + 1}:${at.character + 1}`, f.severity, f.ruleId, `"${oneLine(form.text.slice(f.span.start, f.span.end), 50)}"`, oneLine(f.message, 90)];
    });
    if (rows.length > 0) out.push(indent(renderTable(['line:col', 'severity', 'rule', 'text', 'message'], rows)));
    out.push('');
  }
  return out.join('\n').trimEnd();
}

export interface TargetLine {
  what: string;
  target: string;
  measured: string;
  met: boolean;
}

export function targetTable(lines: TargetLine[]): string {
  return renderTable(
    ['target', 'wanted', 'measured', ''],
    lines.map((l) => [l.what, l.target, l.measured, l.met ? 'met' : 'MISSED']),
  );
}

function indent(s: string): string {
  return s.split('\n').map((l) => '  ' + l).join('\n');
}

function uniq(lines: string[]): string[] {
  return [...new Set(lines)];
}

export function aiCorpusTable(score: CorpusScore): string {
  const rows = score.rules.map(({ rule, findings: c, documents: d }) => [
    rule,
    String(c.tp),
    String(c.fp),
    String(c.fn),
    formatRatio(precision(c)),
    formatRatio(recall(c)),
    formatRatio(precision(d)),
    formatRatio(recall(d)),
  ]);
  return [
    `  contracts that should have findings: ${score.shouldFire}; with at least one finding: ${score.fired} (document recall ${formatRatio(score.shouldFire === 0 ? undefined : score.fired / score.shouldFire)})`,
    `  contracts whose findings are exactly the expected ones: ${score.exact} / ${score.total}`,
    '',
    renderTable(['rule (findings by rule and line)', 'TP', 'FP', 'FN', 'precision', 'recall', 'doc P', 'doc R'], rows, [
      'left', 'right', 'right', 'right', 'right', 'right', 'right', 'right',
    ]),
  ].join('\n');
}

export function aiCorpusErrors(score: CorpusScore): string {
  if (score.errors.length === 0) return '  none';
  return score.errors.map((e) => [`  ${e.name}`, ...e.missed.map((k) => `    missed     ${k}`), ...e.unexpected.map((k) => `    unexpected ${k}`)].join('\n')).join('\n');
}

export function sentenceSummary(s: SentenceScore): string {
  const c = s.confusion;
  const lines = [
    `  labelled sentences: ${c.tp + c.fp + c.fn + c.tn} (${c.tp + c.fn} broad grants); stale labels left out: ${s.stale.length}` +
      (s.missingFiles.length > 0 ? `; files missing: ${s.missingFiles.length}` : ''),
    `  TP ${c.tp}  FP ${c.fp}  FN ${c.fn}  TN ${c.tn}   precision ${formatRatio(precision(c))}  recall ${formatRatio(recall(c))}  F1 ${formatRatio(f1(c))}`,
  ];
  return lines.join('\n');
}

export function sentenceErrors(s: SentenceScore, textOf: (file: string) => string): string {
  const show = (kind: string, l: SentenceLabel) => `  ${kind} ${l.file} @${l.start} (${l.note}): ${oneLine(textOf(l.file).slice(l.start, l.end), 160)}`;
  return [...s.falsePositives.map((l) => show('FP', l)), ...s.falseNegatives.map((l) => show('FN', l))].join('\n') || '  none';
}
