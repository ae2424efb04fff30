/**
 * What configs and packs may read on the command line (the whole policy is in
 * lsp/trust/packPolicy.ts). A `.clauselint.yaml` in a pull request linted in
 * CI must not be able to extend /etc/passwd or ~/.ssh/id_rsa, so a config
 * or pack may extend files in its project folder, plus folders the user
 * allows with --pack-root, built-in packs and npm packages.
 */
import * as fs from 'fs';
import * as path from 'path';
import { isInsideFolder, isTooWide, PackPolicy, ReadScope } from '../packs/readScope';

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
