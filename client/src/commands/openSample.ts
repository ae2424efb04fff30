/** Opens the bundled sample draft as an unsaved contract, so the walkthrough's first lint needs no file of one's own. */
import * as vscode from 'vscode';

export async function openSample(context: vscode.ExtensionContext): Promise<void> {
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'examples', 'ai-services-draft.md'));
  const doc = await vscode.workspace.openTextDocument({ language: 'contract', content: new TextDecoder().decode(bytes) });
  await vscode.window.showTextDocument(doc);
}
