/**
 * One lint target, start to finish: read it (a skipped or unreadable file is
 * reported on stderr), lint it, apply and write fixes when asked, and turn the
 * result into its report entry. The same step runs in the main thread and in
 * worker threads, so both report exactly the same.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Span } from '../document/lineIndex';
import { locateInDocx } from '../docx/paragraphLocation';
import { RuleSpec } from '../engine/types';
import { lintText } from '../lintText';
import { ConfigLoader } from '../packs/config';
import { applyFixes } from './fix';
import { Io } from './io';
import { shownPath } from './packSpecs';
import { readOrReport } from './readInput';
import { ReportFile, reportPolicy, toReportFile } from './report';
import { encode, SourceText } from './source';
import { FixDestination, Target } from './targets';

/** What the per-target step needs to know of the command: plain data, so it can be sent to a worker thread. */
export interface TargetSettings {
  quiet: boolean;
  fixTo: FixDestination;
  outputDir?: string;
  maxFileSize: number;
  /** No input was named, so stdin is the only target (empty stdin is then a usage error). */
  onlyStdin: boolean;
}

export interface TargetResult {
  /** The target could not be read (or linted): the run exits 2. */
  failed: boolean;
  /** Undefined when there was nothing to lint (skipped or failed). */
  file?: ReportFile;
  /** The rules loaded for the file, for the report's rule list. */
  rules?: RuleSpec[];
}

export async function lintTarget(target: Target, loader: ConfigLoader, settings: TargetSettings, io: Io): Promise<TargetResult> {
  const { input, failed } = await readOrReport(target, { maxFileSize: settings.maxFileSize, onlyStdin: settings.onlyStdin }, io);
  if (!input) return { failed };
  const keep = reportPolicy(settings.quiet);
  const { source, docx } = input;
  let lint = lintText(source.text, target.file, loader);
  if (settings.fixTo !== 'none') {
    const fixed = applyFixes(source.text, lint.result.findings.filter(keep));
    if (fixed.applied > 0) lint = lintText(fixed.text, target.file, loader);
    emitFixed(target, source, fixed.text, fixed.applied, settings, io);
  }
  const locate = docx ? (span: Span) => locateInDocx(docx, span) : undefined;
  return { failed, file: toReportFile(target.shown, lint.doc, lint.result, keep, locate), rules: lint.compiled.ruleSet.rules };
}

function emitFixed(target: Target, source: SourceText, fixed: string, applied: number, settings: TargetSettings, io: Io): void {
  const to = settings.fixTo;
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
  const dest = to === 'in-place' ? target.file : outputPathFor(target, settings.outputDir!, io.cwd);
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  fs.writeFileSync(dest, encode(source, fixed));
  io.stderr(`clauselint: ${to === 'in-place' ? 'fixed' : 'wrote'} ${shownPath(dest, io.cwd)} (${summary})\n`);
}

/** The file's path relative to the current folder (planRun checked it is inside), under the output folder. */
function outputPathFor(target: Target, outputDir: string, cwd: string): string {
  return path.resolve(cwd, outputDir, path.relative(cwd, target.file));
}
