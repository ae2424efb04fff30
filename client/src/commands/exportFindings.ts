/** clauselint.exportFindings: the workspace's findings as SARIF 2.1.0 or ClauseLint JSON, written where the user says. */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { EXPORT_REQUEST, ExportFormat, ExportParams, ExportResult } from '../../../shared/protocol';
import { findContractFiles } from '../workspaceFiles';

const FORMATS: { label: string; format: ExportFormat; file: string; description: string }[] = [
  { label: 'SARIF 2.1.0', format: 'sarif', file: 'clauselint.sarif', description: 'for GitHub code scanning and SARIF viewers' },
  { label: 'JSON', format: 'json', file: 'clauselint-findings.json', description: 'ClauseLint JSON (version 1), with clause coverage' },
];

export async function exportFindings(client: LanguageClient): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showInformationMessage('ClauseLint: open a folder to export its findings.');
    return;
  }
  const choice = await vscode.window.showQuickPick(FORMATS, { placeHolder: 'Export the findings of the workspace as' });
  if (!choice) return;
  const target = await vscode.window.showSaveDialog({ defaultUri: vscode.Uri.joinPath(folder.uri, choice.file), filters: { [choice.label]: [choice.file.split('.').pop()!] } });
  if (!target) return;
  const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'ClauseLint: exporting findings' }, async () => {
    const uris = await findContractFiles();
    const params: ExportParams = { uris: uris.map((u) => u.toString()), format: choice.format, baseDir: folder.uri.fsPath };
    return client.sendRequest<ExportResult>(EXPORT_REQUEST, params);
  });
  await vscode.workspace.fs.writeFile(target, Buffer.from(result.content, 'utf8'));
  const open = await vscode.window.showInformationMessage(`ClauseLint: exported ${result.findings} findings from ${result.files} files to ${vscode.workspace.asRelativePath(target)}.`, 'Open');
  if (open) await vscode.window.showTextDocument(target);
}
