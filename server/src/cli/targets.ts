/** What one lint run works on: files, or standard input, and where fixed text goes. */
import * as path from 'path';
import { isDocxPath } from '../io/docx/docxText';
import { LintCommand } from './args';
import { CliError } from './cliError';
import { IgnoreRules } from '../project/ignoreRules';
import { expandInputs } from './files';
import { Io } from './io';
import { shownPath } from '../io/shownPath';

export interface Target {
  /** Absolute path of the file; for stdin, of --stdin-filename (or `<stdin>`) in the current folder, which picks its config. */
  file: string;
  /** Path in reports. */
  shown: string;
  stdin: boolean;
}

/** Where --fix puts the fixed text. */
export type FixDestination = 'none' | 'stdout' | 'in-place' | 'output-dir';

export interface Plan {
  targets: Target[];
  fixTo: FixDestination;
  /** Problems with inputs (missing files, globs matching nothing): reported, then exit 2. */
  errors: string[];
  warnings: string[];
}

const STDIN_NAME = '<stdin>';

function stdinTarget(cmd: LintCommand, io: Io): Target {
  const name = cmd.stdinFilename;
  return {
    file: path.resolve(io.cwd, name ?? STDIN_NAME),
    shown: name ? shownPath(path.resolve(io.cwd, name), io.cwd) : STDIN_NAME,
    stdin: true,
  };
}

/** `ignores`: the project's ignore rules, or undefined with --no-ignore. */
export function planRun(cmd: LintCommand, io: Io, ignores?: IgnoreRules): Plan {
  const expanded = expandInputs(cmd.inputs, io.cwd, ignores);
  const warnings = [...expanded.warnings];
  for (const { file, source } of expanded.ignoredNamed) {
    warnings.push(`${shownPath(file, io.cwd)}: File ignored because of a matching pattern in ${shownPath(source, io.cwd)} (use --no-ignore to lint it)`);
  }
  let useStdin = expanded.stdin;
  if (cmd.inputs.length === 0) {
    // Only read stdin unasked when something is piped in: never wait on a terminal.
    if (!io.stdinHasData()) throw new CliError('no input: name files, folders or globs to lint, or pipe text to standard input', true);
    useStdin = true;
  }
  const targets: Target[] = expanded.files.map((file) => ({ file, shown: shownPath(file, io.cwd), stdin: false }));
  if (useStdin) targets.push(stdinTarget(cmd, io));
  // Only ignored files (a pre-commit hook passing changed files, say): nothing to lint is not a mistake.
  const onlyIgnored = warnings.length > expanded.warnings.length || expanded.someIgnored;
  if (targets.length === 0 && expanded.errors.length === 0 && !onlyIgnored) throw new CliError('no input: every file named was excluded', true);
  return { targets, fixTo: fixDestination(cmd, targets, io.cwd), errors: expanded.errors, warnings };
}

function fixDestination(cmd: LintCommand, targets: Target[], cwd: string): FixDestination {
  if (!cmd.fix) return 'none';
  // A Word document among other files is linted and left as it is (lintTarget warns); alone, --fix has nothing to do.
  const word = targets.filter((t) => isDocxPath(t.file));
  if (word.length > 0 && word.length === targets.length && !cmd.write && cmd.outputDir === undefined) {
    throw new CliError(
      `--fix never rewrites Word documents (${word.map((t) => t.shown).join(', ')}): make the changes in Word, then lint again. ` +
        `With --write or --output-dir, the other files of a folder are fixed and Word documents are linted and left unchanged`,
    );
  }
  const hasStdin = targets.some((t) => t.stdin);
  if (cmd.write) {
    if (hasStdin) throw new CliError('--write cannot rewrite standard input; without --write the fixed text is printed to stdout', true);
    return 'in-place';
  }
  if (cmd.outputDir !== undefined) {
    if (hasStdin) throw new CliError('--output-dir takes files, not standard input; without it the fixed text is printed to stdout', true);
    // Copies keep their path relative to the current folder, so every file must be below it.
    const outside = targets.find((t) => path.isAbsolute(t.shown));
    if (outside) throw new CliError(`--output-dir cannot place ${outside.shown}: it is outside the current folder ${cwd}`);
    return 'output-dir';
  }
  if (targets.length > 1) throw new CliError(`--fix with ${targets.length} inputs needs --write (rewrite them in place) or --output-dir <dir> (write fixed copies)`, true);
  return 'stdout';
}
