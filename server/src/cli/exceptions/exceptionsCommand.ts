/**
 * `clauselint exceptions [paths]`: lint each file with the rules that govern
 * it, then list every suppression in it (the exceptions log). Exit 0 once the
 * log is printed, whatever it holds (invalid suppressions already fail a
 * lint); 2 for a usage or configuration error or a file that cannot be read.
 */
import { Span } from '../../document/lineIndex';
import { locateInDocx } from '../../io/docx/paragraphLocation';
import { lintText } from '../../lintText';
import { ConfigLoader } from '../../packs/config';
import { DEFAULT_MAX_FILE_SIZE, ExceptionsCommand } from '../args';
import { CliError, EXIT_CLEAN, EXIT_USAGE } from '../cliError';
import { palette, shouldUseColor } from '../../io/color';
import { expandInputs } from '../files';
import { Io } from '../io';
import { shownPath } from '../../io/shownPath';
import { readOrReport } from '../readInput';
import { checkConfigs, createLoader, projectIgnores } from '../runConfig';
import { Target } from '../targets';
import { ExceptionEntry, exceptionsOf, summarise } from './exceptionsLog';
import { formatExceptions } from './formatExceptions';

/** Folders are walked as for a lint: ignored files (.gitignore, .clauselintignore, `ignores:`) are left out. */
function targetsOf(cmd: ExceptionsCommand, io: Io, loader: ConfigLoader): Target[] | undefined {
  const expanded = expandInputs(cmd.inputs, io.cwd, projectIgnores(loader));
  if (expanded.stdin) throw new CliError('exceptions reads files and folders, not standard input', true);
  for (const w of expanded.warnings) io.stderr(`clauselint: warning: ${w}\n`);
  for (const { file, source } of expanded.ignoredNamed) {
    io.stderr(`clauselint: warning: ${shownPath(file, io.cwd)}: File ignored because of a matching pattern in ${shownPath(source, io.cwd)}\n`);
  }
  if (expanded.errors.length > 0) {
    for (const e of expanded.errors) io.stderr(`clauselint: ${e}\n`);
    return undefined;
  }
  if (expanded.files.length === 0) throw new CliError('no input: every file named was excluded', true);
  return expanded.files.map((file) => ({ file, shown: shownPath(file, io.cwd), stdin: false }));
}

export async function runExceptions(cmd: ExceptionsCommand, io: Io): Promise<number> {
  const loader = createLoader(cmd, io);
  const targets = targetsOf(cmd, io, loader);
  if (!targets) return EXIT_USAGE;
  if (!checkConfigs(loader, targets.map((t) => t.file), io)) return EXIT_USAGE;

  const entries: ExceptionEntry[] = [];
  let files = 0;
  let readFailed = false;
  for (const target of targets) {
    const { input, failed } = await readOrReport(target, { maxFileSize: DEFAULT_MAX_FILE_SIZE, onlyStdin: false }, io);
    if (failed) readFailed = true;
    if (!input) continue;
    const { source, docx } = input;
    const lint = lintText(source.text, target.file, loader);
    const locate = docx ? (span: Span) => locateInDocx(docx, span) : undefined;
    const ruleIds = lint.compiled.ruleSet.rules.map((r) => r.id);
    entries.push(...exceptionsOf({ shownPath: target.shown, doc: lint.doc, result: lint.result, ruleIds, locate }));
    files++;
  }
  const p = palette(cmd.format === 'text' && shouldUseColor(cmd.color, io.stdoutIsTty, io.env));
  io.stdout(formatExceptions(cmd.format, { entries, summary: summarise(entries, files) }, p));
  return readFailed ? EXIT_USAGE : EXIT_CLEAN;
}
