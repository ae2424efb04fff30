/**
 * `clauselint [files]`: plan the inputs, load and check the configs (a broken
 * pack stops the run with exit 2 before anything is linted), lint each file
 * (in this thread, or in worker threads for large inputs or with --jobs),
 * apply fixes when asked, then print one report in the chosen format.
 */
import * as os from 'os';
import { RuleSpec } from '../engine/types';
import { ConfigLoader } from '../packs/config';
import { LintCommand } from './args';
import { EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE } from './cliError';
import { shouldUseColor } from '../io/color';
import { FORMATTERS } from '../io/formatters';
import { FORMATS_WITH_COVERAGE } from '../io/formatters/formatter';
import { packageVersion } from '../io/packageVersion';
import { Io } from './io';
import { lintTarget, TargetResult, TargetSettings } from './lintTarget';
import { lintInWorkers, lintWorkersAvailable, startLintPool } from './parallel/lintInWorkers';
import { chunkTargets, targetSizes, workerCount } from './parallel/workPlan';
import { checkConfigs, loaderFor, loaderRequest, projectIgnores } from './runConfig';
import { failsAt, Report } from '../io/report';
import { planRun, Target } from './targets';

export async function runLint(cmd: LintCommand, io: Io): Promise<number> {
  const request = loaderRequest(cmd, io);
  const loader = loaderFor(request);
  const plan = planRun(cmd, io, cmd.noIgnore ? undefined : projectIgnores(loader));
  for (const w of plan.warnings) io.stderr(`clauselint: warning: ${w}\n`);
  if (plan.errors.length > 0) {
    for (const e of plan.errors) io.stderr(`clauselint: ${e}\n`);
    return EXIT_USAGE;
  }
  const settings: TargetSettings = {
    quiet: cmd.quiet,
    fixTo: plan.fixTo,
    outputDir: cmd.outputDir,
    maxFileSize: cmd.maxFileSize,
    onlyStdin: cmd.inputs.length === 0,
    coverage: FORMATS_WITH_COVERAGE.has(cmd.format),
  };

  // --jobs 1 is the one-thread run as it always was: not even a stat per file for the work plan.
  const sizes = cmd.jobs === 1 ? [] : targetSizes(plan.targets);
  const workers = lintWorkersAvailable() ? workerCount(cmd.jobs, plan.targets, sizes, os.availableParallelism()) : 0;
  // Started before the configs are checked, so the workers load while this thread checks; they get no file before the check passes.
  const pool = workers > 0 ? startLintPool({ request, settings, cwd: io.cwd, warmPath: plan.targets.find((t) => !t.stdin)?.file }, workers) : undefined;
  try {
    if (!checkConfigs(loader, plan.targets.map((t) => t.file), io)) return EXIT_USAGE;
    let results: TargetResult[];
    if (pool) {
      const chunks = chunkTargets(plan.targets, sizes, workers);
      if (io.env.CLAUSELINT_DEBUG) io.stderr(`clauselint: debug: ${workers} worker threads lint ${plan.targets.filter((t) => !t.stdin).length} files in ${chunks.length} chunks\n`);
      results = await lintInWorkers(pool, plan.targets, chunks, loader, settings, io);
    } else {
      results = await lintInThisThread(plan.targets, loader, settings, io);
    }
    return printReport(results, cmd, plan.fixTo === 'stdout', io);
  } finally {
    await pool?.close();
  }
}

async function lintInThisThread(targets: readonly Target[], loader: ConfigLoader, settings: TargetSettings, io: Io): Promise<TargetResult[]> {
  const results: TargetResult[] = [];
  for (const target of targets) results.push(await lintTarget(target, loader, settings, io));
  return results;
}

/** The report of every file in input order, printed in the chosen format; returns the exit code. */
function printReport(results: readonly TargetResult[], cmd: LintCommand, fixedToStdout: boolean, io: Io): number {
  const report: Report = { files: [], rules: [] };
  const ruleIds = new Set<string>();
  for (const r of results) {
    if (r.file) report.files.push(r.file);
    if (r.rules) addRules(report.rules, ruleIds, r.rules);
  }
  // With the fixed text on stdout, the report goes to stderr.
  const color = shouldUseColor(cmd.color, fixedToStdout ? io.stderrIsTty : io.stdoutIsTty, io.env);
  const output = FORMATTERS[cmd.format](report, { cwd: io.cwd, color, toolVersion: packageVersion() });
  if (output) (fixedToStdout ? io.stderr : io.stdout)(output);
  if (results.some((r) => r.failed)) return EXIT_USAGE;
  return failsAt(report.files, cmd.failOn) ? EXIT_FINDINGS : EXIT_CLEAN;
}

function addRules(into: RuleSpec[], seen: Set<string>, rules: RuleSpec[]): void {
  for (const r of rules) {
    if (seen.has(r.id)) continue;
    seen.add(r.id);
    into.push(r);
  }
}
