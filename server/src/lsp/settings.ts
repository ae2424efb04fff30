/**
 * The `clauselint.*` settings, pulled per document (so multi-root folders can
 * differ) with workspace/configuration, cached until the client says they changed.
 */
import { Severity, SEVERITIES } from '../engine/types';

export type RunMode = 'onType' | 'onSave';

export interface Settings {
  enable: boolean;
  run: RunMode;
  debounceMs: number;
  /** Globs of Markdown / plain-text files to lint (documents of language `contract` always are). */
  files: string[];
  /** Lint every Markdown document, not only those matching `files`. */
  lintAllMarkdown: boolean;
  maxFileSizeMB: number;
  /** Extra packs for every file: built-in ids, paths (relative to the workspace folder) or npm names. */
  packs: string[];
  /** Per-rule severity in this editor: rule id or bare rule name -> severity or "off". */
  ruleSeverities: Record<string, Severity | 'off'>;
}

export const DEFAULT_FILES = ['**/*.contract.md', '**/*.contract.txt', '**/contracts/**/*.md', '**/contracts/**/*.txt'];

export const DEFAULT_SETTINGS: Settings = {
  enable: true,
  run: 'onType',
  debounceMs: 100,
  files: DEFAULT_FILES,
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
    files: strings(r.files, DEFAULT_FILES),
    lintAllMarkdown: r.lintAllMarkdown === true,
    maxFileSizeMB: num(r.maxFileSizeMB, DEFAULT_SETTINGS.maxFileSizeMB, 0),
    packs: strings(r.packs, []),
    ruleSeverities: severities,
  };
}

/** `scopeUri` is empty for settings not tied to a document. */
export type ConfigurationFetcher = (scopeUri: string) => Promise<unknown>;

export class SettingsCache {
  private readonly cache = new Map<string, Promise<Settings>>();

  /** `fetch` is undefined when the client cannot answer workspace/configuration: defaults apply. */
  constructor(private readonly fetch: ConfigurationFetcher | undefined) {}

  get(uri: string): Promise<Settings> {
    let hit = this.cache.get(uri);
    if (!hit) {
      hit = this.fetch ? this.fetch(uri).then(sanitizeSettings, () => DEFAULT_SETTINGS) : Promise.resolve(DEFAULT_SETTINGS);
      this.cache.set(uri, hit);
    }
    return hit;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  clear(): void {
    this.cache.clear();
  }
}
