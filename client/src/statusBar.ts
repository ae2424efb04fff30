/** A status bar item with the active document's ClauseLint counts; clicking opens Problems. */
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient/node';

const SOURCE = 'clauselint';

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('clauselint.status', vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: vscode.Disposable[] = [];
  private serverState: State = State.Starting;

  constructor() {
    this.item.name = 'ClauseLint';
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((u) => u.toString() === active)) this.update();
      }),
    );
    this.update();
  }

  setServerState(state: State): void {
    this.serverState = state;
    this.update();
  }

  update(): void {
    if (this.serverState === State.Stopped) {
      this.item.text = '$(error) ClauseLint stopped';
      this.item.tooltip = 'The ClauseLint server is not running. Click to restart it.';
      this.item.command = 'clauselint.restartServer';
      this.item.show();
      return;
    }
    const doc = vscode.window.activeTextEditor?.document;
    const diagnostics = doc ? vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === SOURCE) : [];
    if (!doc || (diagnostics.length === 0 && doc.languageId !== 'contract')) {
      this.item.hide();
      return;
    }
    const count = (s: vscode.DiagnosticSeverity) => diagnostics.filter((d) => d.severity === s).length;
    const errors = count(vscode.DiagnosticSeverity.Error);
    const warnings = count(vscode.DiagnosticSeverity.Warning);
    const infos = diagnostics.length - errors - warnings;
    this.item.text = diagnostics.length === 0 ? '$(check) ClauseLint' : `$(law) ClauseLint $(error) ${errors} $(warning) ${warnings} $(info) ${infos}`;
    this.item.tooltip = `ClauseLint: ${errors} errors, ${warnings} warnings, ${infos} infos or hints in this document. Click to open Problems.`;
    this.item.command = 'workbench.actions.view.problems';
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
    this.subscriptions.forEach((s) => s.dispose());
  }
}
