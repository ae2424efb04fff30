/**
 * clauselint.applySnippet: the server offers clause insertions with
 * placeholders as this command (VS Code's LSP client cannot apply snippet
 * edits from a WorkspaceEdit). It inserts the snippet so party names and
 * officials become tab stops, but only into the document version the fix was
 * computed for.
 */
import * as vscode from 'vscode';
import { ApplySnippetArgs } from '../../../shared/protocol';

export async function applySnippet(args: ApplySnippetArgs): Promise<void> {
  const uri = vscode.Uri.parse(args.uri);
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) ?? (await vscode.workspace.openTextDocument(uri));
  if (doc.version !== args.version) {
    void vscode.window.showWarningMessage('ClauseLint: the document changed since this fix was computed. Open the quick fixes again.');
    return;
  }
  const visible = vscode.window.visibleTextEditors.find((e) => e.document === doc);
  const editor = await vscode.window.showTextDocument(doc, { viewColumn: visible?.viewColumn, preserveFocus: false, preview: false });
  const { start, end } = args.range;
  const range = new vscode.Range(start.line, start.character, end.line, end.character);
  await editor.insertSnippet(new vscode.SnippetString(args.snippet), range, { undoStopBefore: true, undoStopAfter: true });
}
