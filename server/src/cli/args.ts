/**
 * Command-line parsing with Node's built-in `util.parseArgs` (strict: unknown
 * options and missing values are errors), so the CLI needs no parser
 * dependency and starts fast. This module only turns argv into a typed command;
 * checks that need the file system (does the file exist?) happen later.
 */
import { parseArgs, ParseArgsConfig } from 'util';
import { Severity, SEVERITIES } from '../engine/types';
import { OUTPUT_FORMATS, OutputFormat } from '../io/formatters/formatter';
import { CliError } from './cliError';

export const EXCEPTIONS_FORMATS = ['text', 'json', 'csv'] as const;
export type ExceptionsFormat = (typeof EXCEPTIONS_FORMATS)[number];

export const DEFAULT_FAIL_ON: Severity = 'warning';
export const DEFAULT_MAX_FILE_SIZE = 50 * 1024 * 1024;

export interface LintCommand {
  command: 'lint';
  inputs: string[];
  format: OutputFormat;
  config?: string;
  packs: string[];
  /** Folders (besides each config's project) that configs and packs may extend files from. */
  packRoots: string[];
  failOn: Severity;
  quiet: boolean;
  fix: boolean;
  write: boolean;
  outputDir?: string;
  stdinFilename?: string;
  maxFileSize: number;
  /** Worker threads to lint with (`--jobs`); undefined: decide from the CPUs and the size of the input. */
  jobs?: number;
  /** undefined: decide from the terminal, NO_COLOR and FORCE_COLOR. */
  color?: boolean;
  /** `--no-ignore`: lint what .gitignore, .clauselintignore and `ignores:` would leave out. */
  noIgnore: boolean;
}

export interface TestRulesCommand {
  command: 'test-rules';
  packs: string[];
  packRoots: string[];
  color?: boolean;
}

export interface ExplainCommand {
  command: 'explain';
  ruleId: string;
  config?: string;
  packs: string[];
  packRoots: string[];
  color?: boolean;
}

export interface ExceptionsCommand {
  command: 'exceptions';
  /** Files, folders or globs; the current folder when none is named. */
  inputs: string[];
  format: ExceptionsFormat;
  config?: string;
  packs: string[];
  packRoots: string[];
  color?: boolean;
}

export interface InitCommand {
  command: 'init';
  /** Folder to write into (default: the current folder). */
  dir: string;
  force: boolean;
}

export type Command =
  | LintCommand
  | TestRulesCommand
  | ExplainCommand
  | ExceptionsCommand
  | InitCommand
  | { command: 'help' }
  | { command: 'version' };

type Options = NonNullable<ParseArgsConfig['options']>;

const COMMON: Options = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
};

const PACK_ROOT: Options = {
  'pack-root': { type: 'string', multiple: true },
};

const PACK_SELECTION: Options = {
  config: { type: 'string', short: 'c' },
  pack: { type: 'string', short: 'p', multiple: true },
  ...PACK_ROOT,
};

const LINT_OPTIONS: Options = {
  ...COMMON,
  ...PACK_SELECTION,
  format: { type: 'string', short: 'f' },
  'fail-on': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  fix: { type: 'boolean' },
  write: { type: 'boolean' },
  'output-dir': { type: 'string' },
  'stdin-filename': { type: 'string' },
  'max-file-size': { type: 'string' },
  jobs: { type: 'string', short: 'j' },
  'no-ignore': { type: 'boolean' },
};

type Values = Record<string, string | boolean | string[] | undefined>;

function parse(argv: string[], options: Options): { values: Values; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    return { values: values as Values, positionals };
  } catch (err) {
    throw new CliError(describeParseError(err as Error & { code?: string }), true);
  }
}

/** Node's messages are long and mention things our users never typed; keep the gist. */
function describeParseError(err: Error & { code?: string }): string {
  const quoted = /'([^']+)'/.exec(err.message)?.[1] ?? '';
  // Node quotes "-f, --format <value>"; name the option the way the help does.
  const name = /--[\w-]+/.exec(quoted)?.[0] ?? quoted;
  switch (err.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${quoted}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (/does not take an argument/.test(err.message)) return `option ${name} does not take a value`;
      return `option ${name} needs a value`;
    default:
      return err.message.split('\n')[0];
  }
}

function colorChoice(values: Values): boolean | undefined {
  if (values['no-color']) return false;
  if (values.color) return true;
  return undefined;
}

function oneOf<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new CliError(`--${option} must be one of ${allowed.join(', ')} (got "${value}")`, true);
}

/** "50MB", "500kb", "1048576": bytes. */
export function parseSize(text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(b|k|kb|m|mb|g|gb)?$/i.exec(text.trim());
  if (!m) throw new CliError(`--max-file-size must be a size such as 500KB, 50MB or a number of bytes (got "${text}")`, true);
  const unit = (m[2] ?? 'b').toLowerCase()[0];
  const factor = unit === 'g' ? 1024 ** 3 : unit === 'm' ? 1024 ** 2 : unit === 'k' ? 1024 : 1;
  return Math.floor(Number(m[1]) * factor);
}

