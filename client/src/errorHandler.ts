/**
 * Crash isolation in the editor: carries out the RestartPolicy's decisions. Every
 * unexpected exit is logged in the output channel; the user sees one warning the
 * first time the server is restarted and one error once it is stopped, with a
 * way to restart it by hand (which resets the count).
 */
import * as vscode from 'vscode';
import { CloseAction, CloseHandlerResult, ErrorAction, ErrorHandler, ErrorHandlerResult } from 'vscode-languageclient/node';
import { CrashNotice, RestartPolicy } from './restartPolicy';

export interface ShownCrashNotice {
  notice: CrashNotice;
  message: string;
}

export interface RestartingErrorHandler extends ErrorHandler {
  reset(): void;
  /** The crash messages shown to the user in this session, oldest first. */
  readonly shown: readonly ShownCrashNotice[];
}

export function createErrorHandler(output: vscode.OutputChannel, restart: () => void, policy = new RestartPolicy()): RestartingErrorHandler {
  const shown: ShownCrashNotice[] = [];
  const { maxRestarts, windowMs } = policy.budget;
  const minutes = `${windowMs / 60000} minute${windowMs === 60000 ? '' : 's'}`;

  function tell(notice: CrashNotice, crashes: number): void {
    if (notice === 'restarted') {
      const message = "ClauseLint's language server stopped unexpectedly and was restarted. Further restarts are only logged in the ClauseLint output.";
      shown.push({ notice, message });
      void vscode.window.showWarningMessage(message, 'Show Output').then((choice) => choice && output.show(true));
      return;
    }
    const message = `ClauseLint's language server crashed ${crashes} times in ${minutes} and was stopped. Linting is off until it is restarted.`;
    shown.push({ notice, message });
    void vscode.window.showErrorMessage(message, 'Show Output', 'Restart').then((choice) => {
      if (choice === 'Show Output') output.show(true);
      if (choice === 'Restart') restart();
    });
  }

  return {
    shown,
    error(_error, _message, count): ErrorHandlerResult {
      // A few bad messages do not justify killing the connection.
      return { action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true };
    },
    closed(): CloseHandlerResult {
      const decision = policy.serverExited(Date.now());
      const what = decision.restart ? `restarting (${decision.crashesInWindow} of ${maxRestarts} restarts in ${minutes})` : `not restarting: ${decision.crashesInWindow} crashes in ${minutes}`;
      output.appendLine(`[${new Date().toISOString()}] ClauseLint server stopped unexpectedly; ${what}.`);
      if (decision.notice) tell(decision.notice, decision.crashesInWindow);
      // handled: the language client shows no notification of its own.
      return { action: decision.restart ? CloseAction.Restart : CloseAction.DoNotRestart, handled: true };
    },
    reset() {
      policy.manualRestart();
    },
  };
}
