/**
 * `npm run eval`: how well the detectors agree with CUAD's expert labels on
 * ../shared/corpus/cuad-dev, with our own labels of its broad-grant sentences
 * (test/corpus/cuad-grants), which rules fire on those ordinary commercial
 * contracts (false alarms), what fires on the standard cloud forms, and
 * per-rule precision and recall on the labelled AI contracts of
 * test/corpus/ai-dev (tuned on) and test/corpus/ai-check (written apart, to
 * check that the figures carry over).
 *
 *   npm run eval -- [--verbose] [--config <file>] [--pack <file>]
 *
 * --config uses that config or pack file instead of the default (built-in
 * recommended) pack; --pack loads a pack after it (its term sets, kinds and
 * rules replace those of the same id), as the CLI does. Exits 0 with the
 * figures; 2 on a usage error or a pack with errors (the figures would not be
 * those of the pack).
 */
import * as fs from 'fs';
import { ConfigLoader } from '../server/src/api';
import { ArgError, parseArgs } from './lib/cliArgs';
import { cuadContractsDir, cuadLabelsFile, listFiles, REPO_ROOT, standardFormsDir } from './lib/corpus';
import { MAPPINGS, Prediction, scoreMapping, unmatched } from './lib/eval/documentLevel';
import { summariseAlarms } from './lib/eval/falseAlarms';
import { LintedFile, lintFiles, loadedRuleIds } from './lib/eval/lintCorpus';
import { scoreLocations } from './lib/eval/locationLevel';
import { alarmTable, documentTable, formFindings, locationSummary, targetTable } from './lib/eval/report';
import { excerptList, mappingErrors } from './lib/eval/verbose';
import { PredictedContract, predictedKeys, readLabelledCorpus, scoreCorpus } from './lib/eval/aiCorpus';
import { parseSentenceLabels, scoreSentences } from './lib/eval/sentenceLevel';
import { grantSection } from './lib/eval/grantSection';
import { aiCorpusErrors, aiCorpusTable, sentenceErrors, sentenceSummary } from './lib/eval/report';
import * as path from 'path';
import { parseLabels } from './lib/labels';
import { f1, formatRatio, precision, recall } from './lib/metrics';
import { runRealCorpus } from './lib/eval/realCorpus';

const AUDIT_KIND = 'audit-rights';
const AUDIT_LABEL = 'Audit Rights';
const GRANT_KIND = 'broad-grant';
const LICENCE_LABELS = ['License Grant', 'Unlimited/All-You-Can-Eat-License', 'Irrevocable or Perpetual License'];
const AI_CORPORA = [
  { name: 'AI development corpus', dir: path.join(REPO_ROOT, 'test', 'corpus', 'ai-dev') },
  { name: 'AI check corpus', dir: path.join(REPO_ROOT, 'test', 'corpus', 'ai-check') },
];
const REAL_CORPUS = path.join(REPO_ROOT, 'test', 'corpus', 'real-ai');
const GRANT_LABELS = path.join(REPO_ROOT, 'test', 'corpus', 'cuad-grants', 'labels.csv');
const USAGE = 'usage: npm run eval -- [--verbose] [--config <config-or-pack.yaml>] [--pack <pack.yaml>]';