/** `--jobs`: a whole number of at least 1. */
export function parseJobs(text: string): number {
  if (!/^\s*\d+\s*$/.test(text) || Number(text) < 1) throw new CliError(`--jobs must be a whole number of at least 1 (got "${text}")`, true);
  return Number(text);
}

function str(values: Values, name: string): string | undefined {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
}

function nonEmpty(values: Values, name: string): string | undefined {
  const v = str(values, name);
  if (v !== undefined && v.trim() === '') throw new CliError(`--${name} needs a value`, true);
  return v;
}

function repeated(values: Values, name: string): string[] {
  const list = (values[name] as string[] | undefined) ?? [];
  if (list.some((p) => p.trim() === '')) throw new CliError(`--${name} needs a value`, true);
  return list;
}

function packList(values: Values): string[] {
  return repeated(values, 'pack');
}

function packRoots(values: Values): string[] {
  return repeated(values, 'pack-root');
}

export function parseCommandLine(argv: string[]): Command {
  // A subcommand is only recognised as the first word; lint a file of that name as ./test-rules.
  if (argv[0] === 'test-rules') return parseTestRules(argv.slice(1));
  if (argv[0] === 'explain') return parseExplain(argv.slice(1));
  if (argv[0] === 'exceptions') return parseExceptions(argv.slice(1));
  if (argv[0] === 'init') return parseInit(argv.slice(1));
  return parseLint(argv);
}

function helpOrVersion(values: Values): Command | undefined {
  if (values.help) return { command: 'help' };
  if (values.version) return { command: 'version' };
  return undefined;
}

function parseLint(argv: string[]): Command {
  const { values, positionals } = parse(argv, LINT_OPTIONS);
  const early = helpOrVersion(values);
  if (early) return early;
  const fix = !!values.fix;
  const write = !!values.write;
  const outputDir = nonEmpty(values, 'output-dir');
  if (!fix && write) throw new CliError('--write only applies with --fix', true);
  if (!fix && outputDir !== undefined) throw new CliError('--output-dir only applies with --fix', true);
  if (write && outputDir !== undefined) throw new CliError('use either --write (in place) or --output-dir, not both', true);
  const maxSize = str(values, 'max-file-size');
  const jobs = str(values, 'jobs');
  return {
    command: 'lint',
    inputs: positionals,
    format: oneOf('format', str(values, 'format') ?? 'text', OUTPUT_FORMATS),
    config: nonEmpty(values, 'config'),
    packs: packList(values),
    packRoots: packRoots(values),
    failOn: oneOf('fail-on', str(values, 'fail-on') ?? DEFAULT_FAIL_ON, SEVERITIES),
    quiet: !!values.quiet,
    fix,
    write,
    outputDir,
    stdinFilename: nonEmpty(values, 'stdin-filename'),
    maxFileSize: maxSize === undefined ? DEFAULT_MAX_FILE_SIZE : parseSize(maxSize),
    jobs: jobs === undefined ? undefined : parseJobs(jobs),
    color: colorChoice(values),
    noIgnore: !!values['no-ignore'],
  };
}

function parseTestRules(argv: string[]): Command {
  const { values, positionals } = parse(argv, { ...COMMON, ...PACK_ROOT });
  return helpOrVersion(values) ?? { command: 'test-rules', packs: positionals, packRoots: packRoots(values), color: colorChoice(values) };
}

function parseExplain(argv: string[]): Command {
  const { values, positionals } = parse(argv, { ...COMMON, ...PACK_SELECTION });
  const early = helpOrVersion(values);
  if (early) return early;
  if (positionals.length !== 1) throw new CliError('explain takes one rule id, e.g. clauselint explain recommended/broad-use-grant', true);
  return { command: 'explain', ruleId: positionals[0], config: nonEmpty(values, 'config'), packs: packList(values), packRoots: packRoots(values), color: colorChoice(values) };
}

function parseExceptions(argv: string[]): Command {
  const { values, positionals } = parse(argv, { ...COMMON, ...PACK_SELECTION, format: { type: 'string', short: 'f' } });
  const early = helpOrVersion(values);
  if (early) return early;
  return {
    command: 'exceptions',
    inputs: positionals.length > 0 ? positionals : ['.'],
    format: oneOf('format', str(values, 'format') ?? 'text', EXCEPTIONS_FORMATS),
    config: nonEmpty(values, 'config'),
    packs: packList(values),
    packRoots: packRoots(values),
    color: colorChoice(values),
  };
}

function parseInit(argv: string[]): Command {
  const { values, positionals } = parse(argv, { help: COMMON.help, version: COMMON.version, force: { type: 'boolean' } });
  const early = helpOrVersion(values);
  if (early) return early;
  if (positionals.length > 1) throw new CliError('init takes at most one folder, e.g. clauselint init contracts/', true);
  return { command: 'init', dir: positionals[0] ?? '.', force: !!values.force };
}
