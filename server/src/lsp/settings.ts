/**
 * The `clauselint.*` settings of a document, and where they come from.
 *
 * Per document (so multi-root folders can differ), the first of:
 * 1. the client's answer to workspace/configuration (section `clauselint`,
 *    scoped to the document), when the client supports it and the answer is
 *    not null;
 * 2. `settings.clauselint` of the last workspace/didChangeConfiguration (what
 *    Neovim, Helix and Emacs eglot push), else `initializationOptions.clauselint`
 *    (Helix sends its `config` there);
 * 3. the defaults.
 * Values that are not valid are replaced by their defaults one by one. Answers
 * are cached until the client says the settings changed.
 */
import { Severity, SEVERITIES } from '../engine/types';

export type RunMode = 'onType' | 'onSave';

export interface Settings {
  enable: boolean;
  run: RunMode;
  debounceMs: number;
  /**
   * Globs of Markdown / plain-text files to lint (contracts always are);
   * undefined: every Markdown and plain-text document the editor sends.
   */
  files: string[] | undefined;
  /** Lint every Markdown document, not only those matching `files`. */
  lintAllMarkdown: boolean;
  maxFileSizeMB: number;
  /** Extra packs for every file: built-in ids, paths (relative to the workspace folder) or npm names. */
  packs: string[];
  /** Per-rule severity in this editor: rule id or bare rule name -> severity or "off". */
  ruleSeverities: Record<string, Severity | 'off'>;
}

/** The VS Code extension's default for `clauselint.files` (package.json): contracts by name or folder, not READMEs or notes. */
export const VSCODE_DEFAULT_FILES = ['**/*.contract.md', '**/*.contract.txt', '**/contracts/**/*.md', '**/contracts/**/*.txt'];

/** Without settings: the editor's file-type setup decides which documents are contracts (see fileScope.ts). */
export const DEFAULT_SETTINGS: Settings = {
  enable: true,
  run: 'onType',
  debounceMs: 100,
  files: undefined,
  lintAllMarkdown: false,
  maxFileSizeMB: 10,
  packs: [],
  ruleSeverities: {},
};

/** Take what is valid from whatever the client sent; defaults for the rest. */
export function sanitizeSettings(raw: unknown): Settings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const num = (v: unknown, d: number, min: number) => (typeof v === 'number' && Number.isFinite(v) && v >= min ? v : d);
  const strings = (v: unknown, d: string[]) => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : d);
  const severities: Record<string, Severity | 'off'> = {};
  if (r.ruleSeverities && typeof r.ruleSeverities === 'object') {
    for (const [k, v] of Object.entries(r.ruleSeverities as Record<string, unknown>)) {
      if (v === 'off' || SEVERITIES.includes(v as Severity)) severities[k] = v as Severity | 'off';
    }
  }
  return {
    enable: typeof r.enable === 'boolean' ? r.enable : DEFAULT_SETTINGS.enable,
    run: r.run === 'onSave' ? 'onSave' : 'onType',
    debounceMs: num(r.debounceMs, DEFAULT_SETTINGS.debounceMs, 0),
    files: Array.isArray(r.files) ? strings(r.files, []) : DEFAULT_SETTINGS.files,
    lintAllMarkdown: r.lintAllMarkdown === true,
    maxFileSizeMB: num(r.maxFileSizeMB, DEFAULT_SETTINGS.maxFileSizeMB, 0),
    packs: strings(r.packs, []),
    ruleSeverities: severities,
  };
}

/** `scopeUri` is empty for settings not tied to a document. */
export type ConfigurationFetcher = (scopeUri: string) => Promise<unknown>;

/** The `clauselint` section of a settings object a client pushed (`{ clauselint: {...} }`), if it has one. */
export function clauselintSection(settings: unknown): unknown {
  return settings && typeof settings === 'object' ? (settings as Record<string, unknown>).clauselint : undefined;
}

export class SettingsCache {
  private readonly cache = new Map<string, Promise<Settings>>();
  /** The `clauselint` settings the client pushed (didChangeConfiguration) or started with (initializationOptions). */
  private clientWide: unknown;

  /**
   * `fetch` is undefined when the client cannot answer workspace/configuration;
   * `initial` is `initializationOptions.clauselint`.
   */
  constructor(private readonly fetch: ConfigurationFetcher | undefined, initial?: unknown) {
    this.clientWide = initial;
  }

  get(uri: string): Promise<Settings> {
    let hit = this.cache.get(uri);
    if (!hit) {
      const fallback = () => sanitizeSettings(this.clientWide);
      hit = this.fetch ? this.fetch(uri).then((raw) => (raw === null || raw === undefined ? fallback() : sanitizeSettings(raw)), fallback) : Promise.resolve(fallback());
      this.cache.set(uri, hit);
    }
    return hit;
  }

  /**
   * The `settings` of a workspace/didChangeConfiguration: an object replaces
   * the client-wide settings with its `clauselint` section (none: defaults);
   * null, as VS Code sends when the server should pull, keeps them.
   */
  pushed(settings: unknown): void {
    if (settings && typeof settings === 'object') this.clientWide = clauselintSection(settings);
    this.clear();
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  clear(): void {
    this.cache.clear();
  }
}
