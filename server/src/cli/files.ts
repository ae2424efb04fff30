/**
 * Turn the command line's inputs into files to lint: files as named, folders
 * walked for contract files, globs matched (picomatch) against a walk (fdir)
 * of their static base folder, `!glob` to leave files out, and `-` for
 * standard input. Walks skip node_modules and dot-folders, do not follow
 * symlinked folders (no cycles), and leave out what the project's ignore rules
 * list (.gitignore, .clauselintignore, `ignores:`; see project/ignoreRules.ts),
 * pruning ignored folders. A file named on the command line that those rules
 * list is skipped with a warning, as ESLint does. Output order is stable:
 * inputs in order, folder entries sorted.
 */
import * as fs from 'fs';
import * as path from 'path';
import { fdir } from 'fdir';
import type picomatchType from 'picomatch';
import { IgnoreRules } from '../project/ignoreRules';

/** Loaded on first use: only globs and `!` exclusions need it. */
function picomatch(): typeof picomatchType {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('picomatch') as typeof picomatchType;
}

/** Extensions a folder walk picks up; `.contract.md` and `.contract.txt` end in these too. */
export const CONTRACT_EXTENSIONS = ['.md', '.markdown', '.txt', '.docx'];

export interface ExpandedInputs {
  /** Absolute paths, each once. */
  files: string[];
  /** `-` was given. */
  stdin: boolean;
  /** Inputs that name nothing; each is a usage error. */
  errors: string[];
  /** Folders that could not be read during a walk. */
  warnings: string[];
  /** Files and folders named on the command line that the ignore rules leave out, with the file whose pattern does. */
  ignoredNamed: { file: string; source: string }[];
  /** A folder or glob found only ignored files. */
  someIgnored: boolean;
}

export function isContractFile(name: string): boolean {
  const lower = name.toLowerCase();
  // Word keeps "~$name.docx" owner files beside an open document: not contracts.
  if (path.posix.basename(lower).startsWith('~$')) return false;
  return CONTRACT_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

function skipFolder(name: string): boolean {
  return name === 'node_modules' || name.startsWith('.');
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/** Folder entries in order: segment by segment, so `a/b.md` comes before `a-c.md` as in a sorted walk. */
function bySegments(a: string, b: string): number {
  const x = a.split('/');
  const y = b.split('/');
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) {
      // A folder's entries are listed where the folder's name sorts.
      return x[i] < y[i] ? -1 : 1;
    }
  }
  return x.length - y.length;
}

/** An fs for fdir that turns an unreadable folder into a warning and no entries. */
function warningFs(warnings: string[]): typeof fs {
  const readdirSync = ((dir: fs.PathLike, options: unknown) => {
    try {
      return fs.readdirSync(dir, options as { withFileTypes: true });
    } catch (err) {
      warnings.push(`cannot read folder ${String(dir)}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
      return [];
    }
  }) as typeof fs.readdirSync;
  return { ...fs, readdirSync };
}

interface Walked {
  /** Paths relative to the walked folder, '/'-separated, sorted. */
  files: string[];
  /** How many files `keep` wanted that the ignore rules left out. */
  ignored: number;
}

/**
 * Every file below `root` that `keep` wants (given its '/'-separated path
 * relative to `root`), up to `maxDepth` levels, leaving out what `ignores`
 * lists; ignored folders are not entered.
 */
function walk(root: string, maxDepth: number, keep: (rel: string) => boolean, warnings: string[], ignores: IgnoreRules | undefined): Walked {
  const crawler = new fdir({ fs: warningFs(warnings) } as ConstructorParameters<typeof fdir>[0])
    .withFullPaths()
    .withMaxDepth(maxDepth - 1)
    .exclude((name, dirPath) => skipFolder(name) || ignores?.whyIgnored(dirPath, true) !== undefined);
  const wanted = (crawler.crawl(root).sync() as string[]).filter((full) => keep(toPosix(path.relative(root, full))));
  const kept = wanted.filter((full) => !ignores?.whyIgnored(full));
  const files = kept
    // Symlinks come through as entries: keep links to files, never links to folders (they can loop).
    .filter((full) => safeStat(full)?.isFile() ?? false)
    .map((full) => toPosix(path.relative(root, full)))
    .sort(bySegments);
  return { files, ignored: wanted.length - kept.length };
}

function safeStat(p: string): fs.Stats | undefined {
  try {
    return fs.statSync(p);
  } catch {
    return undefined;
  }
}

function expandGlob(pattern: string, cwd: string, warnings: string[], ignores: IgnoreRules | undefined): Walked {
  const scan = picomatch().scan(pattern);
  const base = path.resolve(cwd, scan.base || '.');
  if (!safeStat(base)?.isDirectory()) return { files: [], ignored: 0 };
  const isMatch = picomatch()(scan.glob, { dot: false });
  // Without `**` a glob can only reach as deep as it has segments.
  const depth = scan.glob.includes('**') ? Infinity : scan.glob.split('/').length;
  const walked = walk(base, depth, isMatch, warnings, ignores);
  return { ...walked, files: walked.files.map((rel) => path.join(base, rel)) };
}

function describeMissing(input: string, err: NodeJS.ErrnoException): string {
  const reason = err.code === 'ENOENT' || err.code === 'ENOTDIR' ? 'no such file' : err.code === 'EACCES' ? 'permission denied' : err.message;
  return `cannot read ${input}: ${reason}`;
}

/** `ignores`: the project's ignore rules (undefined with --no-ignore). */
export function expandInputs(inputs: string[], cwd: string, ignores?: IgnoreRules): ExpandedInputs {
  const result: ExpandedInputs = { files: [], stdin: false, errors: [], warnings: [], ignoredNamed: [], someIgnored: false };
  const seen = new Set<string>();
  const add = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    result.files.push(file);
  };
  const allIgnored = (input: string, count: number) => {
    result.someIgnored = true;
    result.warnings.push(`every file ${input} finds (${count}) is ignored (use --no-ignore to lint them)`);
  };
  const exclusions: ((rel: string) => boolean)[] = [];
  for (const input of inputs) {
    if (input === '-') {
      result.stdin = true;
      continue;
    }
    if (input.startsWith('!') && input.length > 1) {
      exclusions.push(picomatch()(input.slice(1), { dot: true }));
      continue;
    }
    const full = path.resolve(cwd, input);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(full);
    } catch (err) {
      if (picomatch().scan(input).isGlob) {
        const matches = expandGlob(input, cwd, result.warnings, ignores);
        if (matches.files.length > 0) matches.files.forEach(add);
        else if (matches.ignored > 0) allIgnored(input, matches.ignored);
        else result.errors.push(`no files match ${input}`);
      } else {
        result.errors.push(describeMissing(input, err as NodeJS.ErrnoException));
      }
      continue;
    }
    const source = ignores?.whyIgnored(full, stat.isDirectory());
    if (source) {
      result.ignoredNamed.push({ file: full, source });
    } else if (stat.isDirectory()) {
      const found = walk(full, Infinity, isContractFile, result.warnings, ignores);
      if (found.files.length > 0) for (const rel of found.files) add(path.join(full, rel));
      else if (found.ignored > 0) allIgnored(input, found.ignored);
      else result.errors.push(`no contract files (${CONTRACT_EXTENSIONS.map((e) => '*' + e).join(', ')}) in ${input}`);
    } else {
      add(full);
    }
  }
  if (exclusions.length > 0) {
    result.files = result.files.filter((file) => {
      const rel = toPosix(path.relative(cwd, file));
      return !exclusions.some((excluded) => excluded(rel));
    });
  }
  return result;
}
