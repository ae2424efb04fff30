/**
 * What rule packs may make ClauseLint read, in the editor and on the command
 * line: the one home of the pack read policy. The adapters only pass their
 * inputs (lsp/configLoaders.ts: the workspace folders and Workspace Trust;
 * cli/runConfig.ts and cli/testRules.ts: --pack-root and the current folder);
 * the mechanism that checks a path against a scope is readScope.ts.
 *
 * No code from a pack runs: packs are parsed with the YAML core schema, no
 * custom or language tags, no merge keys (packs/yamlSource.ts), and only
 * their data is used. What a pack or config can do is name other files in
 * `extends` (and, in an npm package, its package.json `clauselint.pack`); no
 * other field names a file (`docsBase` must be an http(s) URL). So every
 * `extends` entry is checked against a read scope before anything is read:
 *
 * - a built-in pack (`clauselint:<name>`) always loads;
 * - a path, relative or absolute, loads only when its real path (symbolic
 *   links and `..` resolved) is inside one of the scope's folders;
 * - an npm package name resolves through node_modules; the package's pack
 *   must really be inside the package, and what it extends by path must stay
 *   in the package (the files of that package, not the project around it).
 *
 * The scope's folders, for each config (found next to or above a document),
 * each pack named in the `clauselint.packs` setting and each pack file checked
 * on its own:
 *
 * - trusted workspace: the workspace folders (none when the client sent none:
 *   single-file mode, where every config is outside them). A config or pack whose path is
 *   inside them must really be there (not a link out), or it is not read. One
 *   whose path is outside them (a config above the folder, a pack named in
 *   the user's settings, a pack file opened from elsewhere) was chosen by the
 *   user rather than put there by the workspace, so it loads and may also
 *   extend files in its own folder: a pack split over several files keeps
 *   them together, while `..` out of that folder is refused. The home folder
 *   and the file-system root are never granted as a whole.
 * - untrusted workspace: the workspace folders only, and no npm packages;
 *   configs and packs outside the folders are refused (VS Code also withholds
 *   the workspace's own `clauselint.packs`).
 * - CLI: the config's project folder (the nearest folder above it with
 *   `.git`, which a pull request cannot add; else with package.json; else the
 *   current folder when it holds the config; else the config's own folder;
 *   never the home folder or `/`) plus any `--pack-root` folders. A config
 *   or `--pack` pack in its project must really be there (not a link out).
 *   So a `.clauselint.yaml` in a pull request linted in CI can extend files
 *   of the repository but not /etc/passwd or ~/.ssh/id_rsa.
 *
 * A refusal is a located error at the `extends` entry (or at line 1 of a
 * config that is not read); the other packs keep working. Errors about a file
 * never quote its content, so a refused or mistaken file cannot leak into an
 * editor panel or a CI log.
 */
import * as fs from 'fs';
import * as path from 'path';
import { isInsideFolder, isTooWide, PackPolicy, ReadScope } from './readScope';

/** The workspace folders, read afresh for each check (the editor's folders change while it runs). */
export interface WorkspaceFolderList {
  all(): readonly string[];
}

export const UNTRUSTED_NPM_REFUSAL = 'npm-package packs are not loaded in an untrusted workspace (trust the workspace to load it)';

export function trustedWorkspacePolicy(folders: WorkspaceFolderList): PackPolicy {
  return {
    entryScope(file) {
      // No folders (a client that sent none): single-file mode, each config keeps to its own folder.
      const singleFile = folders.all().length === 0;
      const scope = ReadScope.of(folders.all(), {
        where: singleFile ? 'the workspace folders (there are none: single-file mode)' : 'the workspace folders',
        hint: `a pack may extend files in ${singleFile ? 'its own folder' : 'the workspace'}, built-in packs (clauselint:<name>) and npm packages`,
      });
      if (scope.holdsAsWritten(file)) return scope.refusal(file) ?? scope;
      return scope.withFolder(path.dirname(path.resolve(file)), 'the folder of this config or pack');
    },
  };
}

export function untrustedWorkspacePolicy(folders: WorkspaceFolderList): PackPolicy {
  return {
    npmRefusal: UNTRUSTED_NPM_REFUSAL,
    entryScope(file) {
      const scope = ReadScope.of(
        folders.all(),
        { where: 'the workspace folders', hint: 'an untrusted workspace only loads packs inside them (trust the workspace to load it)' },
        UNTRUSTED_NPM_REFUSAL,
      );
      return scope.refusal(file) ?? scope;
    },
  };
}

/** The editor's policy: what the workspace folders and Workspace Trust allow. */
export function workspacePackPolicy(folders: WorkspaceFolderList, trusted: boolean): PackPolicy {
  return trusted ? trustedWorkspacePolicy(folders) : untrustedWorkspacePolicy(folders);
}

const MARKERS = ['.git', 'package.json'];

/**
 * The project a config or pack belongs to: the nearest folder above it with
 * `.git` (a repository; a pull request cannot add one), else with package.json,
 * else the current folder when it holds the file, else the file's own folder.
 * Never the home folder or the file-system root.
 */
export function projectFolder(file: string, cwd: string): string | undefined {
  const start = path.dirname(path.resolve(file));
  for (const marker of MARKERS) {
    for (let dir = start; !isTooWide(dir); dir = path.dirname(dir)) {
      if (fs.existsSync(path.join(dir, marker))) return dir;
    }
  }
  if (!isTooWide(cwd) && isInsideFolder(start, path.resolve(cwd))) return path.resolve(cwd);
  return isTooWide(start) ? undefined : start;
}

/** The command line's policy: each config's or pack's project folder, plus the --pack-root folders. */
export function projectPackPolicy(packRoots: readonly string[], cwd: string): PackPolicy {
  const roots = packRoots.map((r) => path.resolve(cwd, r));
  return {
    entryScope(file) {
      const project = projectFolder(file, cwd);
      const folders = [...(project ? [project] : []), ...roots];
      const named = [project ? `the project folder ${project}` : '', roots.length > 0 ? `the --pack-root folders (${roots.join(', ')})` : ''].filter(Boolean);
      const scope = ReadScope.of(folders, {
        where: named.length > 0 ? named.join(' and ') : 'any allowed folder (a config or pack directly in the home folder or in / has none)',
        hint: 'a config or pack may extend files in its project (the nearest folder with .git or package.json, else the current folder), built-in packs and npm packages; pass --pack-root <folder> to allow another folder',
      });
      // A file in its project must really be there; one outside any (in the home folder itself) was put there by the user.
      if (scope.holdsAsWritten(file)) return scope.refusal(file) ?? scope;
      return scope;
    },
  };
}
