/**
 * Live linting of open documents: on open, on type (debounced) or on save, and
 * again when packs change. A result is published only if the document still
 * has the version that was linted, and carries that version.
 *
 * With pull diagnostics (clientSupport.ts) the same runs happen, on the same
 * debounce, but nothing is pushed: a pull waits for the document's run
 * (`whenSettled`) and answers with its result (pullDiagnostics.ts), and when
 * results change without an edit (packs, settings, a save in onSave mode) the
 * client is asked to pull again (`refresh`).
 */
import { Diagnostic, PublishDiagnosticsParams, TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticOptions, toDiagnostics } from './diagnostics';
import { DiagnosticsDelivery } from './clientSupport';
import { DocumentLinter, LintSnapshot } from './documentLinter';
import { skipReason } from './fileScope';
import { afterPendingMessages, LintScheduler } from './lintScheduler';
import { LintStatusParams } from '../../../shared/protocol';
import { Settings, SettingsCache } from './settings';
import { WorkspaceFolders } from './workspaceFolders';

export interface LiveLintHost {
  documents: TextDocuments<TextDocument>;
  settings: SettingsCache;
  linter: DocumentLinter;
  folders: WorkspaceFolders;
  diagnosticOptions: DiagnosticOptions;
  delivery: DiagnosticsDelivery;
  publish(params: PublishDiagnosticsParams): void;
  /** Pull mode: ask the client to pull diagnostics again (workspace/diagnostic/refresh). */
  refresh(): void;
  /** Called with each published result (pack diagnostics follow the config it used). */
  linted(snapshot: LintSnapshot): void;
  /** Each document's lint state when it changes (undefined: the client does not show it). */
  status?(params: LintStatusParams): void;
  logError(err: unknown): void;
}

export class LiveLinter {
  private readonly scheduler: LintScheduler;
  /** Documents with diagnostics on the client, to clear them when a document stops being linted. */
  private readonly published = new Set<string>();
  /** The result last published per document: the same result is not sent twice (open fires open and change). */
  private readonly lastSent = new Map<string, LintSnapshot>();
  /** The lint state last sent per document ("state:reason"), so each change is sent once. */
  private readonly lastStatus = new Map<string, string>();

  constructor(private readonly host: LiveLintHost) {
    this.scheduler = new LintScheduler((uri) => this.lintNow(uri), host.logError);
  }

  opened(uri: string): void {
    this.lintNow(uri).catch(this.host.logError);
  }

  async changed(uri: string): Promise<void> {
    const settings = await this.host.settings.get(uri);
    if (settings.run === 'onType') this.scheduler.schedule(uri, settings.debounceMs);
  }

  async saved(uri: string): Promise<void> {
    const settings = await this.host.settings.get(uri);
    if (settings.run !== 'onSave') return;
    await this.lintNow(uri);
    if (this.host.delivery === 'pull') this.host.refresh();
  }

  closed(uri: string): void {
    this.scheduler.cancel(uri);
    this.lastSent.delete(uri);
    this.lastStatus.delete(uri);
    this.host.linter.forget(uri);
    this.clear(uri);
  }

  /** Packs, settings or trust changed: lint every open document again. */
  relintAll(): void {
    this.host.linter.invalidate();
    for (const doc of this.host.documents.all()) this.lintNow(doc.uri).catch(this.host.logError);
    if (this.host.delivery === 'pull') this.host.refresh();
  }

  /** Resolves when `uri` has no debounced lint waiting or running (a pull then reads the current result). */
  whenSettled(uri: string): Promise<void> {
    return this.scheduler.whenIdle(uri);
  }

  /** The result last delivered for `uri` (in onSave mode, what stands until the next save). */
  lastLinted(uri: string): LintSnapshot | undefined {
    return this.lastSent.get(uri);
  }

  /** The current version's result for requests (code actions, hover, ...), or undefined when not linted. */
  async snapshotFor(uri: string): Promise<LintSnapshot | undefined> {
    const doc = this.host.documents.get(uri);
    if (!doc) return undefined;
    const settings = await this.host.settings.get(uri);
    const current = this.host.documents.get(uri);
    if (!current || !this.lintable(current, settings)) return undefined;
    return this.host.linter.current(current, settings);
  }

  /** Lint another text as this document would be linted (fix-all's later rounds), or undefined when it is not linted. */
  async relinterFor(uri: string): Promise<((text: string) => LintSnapshot['findings']) | undefined> {
    const doc = this.host.documents.get(uri);
    if (!doc) return undefined;
    const settings = await this.host.settings.get(uri);
    if (!this.lintable(doc, settings)) return undefined;
    const languageId = doc.languageId;
    return (text) => this.host.linter.lintVariant(uri, text, languageId, settings).findings;
  }

  private lintable(doc: TextDocument, settings: Settings): boolean {
    return skipReason(doc.uri, doc.languageId, settings, this.host.folders) === undefined;
  }

  private sendStatus(params: LintStatusParams): void {
    if (!this.host.status) return;
    const key = `${params.state}:${params.reason ?? ''}`;
    if (this.lastStatus.get(params.uri) === key) return;
    this.lastStatus.set(params.uri, key);
    this.host.status(params);
  }

  private async lintNow(uri: string): Promise<void> {
    const settings = await this.host.settings.get(uri);
    const doc = this.host.documents.get(uri);
    if (!doc) return;
    const skipped = skipReason(doc.uri, doc.languageId, settings, this.host.folders);
    if (skipped) {
      this.clear(uri);
      this.sendStatus({ uri, state: 'skipped', reason: skipped });
      return;
    }
    this.scheduler.cancel(uri);
    if (this.host.status && !this.host.linter.cached(uri)) {
      // The first lint of a document may load packs (seconds on a cold start): say so before the work blocks.
      this.sendStatus({ uri, state: 'linting' });
      await afterPendingMessages(1);
    }
    const snapshot = this.host.linter.current(doc, settings);
    await afterPendingMessages();
    // Stale: the document changed (or closed) while it was being linted; the newer version has its own run.
    if (this.host.documents.get(uri)?.version !== snapshot.version) return;
    if (this.lastSent.get(uri) === snapshot) return;
    this.lastSent.set(uri, snapshot);
    const large = snapshot.tooLarge;
    this.sendStatus(large ? { uri, state: 'skipped', reason: `too large (${large.sizeMB.toFixed(1)} MB; clauselint.maxFileSizeMB is ${large.limitMB})` } : { uri, state: 'linted' });
    if (this.host.delivery === 'push') this.send(uri, snapshot.version, toDiagnostics(snapshot, this.host.diagnosticOptions));
    this.host.linted(snapshot);
  }

  private send(uri: string, version: number | undefined, diagnostics: Diagnostic[]): void {
    if (diagnostics.length > 0) this.published.add(uri);
    else this.published.delete(uri);
    this.host.publish({ uri, version, diagnostics });
  }

  private clear(uri: string): void {
    this.lastSent.delete(uri);
    if (this.published.has(uri)) this.send(uri, undefined, []);
  }

  dispose(): void {
    this.scheduler.dispose();
  }
}
