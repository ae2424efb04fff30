/** clauselint.insertClause: pick a clause from the packs' library and insert it as a snippet at the cursor. */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { CLAUSE_LIBRARY_REQUEST, ClauseEntry } from '../../../shared/protocol';

export async function insertClause(client: LanguageClient): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage('ClauseLint: open a contract to insert a clause into.');
    return;
  }
  const clauses = await client.sendRequest<ClauseEntry[]>(CLAUSE_LIBRARY_REQUEST, { uri: editor.document.uri.toString() });
  if (clauses.length === 0) {
    void vscode.window.showInformationMessage('ClauseLint: the loaded packs have no clause library.');
    return;
  }
  const picked = await vscode.window.showQuickPick(
    clauses.map((c) => ({
      label: c.title,
      description: `${c.kind}${c.present ? ' · already in this document' : ' · missing here'} · ${c.pack}`,
      detail: c.preview,
      clause: c,
    })),
    { placeHolder: 'Insert which clause at the cursor?', matchOnDescription: true, matchOnDetail: true },
  );
  if (!picked) return;
  await editor.insertSnippet(new vscode.SnippetString(picked.clause.body), editor.selection);
}
