/**
 * Which open documents ClauseLint lints, and how their text is parsed.
 *
 * The editor decides which documents it sends (VS Code: the extension's
 * document selector; Neovim, Helix, Emacs: the file types the server is set up
 * for). Of those, ClauseLint lints:
 *
 * - contracts, always: documents of language `contract`, and files named
 *   `*.contract.md` or `*.contract.txt` whatever language id the editor gives them;
 * - Markdown and plain-text documents (by language id, or by file name when
 *   the language id is one ClauseLint does not know): when `clauselint.files`
 *   is set, only those whose path (relative to their workspace folder) matches
 *   one of its globs, or any Markdown when `clauselint.lintAllMarkdown` is on;
 *   when `clauselint.files` is not set, every one. The VS Code extension
 *   always sets it (its default keeps README files and notes out); a client
 *   that sends no settings gets every Markdown and plain-text document it opens
 *   linted, so the editor's own file-type setup is the filter.
 */
import * as path from 'path';
import picomatch from 'picomatch';
import { DocumentFormat } from '../document/contractDocument';
import { Settings } from './settings';
import { fsPathOf, WorkspaceFolders } from './workspaceFolders';

export const CONTRACT_LANGUAGE = 'contract';

/** What the server treats a document as: a contract, Markdown, plain text, or not its business. */
export type DocumentKind = 'contract' | 'markdown' | 'plain';

/**
 * Language ids editors send for Markdown and plain text: VS Code and Helix
 * `markdown`, `plaintext`; Neovim its filetype (`markdown`, `text`); Emacs
 * eglot the major mode without `-mode` (`markdown`, `gfm`, `text`) unless told
 * otherwise.
 */
const LANGUAGE_KINDS: Record<string, DocumentKind> = {
  [CONTRACT_LANGUAGE]: 'contract',
  markdown: 'markdown',
  gfm: 'markdown',
  plaintext: 'plain',
  text: 'plain',
};

/** Language ids that are definitely something else: a file name does not make them a contract. */
const OTHER_DOCUMENTS = new Set(['yaml', 'json', 'jsonc']);

export function documentKindOf(languageId: string, file: string | undefined): DocumentKind | undefined {
  const id = languageId.toLowerCase();
  if (OTHER_DOCUMENTS.has(id)) return undefined;
  const name = file ? path.basename(file).toLowerCase() : '';
  if (/\.contract\.(md|txt)$/.test(name)) return 'contract';
  const known = LANGUAGE_KINDS[id];
  if (known) return known;
  if (/\.(md|markdown)$/.test(name)) return 'markdown';
  if (/\.txt$/.test(name)) return 'plain';
  return undefined;
}

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

export function matchesFileGlobs(file: string, globs: string[], folders: WorkspaceFolders): boolean {
  return matcher(globs)(globPathOf(file, folders));
}

export function shouldLint(uri: string, languageId: string, settings: Settings, folders: WorkspaceFolders): boolean {
  return skipReason(uri, languageId, settings, folders) === undefined;
}

/** Why a document is not linted (for the status bar), or undefined when it is. */
export function skipReason(uri: string, languageId: string, settings: Settings, folders: WorkspaceFolders): string | undefined {
  if (!settings.enable) return 'disabled (clauselint.enable is off)';
  const file = fsPathOf(uri);
  const kind = documentKindOf(languageId, file ?? uri);
  if (!kind) return 'not a contract, Markdown or plain-text document';
  if (kind === 'contract' || !settings.files) return undefined;
  if (kind === 'markdown' && settings.lintAllMarkdown) return undefined;
  if (file !== undefined && matchesFileGlobs(file, settings.files, folders)) return undefined;
  return 'not matched by clauselint.files';
}

/** How the engine should parse the text: by language, then by file name. */
export function formatOf(languageId: string, file: string): DocumentFormat {
  const kind = LANGUAGE_KINDS[languageId.toLowerCase()];
  if (kind === 'markdown') return 'markdown';
  if (kind === 'plain') return 'plain';
  return /\.txt$/i.test(file) ? 'plain' : 'markdown';
}
