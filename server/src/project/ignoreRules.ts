/**
 * Which files a project leaves out of linting, from three sources, all in
 * gitignore syntax (matched by the `ignore` package):
 *
 * - `.gitignore` files, inside a git repository only (a folder with `.git`
 *   above the file): every `.gitignore` from the repository root down to the
 *   file's folder, each relative to its own folder, a deeper one overriding a
 *   shallower one; a file in an ignored folder stays ignored, as in git;
 * - the nearest `.clauselintignore` in the file's folder or above, relative to
 *   its folder;
 * - `ignores:` of the `.clauselint.yaml` that governs the file (its `extends`
 *   included), relative to that config's folder.
 *
 * The CLI uses it for walks, globs and named files; the editor's workspace
 * lint for the files it is asked to lint. `--no-ignore` means no IgnoreRules.
 */
import * as fs from 'fs';
import * as path from 'path';
import ignore, { Ignore } from 'ignore';

export const CLAUSELINT_IGNORE_FILE = '.clauselintignore';
const GIT_IGNORE_FILE = '.gitignore';

/** The `ignores:` of the config that governs a file, and the folder they are relative to. */
export interface ConfigIgnores {
  configFile: string;
  patterns: string[];
}

export type ConfigIgnoresFor = (file: string) => ConfigIgnores | undefined;

interface IgnoreFile {
  /** The folder its patterns are relative to. */
  dir: string;
  file: string;
  rules: Ignore;
}

type Verdict = 'ignored' | 'unignored' | undefined;

export class IgnoreRules {
  private readonly gitRoots = new Map<string, string | undefined>();
  private readonly parsed = new Map<string, IgnoreFile | undefined>();
  private readonly nearestOwn = new Map<string, string | undefined>();
  private readonly configRules = new Map<string, Ignore>();

  /** `configIgnores`: where `ignores:` come from (the loaded config); without it only ignore files count. */
  constructor(private readonly configIgnores?: ConfigIgnoresFor) {}

  /** The ignore file (or config with `ignores:`) whose pattern leaves `file` out; undefined when it is linted. */
  whyIgnored(file: string, isDir = false): string | undefined {
    const full = path.resolve(file);
    return this.byGit(full, isDir) ?? this.byOwnFile(full, isDir) ?? this.byConfig(full, isDir);
  }

  private byGit(full: string, isDir: boolean): string | undefined {
    const root = this.gitRootOf(path.dirname(full));
    if (!root) return undefined;
    const folders = foldersBetween(root, path.dirname(full));
    // A folder git ignores hides everything in it, whatever deeper files say.
    for (let i = 1; i < folders.length; i++) {
      const hit = this.stackVerdict(folders.slice(0, i), folders[i], true);
      if (hit) return hit;
    }
    return this.stackVerdict(folders, full, isDir);
  }

  /** The deepest .gitignore with an opinion on `target` decides. */
  private stackVerdict(folders: string[], target: string, isDir: boolean): string | undefined {
    for (let i = folders.length - 1; i >= 0; i--) {
      const own = this.ignoreFile(path.join(folders[i], GIT_IGNORE_FILE));
      if (!own) continue;
      const verdict = test(own.rules, own.dir, target, isDir);
      if (verdict === 'ignored') return own.file;
      if (verdict === 'unignored') return undefined;
    }
    return undefined;
  }

  private byOwnFile(full: string, isDir: boolean): string | undefined {
    const found = this.nearestClauselintIgnore(path.dirname(full));
    const own = found ? this.ignoreFile(found) : undefined;
    return own && test(own.rules, own.dir, full, isDir) === 'ignored' ? own.file : undefined;
  }

  private byConfig(full: string, isDir: boolean): string | undefined {
    const config = this.configIgnores?.(isDir ? path.join(full, '_') : full);
    if (!config || config.patterns.length === 0) return undefined;
    const key = config.configFile + '\u0000' + config.patterns.join('\u0000');
    let rules = this.configRules.get(key);
    if (!rules) {
      rules = ignore().add(config.patterns);
      this.configRules.set(key, rules);
    }
    return test(rules, path.dirname(config.configFile), full, isDir) === 'ignored' ? config.configFile : undefined;
  }

  private gitRootOf(dir: string): string | undefined {
    if (this.gitRoots.has(dir)) return this.gitRoots.get(dir);
    const parent = path.dirname(dir);
    const root = fs.existsSync(path.join(dir, '.git')) ? dir : parent === dir ? undefined : this.gitRootOf(parent);
    this.gitRoots.set(dir, root);
    return root;
  }

  private nearestClauselintIgnore(dir: string): string | undefined {
    if (this.nearestOwn.has(dir)) return this.nearestOwn.get(dir);
    const candidate = path.join(dir, CLAUSELINT_IGNORE_FILE);
    const parent = path.dirname(dir);
    const found = isFile(candidate) ? candidate : parent === dir ? undefined : this.nearestClauselintIgnore(parent);
    this.nearestOwn.set(dir, found);
    return found;
  }

  private ignoreFile(file: string): IgnoreFile | undefined {
    if (this.parsed.has(file)) return this.parsed.get(file);
    let parsed: IgnoreFile | undefined;
    try {
      parsed = { dir: path.dirname(file), file, rules: ignore().add(fs.readFileSync(file, 'utf8')) };
    } catch {
      parsed = undefined; // absent or unreadable: no patterns
    }
    this.parsed.set(file, parsed);
    return parsed;
  }
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/** `from`, then each folder below it down to `to` (which is inside `from`). */
function foldersBetween(from: string, to: string): string[] {
  const rel = path.relative(from, to);
  const out = [from];
  if (!rel) return out;
  for (const segment of rel.split(path.sep)) out.push(path.join(out[out.length - 1], segment));
  return out;
}

/** Test `target` against patterns relative to `dir`; targets outside `dir` are not theirs. */
function test(rules: Ignore, dir: string, target: string, isDir: boolean): Verdict {
  const rel = path.relative(dir, target);
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  const result = rules.test(rel.split(path.sep).join('/') + (isDir ? '/' : ''));
  return result.ignored ? 'ignored' : result.unignored ? 'unignored' : undefined;
}
