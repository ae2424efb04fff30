/**
 * Turn the command line's inputs into files to lint: files as named, folders
 * walked for contract files, globs matched (picomatch) against a walk of their
 * static base folder, `!glob` to leave files out, and `-` for standard input.
 * Walks skip node_modules and dot-folders and do not follow symlinked folders
 * (no cycles). Output order is stable: inputs in order, folder entries sorted.
 */
import * as fs from 'fs';
import * as path from 'path';
import type picomatchType from 'picomatch';

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

/** Every file below `root` (paths relative to it, '/'-separated), sorted, up to `maxDepth` levels. */
function walk(root: string, maxDepth: number, warnings: string[]): string[] {
  const out: string[] = [];
  const visit = (dir: string, rel: string, depth: number) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      warnings.push(`cannot read folder ${dir}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      const relPath = rel ? `${rel}/${entry.name}` : entry.name;
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        // Follow links to files; never links to folders, which can loop.
        isFile = safeStat(full)?.isFile() ?? false;
        isDir = false;
      }
      if (isDir && !skipFolder(entry.name) && depth < maxDepth) visit(full, relPath, depth + 1);
      else if (isFile) out.push(relPath);
    }
  };
  visit(root, '', 1);
  return out;
}

function safeStat(p: string): fs.Stats | undefined {
  try {
    return fs.statSync(p);
  } catch {
    return undefined;
  }
}

function expandGlob(pattern: string, cwd: string, warnings: string[]): string[] {
  const scan = picomatch().scan(pattern);
  const base = path.resolve(cwd, scan.base || '.');
  if (!safeStat(base)?.isDirectory()) return [];
  const isMatch = picomatch()(scan.glob, { dot: false });
  // Without `**` a glob can only reach as deep as it has segments.
  const depth = scan.glob.includes('**') ? Infinity : scan.glob.split('/').length;
  return walk(base, depth, warnings)
    .filter((rel) => isMatch(rel))
    .map((rel) => path.join(base, rel));
}

function describeMissing(input: string, err: NodeJS.ErrnoException): string {
  const reason = err.code === 'ENOENT' || err.code === 'ENOTDIR' ? 'no such file' : err.code === 'EACCES' ? 'permission denied' : err.message;
  return `cannot read ${input}: ${reason}`;
}

export function expandInputs(inputs: string[], cwd: string): ExpandedInputs {
  const result: ExpandedInputs = { files: [], stdin: false, errors: [], warnings: [] };
  const seen = new Set<string>();
  const add = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    result.files.push(file);
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
        const matches = expandGlob(input, cwd, result.warnings);
        if (matches.length === 0) result.errors.push(`no files match ${input}`);
        matches.forEach(add);
      } else {
        result.errors.push(describeMissing(input, err as NodeJS.ErrnoException));
      }
      continue;
    }
    if (stat.isDirectory()) {
      const found = walk(full, Infinity, result.warnings).filter(isContractFile);
      if (found.length === 0) result.errors.push(`no contract files (${CONTRACT_EXTENSIONS.map((e) => '*' + e).join(', ')}) in ${input}`);
      for (const rel of found) add(path.join(full, rel));
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
