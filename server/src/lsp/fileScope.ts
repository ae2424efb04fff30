/**
 * Which open documents ClauseLint lints. Documents of language `contract`
 * always; Markdown and plain text only when their path matches a
 * `clauselint.files` glob (relative to their workspace folder), or any
 * Markdown when `clauselint.lintAllMarkdown` is on. README files and notes
 * are not contracts, so they are left alone by default.
 */
import * as path from 'path';
import picomatch from 'picomatch';
import { DocumentFormat } from '../document/contractDocument';
import { Settings } from './settings';
import { fsPathOf, WorkspaceFolders } from './workspaceFolders';

export const CONTRACT_LANGUAGE = 'contract';
const LINTABLE_LANGUAGES = new Set([CONTRACT_LANGUAGE, 'markdown', 'plaintext']);

const matchers = new Map<string, (p: string) => boolean>();

function matcher(globs: string[]): (p: string) => boolean {
  const key = globs.join('\u0000');
  let m = matchers.get(key);
  if (!m) {
    m = globs.length > 0 ? picomatch(globs, { dot: true, nocase: process.platform === 'win32' }) : () => false;
    matchers.set(key, m);
  }
  return m;
}

/** The path globs are matched against: relative to the workspace folder, else absolute without the root. */
export function globPathOf(file: string, folders: WorkspaceFolders): string {
  const folder = folders.folderOf(file);
  const rel = folder ? path.relative(folder, file) : file.slice(path.parse(file).root.length);
  return rel.split(path.sep).join('/');
}

export function matchesFileGlobs(file: string, settings: Settings, folders: WorkspaceFolders): boolean {
  return matcher(settings.files)(globPathOf(file, folders));
}

export function shouldLint(uri: string, languageId: string, settings: Settings, folders: WorkspaceFolders): boolean {
  if (!settings.enable || !LINTABLE_LANGUAGES.has(languageId)) return false;
  if (languageId === CONTRACT_LANGUAGE) return true;
  if (languageId === 'markdown' && settings.lintAllMarkdown) return true;
  const file = fsPathOf(uri);
  return file !== undefined && matchesFileGlobs(file, settings, folders);
}

/** How the engine should parse the text: by language, then by file name. */
export function formatOf(languageId: string, file: string): DocumentFormat {
  if (languageId === 'markdown') return 'markdown';
  if (languageId === 'plaintext') return 'plain';
  return /\.txt$/i.test(file) ? 'plain' : 'markdown';
}
