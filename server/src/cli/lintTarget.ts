/**
 * One lint target, start to finish: read it (a skipped or unreadable file is
 * reported on stderr), lint it, apply and write fixes when asked, and turn the
 * result into its report entry. The same step runs in the main thread and in
 * worker threads, so both report exactly the same.
 */
import * as fs from 'fs';
import * as path from 'path';
import { writeFileSafely } from '../io/safeWrite';
import { Span } from '../document/lineIndex';
import { locateInDocx } from '../io/docx/paragraphLocation';
import { fixToFixpoint } from '../engine/fixes/apply';
import { RuleSpec } from '../engine/types';
import { lintText } from '../lintText';
import { ConfigLoader } from '../packs/config';
import { Io } from './io';
import { shownPath } from '../io/shownPath';
import { readOrReport } from './readInput';
import { ReportFile, reportPolicy, toReportFile } from '../io/report';
import { encode, SourceText } from '../io/source';
import { FixDestination, Target } from './targets';

/** What the per-target step needs to know of the command: plain data, so it can be sent to a worker thread. */
export interface TargetSettings {
  quiet: boolean;
  fixTo: FixDestination;
  outputDir?: string;
  maxFileSize: number;
  /** No input was named, so stdin is the only target (empty stdin is then a usage error). */
  onlyStdin: boolean;
  /** The output format prints coverage (JSON); the others do not, so it is not worked out for them. */
  coverage: boolean;
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
  const { input, failed } = await readOrReport(target, { maxFileSize: settings.maxFileSize, onlyStdin: settings.onlyStdin, forRewrite: settings.fixTo === 'in-place' }, io);
  if (!input) return { failed };
  const keep = reportPolicy(settings.quiet);
  const { source, docx } = input;
  let lint = lintText(source.text, target.file, loader);
  let writeFailed = false;
  if (settings.fixTo !== 'none' && docx) {
    io.stderr(`clauselint: warning: ${target.shown}: fixes are not applied to .docx files; it was linted and left unchanged (make the changes in Word)\n`);
  } else if (settings.fixTo !== 'none') {
    // Fix, lint the fixed text, fix what is newly fixable: running --fix again then changes nothing.
    const fixed = fixToFixpoint(source.text, lint.result.findings.filter(keep), (text) => lintText(text, target.file, loader).result.findings.filter(keep));
    // A fixed text that could not be written is reported as the file still is.
    writeFailed = !emitFixed(target, source, fixed.text, fixed.applied, settings, io);
    if (fixed.applied > 0 && !writeFailed) lint = lintText(fixed.text, target.file, loader);
  }
  const locate = docx ? (span: Span) => locateInDocx(docx, span) : undefined;
  return { failed: failed || writeFailed, file: toReportFile(target.shown, lint.doc, lint.result, keep, locate, settings.coverage), rules: lint.compiled.ruleSet.rules };
}

/** Print or write the fixed text; false when it could not be written (an error for this file only: the run goes on). */
function emitFixed(target: Target, source: SourceText, fixed: string, applied: number, settings: TargetSettings, io: Io): boolean {
  const to = settings.fixTo;
  const summary = `${applied} fix${applied === 1 ? '' : 'es'}`;
  if (to === 'stdout') {
    if (!source.lossless) io.stderr(`clauselint: warning: ${target.shown}: ${source.loss ?? 'it was not read exactly'}; the output differs there too\n`);
    io.stdout(fixed);
    if (applied > 0) io.stderr(`clauselint: applied ${summary} to ${target.shown}\n`);
    return true;
  }
  if (to === 'in-place' && applied === 0) return true;
  if (!source.lossless) {
    io.stderr(`clauselint: warning: not writing ${target.shown}: ${source.loss ?? 'it was not read exactly'}, and rewriting it would change bytes outside the fixes\n`);
    return true;
  }
  const inPlace = to === 'in-place';
  // Never rewrite a file in place without knowing what it was when read (the changed-meanwhile check).
  if (inPlace && !source.stamp) {
    io.stderr(`clauselint: cannot write ${target.shown}: it was not read for a rewrite; it was left as it was\n`);
    return false;
  }
  const dest = inPlace ? target.file : outputPathFor(target, settings.outputDir!, io.cwd);
  const shownDest = shownPath(dest, io.cwd);
  try {
    fs.mkdirSync(path.dirname(dest), { recursive: true });
  } catch (err) {
    io.stderr(`clauselint: cannot write ${shownDest}: cannot make its folder (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})\n`);
    return false;
  }
  const outcome = writeFileSafely(dest, encode(source, fixed), inPlace ? { root: projectRootFor(target.file, io.cwd), readAs: source.stamp } : { root: path.resolve(io.cwd, settings.outputDir!) });
  if ('refused' in outcome) {
    io.stderr(`clauselint: cannot write ${shownDest}: ${outcome.refused}${inPlace ? '; it was left as it was' : ''}\n`);
    return false;
  }
  io.stderr(`clauselint: ${inPlace ? 'fixed' : 'wrote'} ${shownDest} (${summary})\n`);
  return true;
}

/**
 * What a rewrite in place must stay inside: the current folder for a file in
 * it, else the folder the file was named in. A link out of it is not followed.
 */
function projectRootFor(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  const insideCwd = rel !== '' && rel !== '..' && !rel.startsWith('..' + path.sep) && !path.isAbsolute(rel);
  return insideCwd ? cwd : path.dirname(file);
}

/** The file's path relative to the current folder (planRun checked it is inside), under the output folder. */
function outputPathFor(target: Target, outputDir: string, cwd: string): string {
  return path.resolve(cwd, outputDir, path.relative(cwd, target.file));
}
