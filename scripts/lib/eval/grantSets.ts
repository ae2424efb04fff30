/**
 * Broad-grant sentences labelled for issue 15, scored apart by set:
 * - test/corpus/cuad-grants/labels-more.csv: more cuad-dev sentences (file, start, end, hash,
 *   label, holder, note, set), scored like labels.csv against the lint of their contract;
 * - test/corpus/grant-sentences/sentences.csv: sentences of public contracts and AI terms
 *   (id, source, text, label, holder, note, set), each linted on its own.
 * `set` was fixed before labelling: `check` when the first hex digit of sha1(text, or
 * file+start) is 0-4, `tune` otherwise. The check set's per-sentence results are never
 * printed (it is held out); the tune set's errors are, with --verbose.
 * Holder accuracy: among labelled grants the tool also finds, how often the holder it
 * names is the labelled one ("the Provider" = "Provider"; "we" = "we").
 */
import * as fs from 'fs';
import * as path from 'path';
import { ConfigLoader, lintText } from '../../../server/src/api';
import { parseCsvObjects } from '../csv';
import { Confusion, emptyConfusion, f1, formatRatio, precision, recall, tally } from '../metrics';
import { LintedFile } from './lintCorpus';
import { sentenceHash } from './grantSentences';

export type GrantSet = 'tune' | 'check';

interface Scored {
  set: GrantSet;
  gold: boolean;
  predicted: boolean;
  goldHolder: string;
  predictedHolder?: string;
  /** For error listings (tune set only). */
  label: string;
}

export interface SetScore {
  confusion: Confusion;
  holders: { compared: number; right: number };
  errors: string[];
}

export interface GrantSetsReport {
  /** Per source and set. */
  rows: { source: string; set: GrantSet; score: SetScore }[];
  problems: string[];
}

/** The party a holder names: "Snap and its affiliates", "Viber, our affiliates, ..." -> "snap", "viber". */
function holderKey(holder: string | undefined): string {
  return (holder ?? '')
    .replace(/<[^>]*>/g, '')
    .split(/,| and (?:its|their|our) | \(/)[0]
    .toLowerCase()
    .replace(/[\u2019']s$/, '')
    .replace(/^(?:the|each|either)\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function setOf(value: string, row: number, problems: string[], file: string): GrantSet | undefined {
  const v = (value ?? '').trim().toLowerCase();
  if (v === 'tune' || v === 'check') return v;
  problems.push(`${file} row ${row}: set must be tune or check, not "${value}"`);
  return undefined;
}

function labelOf(value: string): boolean | undefined {
  const v = (value ?? '').trim().toLowerCase();
  return v === 'yes' ? true : v === 'no' ? false : undefined;
}

/** The more cuad-dev sentences, against the contracts already linted. */
export function scoreMoreCuad(csvFile: string, byName: Map<string, LintedFile>, problems: string[]): Scored[] {
  const out: Scored[] = [];
  parseCsvObjects(fs.readFileSync(csvFile, 'utf8')).forEach((row, i) => {
    const set = setOf(row.set, i + 2, problems, path.basename(csvFile));
    const gold = labelOf(row.label);
    const file = byName.get(row.file);
    const start = Number(row.start);
    const end = Number(row.end);
    if (!set || gold === undefined || !file) return void problems.push(`${path.basename(csvFile)} row ${i + 2}: bad label or unknown file`);
    if (sentenceHash(file.text.slice(start, end)) !== row.hash) return void problems.push(`${path.basename(csvFile)} row ${i + 2}: stale (hash differs), left out`);
    const finding = file.findings.find((f) => f.clauseKind === 'broad-grant' && f.span.start >= start && f.span.start < end);
    const grant = finding && file.grants.find((g) => g.span.start === finding.span.start);
    out.push({ set, gold, predicted: !!finding, goldHolder: row.holder ?? '', predictedHolder: grant?.holder, label: `${row.file}:${start} [${row.note}]` });
  });
  return out;
}

/** Sentences of other contracts and AI terms, each linted as a document of its own. */
export function scoreSentenceFile(csvFile: string, loader: ConfigLoader, problems: string[]): Scored[] {
  const out: Scored[] = [];
  parseCsvObjects(fs.readFileSync(csvFile, 'utf8')).forEach((row, i) => {
    const set = setOf(row.set, i + 2, problems, path.basename(csvFile));
    const gold = labelOf(row.label);
    if (!set || gold === undefined || !row.text) return void problems.push(`${path.basename(csvFile)} row ${i + 2}: bad label or empty text`);
    // Line breaks are kept in the file as the two characters \n.
    const text = row.text.replace(/\\n/g, '\n');
    const { result } = lintText(text, `sentence-${row.id}.txt`, loader);
    const finding = result.findings.find((f) => f.clauseKind === 'broad-grant');
    const grant = finding && result.coverage.flatMap((c) => c.grants ?? []).find((g) => g.span.start === finding.span.start);
    out.push({ set, gold, predicted: !!finding, goldHolder: row.holder ?? '', predictedHolder: grant?.holder, label: `${row.id} [${row.note}]` });
  });
  return out;
}

export function scoreSet(rows: Scored[], set: GrantSet): SetScore {
  const confusion = emptyConfusion();
  const holders = { compared: 0, right: 0 };
  const errors: string[] = [];
  for (const r of rows.filter((x) => x.set === set)) {
    tally(confusion, r.predicted, r.gold);
    if (r.gold && r.predicted && r.goldHolder.trim()) {
      holders.compared++;
      if (holderKey(r.predictedHolder) === holderKey(r.goldHolder)) holders.right++;
    }
    // The check set is held out: its errors are never listed.
    if (set === 'tune' && r.predicted !== r.gold) errors.push(`${r.gold ? 'missed' : 'false alarm'}: ${r.label}`);
  }
  return { confusion, holders, errors };
}

export function setLine(name: string, s: SetScore): string {
  const c = s.confusion;
  const h = s.holders.compared > 0 ? `  holder ${s.holders.right}/${s.holders.compared} = ${formatRatio(s.holders.right / s.holders.compared)}` : '';
  const n = c.tp + c.fp + c.fn + c.tn;
  return `  ${name.padEnd(34)} n=${String(n).padStart(4)} (${c.tp + c.fn} yes)  TP ${c.tp}  FP ${c.fp}  FN ${c.fn}  TN ${c.tn}  P ${formatRatio(precision(c))}  R ${formatRatio(recall(c))}  F1 ${formatRatio(f1(c))}${h}`;
}
