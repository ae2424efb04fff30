/**
 * Where a pack may make ClauseLint read files: the folders of a read scope,
 * the built-in rules folder, and npm packages. Every check is on real paths
 * (symbolic links and `..` resolved, also for files that do not exist), so a
 * link inside an allowed folder that points outside it does not count as
 * inside, and a refusal reads the same whether or not the file exists.
 * The policy that decides the scopes is readPolicy.ts.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { builtinRulesDir } from './builtin';

/** Links followed for one path before giving up (Linux's own limit). */
const MAX_LINKS = 40;

/** The real path of `file`: symbolic links resolved, even when the file or a link's target does not exist. */
export function realPathOf(file: string): string {
  let links = 0;
  const resolve = (p: string): string => {
    try {
      return fs.realpathSync(p);
    } catch {
      // Some part is missing (or a link loops): resolve what is there.
    }
    const parent = path.dirname(p);
    if (parent === p) return p;
    const candidate = path.join(resolve(parent), path.basename(p));
    try {
      if (links < MAX_LINKS && fs.lstatSync(candidate).isSymbolicLink()) {
        links++;
        return resolve(path.resolve(path.dirname(candidate), fs.readlinkSync(candidate)));
      }
    } catch {
      // Not there at all: the path is as real as it gets.
    }
    return candidate;
  };
  return resolve(path.resolve(file));
}

export function isInsideFolder(file: string, folder: string): boolean {
  const rel = path.relative(folder, file);
  return rel === '' || (rel !== '..' && !rel.startsWith('..' + path.sep) && !path.isAbsolute(rel));
}

let builtinReal: string | undefined;
function realBuiltinRulesDir(): string {
  return (builtinReal ??= realPathOf(builtinRulesDir()));
}

/** The home folder and the file-system root are never granted as a whole: they hold everyone's secrets. */
export function isTooWide(dir: string): boolean {
  const resolved = path.resolve(dir);
  return resolved === path.parse(resolved).root || resolved === path.resolve(os.homedir());
}

interface Folder {
  lexical: string;
  real: string;
}

export interface ScopeText {
  /** The allowed folders as a refusal names them: "the workspace folders". */
  where: string;
  /** What the user can do about a refusal. */
  hint?: string;
}

export class ReadScope {
  private constructor(
    private readonly folders: readonly Folder[],
    private readonly text: ScopeText,
    /** Why npm package names are refused in this scope, when they are. */
    readonly npmRefusal?: string,
  ) {}

  static of(folders: readonly string[], text: ScopeText, npmRefusal?: string): ReadScope {
    return new ReadScope(folders.map((f) => ({ lexical: path.resolve(f), real: realPathOf(f) })), text, npmRefusal);
  }

  /** The scope of an npm package's pack: the files of that package (and built-in and other npm packs). */
  static ofPackage(name: string, dir: string): ReadScope {
    return ReadScope.of([dir], { where: `the package ${name} (${realPathOf(dir)})`, hint: 'a package may only extend its own files, built-in packs and npm packages' });
  }

  /** This scope plus `dir` (unless `dir` is the home folder or the file-system root). */
  withFolder(dir: string, what: string): ReadScope {
    if (isTooWide(dir)) return this;
    const folder = { lexical: path.resolve(dir), real: realPathOf(dir) };
    return new ReadScope([...this.folders, folder], { ...this.text, where: `${this.text.where} or ${folder.lexical} (${what})` }, this.npmRefusal);
  }

  /** Whether `file`, as written (before links are resolved), is in one of the folders. */
  holdsAsWritten(file: string): boolean {
    const abs = path.resolve(file);
    return this.folders.some((f) => isInsideFolder(abs, f.lexical) || isInsideFolder(abs, f.real));
  }

  /** Why `file` may not be read in this scope, or undefined when it may. */
  refusal(file: string): string | undefined {
    const real = realPathOf(file);
    if (isInsideFolder(real, realBuiltinRulesDir())) return undefined;
    if (this.folders.some((f) => isInsideFolder(real, f.real))) return undefined;
    const written = path.resolve(file);
    const via = real === written ? '' : ` (a symbolic link to ${real})`;
    return `${written}${via} is outside ${this.text.where}${this.text.hint ? `: ${this.text.hint}` : ''}`;
  }
}

/**
 * What configs and packs may read. `entryScope` is asked about each config
 * (found next to a document or named with --config), each pack the user names
 * (settings, --pack) and each pack file checked on its own: the scope what it
 * extends must stay in, or why it is not read at all.
 */
export interface PackPolicy {
  entryScope(file: string): ReadScope | string;
  /** Why npm package names are refused, when they are: resolving one already reads node_modules. */
  readonly npmRefusal?: string;
}