function main(argv: string[]): number {
  let args;
  try {
    args = parseArgs(argv, { flags: ['verbose', 'help'], values: ['config', 'pack'] });
  } catch (err) {
    if (!(err instanceof ArgError)) throw err;
    console.error(`eval: ${err.message}\n${USAGE}`);
    return 2;
  }
  if (args.flags.has('help')) {
    console.log(USAGE);
    return 0;
  }
  const verbose = args.flags.has('verbose');
  const pack = args.values.get('pack');
  const loader = new ConfigLoader({ config: args.values.get('config'), packs: pack ? [pack] : [] });

  const contractPaths = listFiles(cuadContractsDir(), ['.txt']);
  const config = loader.configFor(contractPaths[0]);
  for (const e of config.errors) console.error(`eval: pack ${e.severity}: ${e.file}:${e.line}:${e.column}: ${e.message}`);
  if (config.errors.some((e) => e.severity === 'error')) {
    // Broken rules are dropped (or the default pack stands in), so the figures would not be the pack's.
    console.error('eval: fix the pack errors above first; no figures printed');
    return 2;
  }
  const labelSet = parseLabels(fs.readFileSync(cuadLabelsFile(), 'utf8'));
  for (const p of labelSet.problems) console.error(`eval: labels: ${p}`);
  const labels = new Map(labelSet.contracts.map((c) => [c.file, c]));

  const linted = lintFiles(contractPaths, loader);
  const byName = new Map(linted.map((f) => [f.name, f]));
  const predictions: Prediction[] = linted.map((f) => ({ name: f.name, presentKinds: presentKinds(f) }));
  const { unlabelled, missingFiles } = unmatched(predictions, labels);

  console.log('ClauseLint eval');
  console.log(`packs: ${config.merged.compiled.ruleSet.packs.map((p) => `${p.id} (${p.file})`).join(', ')}`);

  section(`Real AI documents (escalation path per element): ${path.relative(REPO_ROOT, REAL_CORPUS)} (labels: its LABELLING.md)`);
  runRealCorpus(REAL_CORPUS, loader, verbose);
  console.log(`corpus: ${cuadContractsDir()}: ${linted.length} contracts, ${linted.length - unlabelled.length} labelled`);
  if (unlabelled.length > 0) console.log(`  without labels (skipped): ${unlabelled.join('; ')}`);
  if (missingFiles.length > 0) console.log(`  labelled but missing: ${missingFiles.join('; ')}`);

  section('Document level: predicted = clause kind present in coverage; gold = label "Yes"');
  const scores = MAPPINGS.map((m) => scoreMapping(m, predictions, labels));
  console.log(documentTable(scores));

  section(`Location level: ${AUDIT_KIND} locations vs "${AUDIT_LABEL}-Context" excerpts (contracts labelled Yes; labels are not exhaustive)`);
  const location = scoreLocations(
    linted
      .filter((f) => labels.get(f.name)?.yes.get(AUDIT_LABEL))
      .map((f) => ({ name: f.name, text: f.text, excerpts: labels.get(f.name)?.excerpts.get(AUDIT_LABEL) ?? [], detected: f.coverage.get(AUDIT_KIND) ?? [] })),
  );
  console.log(locationSummary(location, AUDIT_KIND));

  section(`Location level (informational): ${GRANT_KIND} locations vs licence excerpts (${LICENCE_LABELS.join(', ')}), all contracts`);
  console.log(
    'Most licence grants are narrow, so low excerpt recall is expected; the second figure shows how many detections sit in a licence grant at all.\n',
  );
  const grants = scoreLocations(
    linted.map((f) => ({ name: f.name, text: f.text, excerpts: LICENCE_LABELS.flatMap((c) => labels.get(f.name)?.excerpts.get(c) ?? []), detected: f.coverage.get(GRANT_KIND) ?? [] })),
  );
  console.log(locationSummary(grants, GRANT_KIND));

  section(`Broad-grant sentences of cuad-dev: our labels (${path.relative(REPO_ROOT, GRANT_LABELS)}) vs broad-grant findings in the sentence`);
  const sentences = scoreSentences(parseSentenceLabels(fs.readFileSync(GRANT_LABELS, 'utf8')), byName);
  console.log(sentenceSummary(sentences));

  section('Broad-grant sentences for issue 15: check set (held out) apart from the tune set; holders; qualified grants in the AI corpora');
  console.log(grantSection(loader, byName, sentences.confusion, verbose));

  const recommendedRules = config.merged.compiled.ruleSet.rules.filter((r) => r.pack === 'recommended').map((r) => r.name);
  const aiScores = AI_CORPORA.map(({ name, dir }) => {
    section(`${name}: ${path.relative(REPO_ROOT, dir)} (expected findings by rule and line, see test/corpus/ai-dev/LABELLING.md)`);
    const corpus = readLabelledCorpus(path.join(dir, 'labels'), path.join(dir, 'contracts'));
    for (const p of corpus.problems) console.error(`eval: ${path.basename(dir)} labels: ${p}`);
    const linted = lintFiles(corpus.contracts.map((c) => c.contractPath), loader);
    const results: PredictedContract[] = corpus.contracts.map((contract, i) => ({ contract, predicted: predictedKeys(linted[i].findings, linted[i].lines) }));
    const score = scoreCorpus(results, recommendedRules);
    const byClass = (cls: string) => corpus.contracts.filter((c) => c.class === cls).length;
    console.log(`  ${corpus.contracts.length} contracts: ${byClass('ai')} AI, ${byClass('software-data')} software or data, ${byClass('ordinary')} ordinary look-alikes`);
    console.log(aiCorpusTable(score));
    return { name, score };
  });

  section('False alarms on cuad-dev: findings of the loaded rules (ordinary commercial contracts, so AI findings are false alarms)');
  const alarms = summariseAlarms(linted, loadedRuleIds(loader, contractPaths[0]));
  console.log(alarmTable(alarms, verbose ? Infinity : 4));

  section(`Standard forms: ${standardFormsDir()}`);
  console.log(formFindings(lintFiles(listFiles(standardFormsDir(), ['.md']), loader)));

  section('Targets');
  const audit = scores.find((s) => s.mapping.kind === AUDIT_KIND && s.mapping.category === AUDIT_LABEL)!.confusion;
  const p = precision(audit) ?? 0;
  const r = recall(audit) ?? 0;
  console.log(
    targetTable([
      { what: `${AUDIT_KIND} precision vs ${AUDIT_LABEL}`, target: '>= 0.95', measured: formatRatio(p), met: p >= 0.95 },
      { what: `${AUDIT_KIND} recall vs ${AUDIT_LABEL}`, target: '>= 0.95', measured: formatRatio(r), met: r >= 0.95 },
      {
        what: 'carve-out findings per cuad-dev contract',
        target: '<= 0.05',
        measured: alarms.carveOutFindingsPerContract.toFixed(3),
        met: alarms.carveOutFindingsPerContract <= 0.05,
      },
      { what: 'broad-grant sentence F1 on cuad-dev (our labels)', target: '>= 0.90', measured: formatRatio(f1(sentences.confusion)), met: (f1(sentences.confusion) ?? 0) >= 0.9 },
      ...aiScores.flatMap(({ name, score: ai }) => [
        { what: `${name}: contracts that should have findings and have some`, target: '1.000', measured: formatRatio(ai.fired / Math.max(1, ai.shouldFire)), met: ai.fired === ai.shouldFire },
        ...(['precision', 'recall'] as const).map((which) => {
          const measure = which === 'precision' ? precision : recall;
          const worst = ai.rules
            .map((r) => ({ rule: r.rule, value: measure(r.findings) }))
            .filter((r): r is { rule: string; value: number } => r.value !== undefined)
            .sort((a, b) => a.value - b.value)[0];
          return { what: `${name}: every rule's ${which} (lowest shown)`, target: '>= 0.90', measured: worst ? `${formatRatio(worst.value)} ${worst.rule}` : 'n/a', met: !worst || worst.value >= 0.9 };
        }),
      ]),
    ]),
  );

  if (verbose) {
    section('Details (--verbose)');
    for (const s of scores) console.log(mappingErrors(s, byName, labels) + '\n');
    console.log(excerptList(`${AUDIT_KIND}: labelled excerpts not overlapping a detected location`, location.missed) + '\n');
    console.log(excerptList(`${AUDIT_KIND}: labelled excerpts not found in the contract text`, location.unlocated) + '\n');
    console.log('Broad-grant sentences scored wrong:\n' + sentenceErrors(sentences, (file) => byName.get(file)?.text ?? '') + '\n');
    for (const { name, score } of aiScores) console.log(`\n${name}: findings missed or unexpected (rule@line):\n` + aiCorpusErrors(score));
  }
  return 0;
}

function presentKinds(f: LintedFile): Set<string> {
  return new Set([...f.coverage].filter(([, spans]) => spans.length > 0).map(([kind]) => kind));
}

function section(title: string): void {
  console.log(`\n== ${title}\n`);
}

process.exitCode = main(process.argv.slice(2));
