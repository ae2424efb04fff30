/** clauselint.lintWorkspace: lint every contract file into Problems, in batches, with progress and cancel. */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { LINT_FILES_REQUEST, LintFilesParams, LintFilesResult } from '../../../shared/protocol';
import { findContractFiles } from '../workspaceFiles';

const BATCH = 20;

export async function lintWorkspace(client: LanguageClient): Promise<void> {
  const total = { linted: 0, findings: 0, skipped: [] as LintFilesResult['skipped'] };
  const finished = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'ClauseLint: linting the workspace', cancellable: true },
    async (progress, token) => {
      const uris = await findContractFiles(token);
      for (let i = 0; i < uris.length && !token.isCancellationRequested; i += BATCH) {
        const batch = uris.slice(i, i + BATCH);
        const params: LintFilesParams = { uris: batch.map((u) => u.toString()) };
        const result = await client.sendRequest<LintFilesResult>(LINT_FILES_REQUEST, params, token);
        total.linted += result.linted;
        total.findings += result.findings;
        total.skipped.push(...result.skipped);
        progress.report({ increment: (batch.length / uris.length) * 100, message: `${Math.min(i + BATCH, uris.length)} of ${uris.length} files` });
      }
      return !token.isCancellationRequested;
    },
  );
  const skipped = total.skipped.length > 0 ? ` (${total.skipped.length} skipped: ${total.skipped[0].reason}${total.skipped.length > 1 ? ', …' : ''})` : '';
  const message = `ClauseLint: ${total.findings} finding${total.findings === 1 ? '' : 's'} in ${total.linted} file${total.linted === 1 ? '' : 's'}${skipped}${finished ? '' : ' before it was cancelled'}.`;
  const choice = await vscode.window.showInformationMessage(message, 'Open Problems');
  if (choice) await vscode.commands.executeCommand('workbench.actions.view.problems');
}
