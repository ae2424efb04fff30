/**
 * The issue-15 section of `npm run eval`: broad-grant P/R/F1 on the new labelled
 * sentences (check set apart from the tune set), on the old 957, holder accuracy, and
 * whether every qualified broad grant of the AI corpora is reported at information
 * severity with its carve-outs as related locations. One call from scripts/eval.ts.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ConfigLoader } from '../../../server/src/api';
import { Confusion, f1, formatRatio } from '../metrics';
import { REPO_ROOT } from '../corpus';
import { readLabelledCorpus } from './aiCorpus';
import { scoreMoreCuad, scoreSentenceFile, scoreSet, setLine, SetScore } from './grantSets';
import { LintedFile, lintFiles } from './lintCorpus';
import { realGrantsSummary, scoreRealGrants } from './realGrants';
import { targetTable } from './report';

const MORE_CUAD = path.join(REPO_ROOT, 'test', 'corpus', 'cuad-grants', 'labels-more.csv');
const OTHER_SENTENCES = path.join(REPO_ROOT, 'test', 'corpus', 'grant-sentences', 'sentences.csv');
const REAL_CORPUS = path.join(REPO_ROOT, 'test', 'corpus', 'real-ai');
const AI_CORPORA = ['ai-dev', 'ai-check'].map((name) => ({ name, dir: path.join(REPO_ROOT, 'test', 'corpus', name) }));

function merge(a: SetScore, b: SetScore): SetScore {
  const c = (x: Confusion, y: Confusion) => ({ tp: x.tp + y.tp, fp: x.fp + y.fp, fn: x.fn + y.fn, tn: x.tn + y.tn });
  return {
    confusion: c(a.confusion, b.confusion),
    holders: { compared: a.holders.compared + b.holders.compared, right: a.holders.right + b.holders.right },
    errors: [...a.errors, ...b.errors],
  };
}

/** Labelled qualified grants (expect entries of broad-use-grant with `severity: info`) and how each is reported. */
function qualifiedGrants(loader: ConfigLoader): { labelled: number; atInfo: number; wrong: string[] } {
  let labelled = 0;
  let atInfo = 0;
  const wrong: string[] = [];
  for (const { name, dir } of AI_CORPORA) {
    const corpus = readLabelledCorpus(path.join(dir, 'labels'), path.join(dir, 'contracts'));
    const linted = lintFiles(corpus.contracts.map((c) => c.contractPath), loader);
    corpus.contracts.forEach((contract, i) => {
      for (const e of contract.expect.filter((x) => x.rule === 'broad-use-grant' && x.severity === 'info')) {
        labelled++;
        const f = linted[i].findings.find((x) => x.ruleId === 'recommended/broad-use-grant' && linted[i].lines.lineOf(x.span.start) + 1 === e.line);
        if (f && f.severity === 'info' && f.related.length > 0) atInfo++;
        else wrong.push(`${name}/${contract.name}@${e.line}: ${f ? `reported at ${f.severity} with ${f.related.length} related` : 'not reported'}`);
      }
    });
  }
  return { labelled, atInfo, wrong };
}

export function grantSection(loader: ConfigLoader, byName: Map<string, LintedFile>, old957: Confusion, verbose: boolean): string {
  const out: string[] = [];
  const problems: string[] = [];
  const sources: { name: string; rows: ReturnType<typeof scoreMoreCuad> }[] = [];
  if (fs.existsSync(MORE_CUAD)) sources.push({ name: 'more cuad-dev sentences', rows: scoreMoreCuad(MORE_CUAD, byName, problems) });
  if (fs.existsSync(OTHER_SENTENCES)) sources.push({ name: 'public contracts and AI terms', rows: scoreSentenceFile(OTHER_SENTENCES, loader, problems) });
  out.push(
    'Sets fixed before labelling: check = first hex digit of sha1(sentence text, or file+start) in 0-4 (about a third),',
    'tune = the rest. The detector was tuned on the tune rows and the old 957 only; the check rows are scored once, as they are.\n',
  );
  if (sources.length === 0) out.push('  (no new labelled sentences on this branch yet)');
  // While the detector is being tuned, CLAUSELINT_EVAL_HIDE_CHECK=1 keeps even the check set's totals out of sight.
  const hideCheck = !!process.env.CLAUSELINT_EVAL_HIDE_CHECK;
  const bySet = { tune: [] as SetScore[], check: [] as SetScore[] };
  for (const { name, rows } of sources) {
    for (const set of hideCheck ? (['tune'] as const) : (['check', 'tune'] as const)) {
      const score = scoreSet(rows, set);
      bySet[set].push(score);
      out.push(setLine(`${set}: ${name}`, score));
    }
  }
  const empty: SetScore = { confusion: { tp: 0, fp: 0, fn: 0, tn: 0 }, holders: { compared: 0, right: 0 }, errors: [] };
  const check = bySet.check.reduce(merge, empty);
  const tune = bySet.tune.reduce(merge, empty);
  if (sources.length > 0) {
    if (!hideCheck) out.push(setLine('CHECK SET (held out), all sources', check));
    out.push(setLine('tune set, all sources', tune));
  }
  out.push(setLine('old 957 cuad-dev sentences (tuned on)', { confusion: old957, holders: { compared: 0, right: 0 }, errors: [] }));
  for (const p of problems) out.push(`  problem: ${p}`);
  if (verbose && tune.errors.length > 0) out.push('\n  tune set, scored wrong:', ...tune.errors.map((e) => `    ${e}`));

  const q = qualifiedGrants(loader);
  out.push(`\n  AI corpora: qualified broad grants labelled ${q.labelled}; reported at info with their carve-outs as related locations: ${q.atInfo}`);
  for (const w of q.wrong) out.push(`    ${w}`);
  if (fs.existsSync(REAL_CORPUS)) {
    out.push(`\n  Real documents (${path.relative(REPO_ROOT, REAL_CORPUS)}: AI terms, policies, public-sector texts; grants labelled with holders):`);
    out.push(realGrantsSummary(scoreRealGrants(REAL_CORPUS, loader), verbose));
  }
  const checkF1 = f1(check.confusion);
  out.push(
    '',
    targetTable([
      { what: 'broad-grant F1 on the check set (held out)', target: '>= 0.90', measured: sources.length > 0 ? formatRatio(checkF1) : 'n/a', met: (checkF1 ?? 0) >= 0.9 },
      { what: 'AI corpora: qualified broad grants at info with related carve-outs', target: `${q.labelled}`, measured: `${q.atInfo}`, met: q.atInfo === q.labelled },
    ]),
  );
  return out.join('\n');
}
