/**
 * Progress in the window's status area while ClauseLint is busy: from
 * activation until the server has started, and while a document's first lint
 * runs (packs load then: seconds on a cold start), until its first result.
 */
import * as vscode from 'vscode';
import { LintStatusParams } from '../../shared/protocol';

export class LintProgress implements vscode.Disposable {
  private readonly pending = new Map<string, () => void>();

  /** Shows "starting" until `started` settles. */
  starting(started: Promise<unknown>): void {
    void vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'ClauseLint: starting the server' }, () => started.catch(() => undefined));
  }

  setLintStatus(params: LintStatusParams): void {
    if (params.state === 'linting') {
      if (this.pending.has(params.uri)) return;
      const done = new Promise<void>((resolve) => this.pending.set(params.uri, resolve));
      void vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'ClauseLint: loading rule packs and linting' }, () => done);
      return;
    }
    this.finish(params.uri);
  }

  private finish(uri: string): void {
    this.pending.get(uri)?.();
    this.pending.delete(uri);
  }

  /** The server stopped: nothing is pending any more. */
  clear(): void {
    for (const uri of [...this.pending.keys()]) this.finish(uri);
  }

  dispose(): void {
    this.clear();
  }
}
