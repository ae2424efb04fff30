/**
 * The status bar item for the active document, always there on a document
 * ClauseLint looks at: busy while the server starts or packs load, the
 * counts, a clean state ("no problems"), or "not linted" and why (from the
 * server's clauselint/lintStatus). Clicking opens Problems.
 */
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient/node';
import { LintStatusParams } from '../../shared/protocol';

const SOURCE = 'clauselint';
/** The languages the extension sends to the server as possible contracts. */
const LINTED_LANGUAGES = new Set(['contract', 'markdown', 'plaintext']);

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('clauselint.status', vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly statuses = new Map<string, LintStatusParams>();
  private serverState: State = State.Starting;

  constructor() {
    this.item.name = 'ClauseLint';
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.workspace.onDidCloseTextDocument((d) => this.statuses.delete(d.uri.toString())),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((u) => u.toString() === active)) this.update();
      }),
    );
    this.update();
  }

  setServerState(state: State): void {
    this.serverState = state;
    if (state !== State.Running) this.statuses.clear();
    this.update();
  }

  setLintStatus(params: LintStatusParams): void {
    this.statuses.set(params.uri, params);
    if (params.uri === vscode.window.activeTextEditor?.document.uri.toString()) this.update();
  }

  /** What the item shows for the active document: exposed for the editor tests. */
  get text(): string {
    return this.item.text;
  }

  update(): void {
    if (this.serverState === State.Stopped) {
      this.show('$(error) ClauseLint stopped', 'The ClauseLint server is not running. Click to restart it.', 'clauselint.restartServer');
      return;
    }
    const doc = vscode.window.activeTextEditor?.document;
    const status = doc && this.statuses.get(doc.uri.toString());
    if (!doc || (!status && !LINTED_LANGUAGES.has(doc.languageId))) {
      this.item.hide();
      return;
    }
    const restricted = vscode.workspace.isTrusted ? '' : ' Restricted Mode: packs from npm packages and outside the folder are not loaded.';
    if (!status || status.state === 'linting') {
      const busy = this.serverState === State.Starting ? 'starting' : 'loading packs';
      this.show(`$(sync~spin) ClauseLint: ${busy}…`, 'ClauseLint is loading its rule packs and linting this document.' + restricted);
      return;
    }
    if (status.state === 'skipped') {
      this.show(`$(circle-slash) ClauseLint: not linted — ${status.reason ?? 'skipped'}`, `ClauseLint does not lint this document: ${status.reason}.` + restricted, 'workbench.action.openSettings', ['clauselint']);
      return;
    }
    const diagnostics = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === SOURCE);
    const count = (s: vscode.DiagnosticSeverity) => diagnostics.filter((d) => d.severity === s).length;
    const errors = count(vscode.DiagnosticSeverity.Error);
    const warnings = count(vscode.DiagnosticSeverity.Warning);
    const infos = diagnostics.length - errors - warnings;
    if (diagnostics.length === 0) {
      this.show('$(check) ClauseLint: no problems', 'ClauseLint linted this document and found nothing.' + restricted, 'workbench.actions.view.problems');
      return;
    }
    this.show(
      `$(law) ClauseLint $(error) ${errors} $(warning) ${warnings} $(info) ${infos}`,
      `ClauseLint: ${errors} errors, ${warnings} warnings, ${infos} infos or hints in this document. Click to open Problems.` + restricted,
      'workbench.actions.view.problems',
    );
  }

  private show(text: string, tooltip: string, command?: string, args?: unknown[]): void {
    this.item.text = text;
    this.item.tooltip = tooltip;
    this.item.command = command ? { title: 'ClauseLint', command, arguments: args } : undefined;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
    this.subscriptions.forEach((s) => s.dispose());
  }
}
