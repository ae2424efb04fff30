/**
 * Sentence-level scoring of broad-grant findings against hand labels
 * (test/corpus/cuad-grants/labels.csv: file, start, end, hash, label, note).
 * A labelled sentence is predicted broad when a finding of clause kind
 * `broad-grant` starts inside it. A row whose hash no longer matches the
 * corpus text is reported as stale and left out, never scored.
 */
import { Finding } from '../../../server/src/api';
import { parseCsvObjects } from '../csv';
import { Confusion, emptyConfusion, tally } from '../metrics';
import { sentenceHash } from './grantSentences';

export interface SentenceLabel {
  file: string;
  start: number;
  end: number;
  hash: string;
  broad: boolean;
  note: string;
}

export interface SentenceScore {
  confusion: Confusion;
  stale: SentenceLabel[];
  missingFiles: string[];
  falsePositives: SentenceLabel[];
  falseNegatives: SentenceLabel[];
}

export function parseSentenceLabels(csvText: string): SentenceLabel[] {
  return parseCsvObjects(csvText).map((row, i) => {
    const label = row.label.trim().toLowerCase();
    if (label !== 'yes' && label !== 'no') throw new Error(`sentence labels row ${i + 2}: label must be yes or no, not "${row.label}"`);
    const start = Number(row.start);
    const end = Number(row.end);
    if (!Number.isInteger(start) || !Number.isInteger(end) || end <= start) throw new Error(`sentence labels row ${i + 2}: bad start/end`);
    return { file: row.file, start, end, hash: row.hash, broad: label === 'yes', note: row.note };
  });
}

/** `files`: file name -> its text and the findings of a lint of it. */
export function scoreSentences(labels: SentenceLabel[], files: Map<string, { text: string; findings: Finding[] }>, kind = 'broad-grant'): SentenceScore {
  const confusion = emptyConfusion();
  const score: SentenceScore = { confusion, stale: [], missingFiles: [], falsePositives: [], falseNegatives: [] };
  for (const label of labels) {
    const file = files.get(label.file);
    if (!file) {
      if (!score.missingFiles.includes(label.file)) score.missingFiles.push(label.file);
      continue;
    }
    if (sentenceHash(file.text.slice(label.start, label.end)) !== label.hash) {
      score.stale.push(label);
      continue;
    }
    const predicted = file.findings.some((f) => f.clauseKind === kind && f.span.start >= label.start && f.span.start < label.end);
    tally(confusion, predicted, label.broad);
    if (predicted && !label.broad) score.falsePositives.push(label);
    if (!predicted && label.broad) score.falseNegatives.push(label);
  }
  return score;
}
