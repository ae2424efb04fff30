/**
 * Problems in rule packs and `.clauselint.yaml` files as diagnostics in those
 * files: for every pack involved in the config of an open contract, and for
 * every pack file open in the editor (loaded on its own). Published from disk
 * (packs take effect when saved); files whose problems are gone are cleared.
 */
import * as path from 'path';
import { pathToFileURL } from 'url';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import { CONFIG_NAMES, LoadedConfig } from '../packs/config';
import { PackError } from '../packs/errors';
import { SOURCE } from './diagnostics';

export function isPackDocument(languageId: string, file: string, text: string): boolean {
  if (languageId !== 'yaml' && languageId !== 'json') return false;
  return CONFIG_NAMES.includes(path.basename(file)) || /^pack\s*:/m.test(text) || /^\s*\{?\s*"pack"\s*:/m.test(text);
}

export function packErrorDiagnostic(e: PackError): Diagnostic {
  const position = { line: Math.max(0, e.line - 1), character: Math.max(0, e.column - 1) };
  return {
    range: { start: position, end: position },
    severity: e.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    source: SOURCE,
    code: 'pack-error',
    message: e.message,
  };
}

export interface PackDiagnosticsHost {
  publish(uri: string, diagnostics: Diagnostic[]): void;
  /** A pack file's own config (the file and what it extends), as if it were a `.clauselint.yaml`. */
  loadStandalone(file: string): LoadedConfig;
  /** Tell the user about a problem that has no file to show it in (e.g. a pack named in settings). */
  notify(message: string): void;
}

export class PackDiagnostics {
  private readonly configs = new Map<string, LoadedConfig>();
  private readonly openPacks = new Map<string, string>();
  private readonly published = new Set<string>();
  private readonly notified = new Set<string>();

  constructor(private readonly host: PackDiagnosticsHost) {}

  /** The config a contract was linted with; refreshes when it is a different (reloaded) config. */
  noteConfig(docUri: string, config: LoadedConfig): void {
    if (this.configs.get(docUri) === config) return;
    this.configs.set(docUri, config);
    this.refresh();
  }

  forgetDocument(docUri: string): void {
    if (this.configs.delete(docUri)) this.refresh();
    if (this.openPacks.delete(docUri)) this.refresh();
  }

  packOpened(uri: string, file: string): void {
    this.openPacks.set(uri, file);
    this.refresh();
  }

  isOpenPack(uri: string): boolean {
    return this.openPacks.has(uri);
  }

  /**
   * Whether a changed file can change any rules in use: a config file, a pack
   * that a config of an open document involves or an open pack, or a new file
   * while some config has errors (it may be the pack an `extends` was missing).
   */
  concerns(file: string, created: boolean): boolean {
    const resolved = path.resolve(file);
    if (CONFIG_NAMES.includes(path.basename(resolved))) return true;
    if ([...this.openPacks.values()].some((f) => path.resolve(f) === resolved)) return true;
    const configs = [...this.configs.values()];
    if (configs.some((c) => c.files.some((f) => path.resolve(f) === resolved))) return true;
    return created && configs.some((c) => c.errors.length > 0);
  }

  refresh(): void {
    const errors = new Map<string, PackError[]>();
    const involved = new Set<string>();
    const collect = (config: LoadedConfig) => {
      config.files.forEach((f) => involved.add(path.resolve(f)));
      for (const e of config.errors) {
        if (!path.isAbsolute(e.file)) {
          this.notifyOnce(`ClauseLint: ${e.file}: ${e.message}`);
          continue;
        }
        const file = path.resolve(e.file);
        const list = errors.get(file) ?? [];
        if (!list.some((x) => x.line === e.line && x.column === e.column && x.message === e.message)) list.push(e);
        errors.set(file, list);
      }
    };
    new Set(this.configs.values()).forEach(collect);
    for (const file of this.openPacks.values()) {
      if (!involved.has(path.resolve(file))) collect(this.host.loadStandalone(file));
    }
    const now = new Set<string>();
    for (const [file, list] of errors) {
      const uri = pathToFileURL(file).href;
      now.add(uri);
      this.host.publish(uri, list.map(packErrorDiagnostic));
    }
    for (const uri of this.published) if (!now.has(uri)) this.host.publish(uri, []);
    this.published.clear();
    now.forEach((u) => this.published.add(u));
  }

  private notifyOnce(message: string): void {
    if (this.notified.has(message)) return;
    this.notified.add(message);
    this.host.notify(message);
  }
}
