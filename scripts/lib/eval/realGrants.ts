/**
 * Broad grants of the real-document corpus (test/corpus/real-ai, labels/<id>.yaml `grants:`
 * with line, holder, object, qualified; see its LABELLING.md): found or not, the holder
 * named, and whether the tool's "qualified" (info) agrees with the label's `qualified: both`.
 * A labelled grant is found when a broad-use-grant finding's sentence covers its line (one
 * line of slack either side, as the label gives where the grant's words start).
 */
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { ConfigLoader, lintText, spanAt } from '../../../server/src/api';
import { Confusion, emptyConfusion, f1, formatRatio, precision, recall } from '../metrics';
import { labelledDocument } from './realCorpus';

interface LabelledGrant {
  line: number;
  holder: string;
  qualified: string;
}

export interface RealGrantsScore {
  documents: number;
  grants: Confusion;
  holders: { compared: number; right: number };
  qualified: { compared: number; right: number };
  problems: string[];
  errors: string[];
}

/** "Anthropic (we)" -> ["anthropic", "we"]: any of the names the label gives. */
function holderNames(holder: string): string[] {
  const names = [holder.replace(/\(.*?\)/g, ''), ...[...holder.matchAll(/\(([^)]*)\)/g)].map((m) => m[1])];
  return names.flatMap((n) => n.split(/\s*(?:\/|,| or )\s*/)).map(normalHolder).filter((n) => n !== '');
}

/** The party a holder names: "Snap and its affiliates" -> "snap". */
function normalHolder(name: string | undefined): string {
  return (name ?? '').split(/ and (?:its|their|our) /)[0].toLowerCase().replace(/[\u2019']s$/, '').replace(/^(?:the|each|either)\s+/, '').replace(/\s+/g, ' ').trim();
}

export function scoreRealGrants(dir: string, loader: ConfigLoader): RealGrantsScore {
  const score: RealGrantsScore = { documents: 0, grants: emptyConfusion(), holders: { compared: 0, right: 0 }, qualified: { compared: 0, right: 0 }, problems: [], errors: [] };
  const labelsDir = path.join(dir, 'labels');
  if (!fs.existsSync(labelsDir)) return score;
  for (const file of fs.readdirSync(labelsDir).filter((f) => f.endsWith('.yaml')).sort()) {
    const label = parse(fs.readFileSync(path.join(labelsDir, file), 'utf8')) as { file?: string; grants?: LabelledGrant[] };
    const docPath = labelledDocument(dir, label.file ?? '');
    if (!label.file || !fs.existsSync(docPath)) {
      score.problems.push(`${file}: document ${label.file} not found`);
      continue;
    }
    score.documents++;
    const text = fs.readFileSync(docPath, 'utf8');
    const { doc, result } = lintText(text, docPath, loader);
    const lineOf = (offset: number) => doc.lines.lineOf(offset) + 1;
    const predicted = result.findings
      .filter((f) => f.ruleId === 'recommended/broad-use-grant')
      .map((f) => {
        const sentence = spanAt(doc, 'sentences', f.span.start);
        const grant = result.coverage.flatMap((c) => c.grants ?? []).find((g) => g.span.start === f.span.start);
        return { from: lineOf(sentence?.start ?? f.span.start), to: lineOf(f.span.start), holder: grant?.holder, info: f.severity === 'info', used: false };
      });
    for (const g of label.grants ?? []) {
      const p = predicted.find((x) => !x.used && g.line >= x.from - 1 && g.line <= x.to + 1);
      if (!p) {
        score.grants.fn++;
        score.errors.push(`${file}: missed grant at line ${g.line} (${g.holder})`);
        continue;
      }
      p.used = true;
      score.grants.tp++;
      if (g.holder) {
        score.holders.compared++;
        if (holderNames(String(g.holder)).includes(normalHolder(p.holder))) score.holders.right++;
        else score.errors.push(`${file}: line ${g.line} holder "${p.holder ?? ''}", labelled "${g.holder}"`);
      }
      if (g.qualified) {
        score.qualified.compared++;
        if ((g.qualified === 'both') === p.info) score.qualified.right++;
        else score.errors.push(`${file}: line ${g.line} qualified "${g.qualified}", reported at ${p.info ? 'info' : 'warning'}`);
      }
    }
    for (const p of predicted.filter((x) => !x.used)) {
      score.grants.fp++;
      score.errors.push(`${file}: grant reported at line ${p.to} not labelled`);
    }
  }
  return score;
}

export function realGrantsSummary(s: RealGrantsScore, verbose: boolean): string {
  const c = s.grants;
  const ratio = (x: { compared: number; right: number }) => `${x.right}/${x.compared} = ${formatRatio(x.compared ? x.right / x.compared : undefined)}`;
  return [
    `  ${s.documents} documents; labelled grants ${c.tp + c.fn}; reported ${c.tp + c.fp}`,
    `  grants TP ${c.tp}  FP ${c.fp}  FN ${c.fn}  P ${formatRatio(precision(c))}  R ${formatRatio(recall(c))}  F1 ${formatRatio(f1(c))}`,
    `  holder right ${ratio(s.holders)}; qualified (info) agrees with the label ${ratio(s.qualified)}`,
    ...s.problems.map((p) => `  problem: ${p}`),
    ...(verbose ? s.errors.map((e) => `    ${e}`) : []),
  ].join('\n');
}
