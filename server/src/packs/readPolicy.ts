/**
 * What rule packs may make ClauseLint read, in the editor and (through
 * cli/projectPolicy.ts) on the command line.
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
import * as path from 'path';
import { PackPolicy, ReadScope } from '../../packs/readScope';
import { WorkspaceFolders } from '../workspaceFolders';

export const UNTRUSTED_NPM_REFUSAL = 'npm-package packs are not loaded in an untrusted workspace (trust the workspace to load it)';

export function trustedWorkspacePolicy(folders: WorkspaceFolders): PackPolicy {
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

export function untrustedWorkspacePolicy(folders: WorkspaceFolders): PackPolicy {
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
