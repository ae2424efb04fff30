/**
 * Crash isolation: restart the server after a crash, at most `maxRestarts`
 * times in `windowMs`; past that, stop and tell the user once, with a way to
 * restart by hand (which resets the count).
 */
import * as vscode from 'vscode';
import { CloseAction, CloseHandlerResult, ErrorAction, ErrorHandler, ErrorHandlerResult } from 'vscode-languageclient/node';

export interface RestartingErrorHandler extends ErrorHandler {
  reset(): void;
}

export function createErrorHandler(output: vscode.OutputChannel, restart: () => void, maxRestarts = 4, windowMs = 3 * 60 * 1000): RestartingErrorHandler {
  let crashes: number[] = [];
  let told = false;
  return {
    error(_error, _message, count): ErrorHandlerResult {
      // A few bad messages do not justify killing the connection.
      return { action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true };
    },
    closed(): CloseHandlerResult {
      const now = Date.now();
      crashes = [...crashes.filter((t) => now - t < windowMs), now];
      if (crashes.length <= maxRestarts) {
        output.appendLine(`[${new Date().toISOString()}] ClauseLint server stopped unexpectedly; restarting (${crashes.length} of ${maxRestarts} restarts in ${windowMs / 60000} minutes).`);
        return { action: CloseAction.Restart, handled: true };
      }
      if (!told) {
        told = true;
        const message = `ClauseLint's language server crashed ${crashes.length} times in ${windowMs / 60000} minutes and was stopped. Linting is off until it is restarted.`;
        void vscode.window.showErrorMessage(message, 'Show Output', 'Restart').then((choice) => {
          if (choice === 'Show Output') output.show(true);
          if (choice === 'Restart') restart();
        });
      }
      return { action: CloseAction.DoNotRestart, handled: true };
    },
    reset() {
      crashes = [];
      told = false;
    },
  };
}
