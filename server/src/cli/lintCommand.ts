/**
 * `clauselint [files]`: plan the inputs, load and check the configs (a broken
 * pack stops the run with exit 2 before anything is linted), lint each file,
 * apply fixes when asked, then print one report in the chosen format.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Span } from '../document/lineIndex';
import { locateInDocx } from '../docx/paragraphLocation';
import { RuleSpec } from '../engine/types';
import { lintText } from '../lintText';
import { LintCommand } from './args';
import { EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE } from './cliError';
import { shouldUseColor } from './color';
import { applyFixes } from './fix';
import { FORMATTERS } from './formatters';
import { packageVersion } from './help';
import { Io } from './io';
import { shownPath } from './packSpecs';
import { readOrReport } from './readInput';
import { checkConfigs, createLoader } from './runConfig';
import { failsAt, Report, reportPolicy, toReportFile } from './report';
import { encode, SourceText } from './source';
import { FixDestination, planRun, Target } from './targets';

export async function runLint(cmd: LintCommand, io: Io): Promise<number> {
  const plan = planRun(cmd, io);
  for (const w of plan.warnings) io.stderr(`clauselint: warning: ${w}\n`);
  if (plan.errors.length > 0) {
    for (const e of plan.errors) io.stderr(`clauselint: ${e}\n`);
    return EXIT_USAGE;
  }
  const loader = createLoader(cmd, io);
  if (!checkConfigs(loader, plan.targets.map((t) => t.file), io)) return EXIT_USAGE;

  const keep = reportPolicy(cmd.quiet);
  const report: Report = { files: [], rules: [] };
  const ruleIds = new Set<string>();
  let readFailed = false;
  for (const target of plan.targets) {
    const { input, failed } = await readOrReport(target, { maxFileSize: cmd.maxFileSize, onlyStdin: cmd.inputs.length === 0 }, io);
    if (failed) readFailed = true;
    if (!input) continue;
    const { source, docx } = input;
    let lint = lintText(source.text, target.file, loader);
    if (plan.fixTo !== 'none') {
      const fixed = applyFixes(source.text, lint.result.findings.filter(keep));
      if (fixed.applied > 0) lint = lintText(fixed.text, target.file, loader);
      emitFixed(target, source, fixed.text, fixed.applied, plan.fixTo, cmd, io);
    }
    const locate = docx ? (span: Span) => locateInDocx(docx, span) : undefined;
    report.files.push(toReportFile(target.shown, lint.doc, lint.result, keep, locate));
    addRules(report.rules, ruleIds, lint.compiled.ruleSet.rules);
  }

  // With the fixed text on stdout, the report goes to stderr.
  const toStderr = plan.fixTo === 'stdout';
  const color = shouldUseColor(cmd.color, toStderr ? io.stderrIsTty : io.stdoutIsTty, io.env);
  const output = FORMATTERS[cmd.format](report, { cwd: io.cwd, color, toolVersion: packageVersion() });
  if (output) (toStderr ? io.stderr : io.stdout)(output);
  if (readFailed) return EXIT_USAGE;
  return failsAt(report.files, cmd.failOn) ? EXIT_FINDINGS : EXIT_CLEAN;
}

function emitFixed(target: Target, source: SourceText, fixed: string, applied: number, to: FixDestination, cmd: LintCommand, io: Io): void {
  const summary = `${applied} fix${applied === 1 ? '' : 'es'}`;
  if (to === 'stdout') {
    if (!source.lossless) io.stderr(`clauselint: warning: ${target.shown} is not valid UTF-8; invalid bytes were replaced in the output\n`);
    io.stdout(fixed);
    if (applied > 0) io.stderr(`clauselint: applied ${summary} to ${target.shown}\n`);
    return;
  }
  if (to === 'in-place' && applied === 0) return;
  if (!source.lossless) {
    io.stderr(`clauselint: warning: not writing ${target.shown}: it is not valid UTF-8, and rewriting it would change bytes outside the fixes\n`);
    return;
  }
  const dest = to === 'in-place' ? target.file : outputPathFor(target, cmd.outputDir!, io.cwd);
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  fs.writeFileSync(dest, encode(source, fixed));
  io.stderr(`clauselint: ${to === 'in-place' ? 'fixed' : 'wrote'} ${shownPath(dest, io.cwd)} (${summary})\n`);
}

/** The file's path relative to the current folder (planRun checked it is inside), under the output folder. */
function outputPathFor(target: Target, outputDir: string, cwd: string): string {
  return path.resolve(cwd, outputDir, path.relative(cwd, target.file));
}

function addRules(into: RuleSpec[], seen: Set<string>, rules: RuleSpec[]): void {
  for (const r of rules) {
    if (seen.has(r.id)) continue;
    seen.add(r.id);
    into.push(r);
  }
}
