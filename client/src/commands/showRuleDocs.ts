/**
 * clauselint.showRuleDocs [ruleId] [documentUri]: a bundled Markdown file in
 * the Markdown preview, else the rule rendered from its pack (clauselint-docs:).
 * Without a rule id: the ClauseLint diagnostic under the cursor, else a pick list.
 */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { docsUri, RULE_DOCS_REQUEST, RuleDocsResult, RULES_REQUEST, RuleSummary } from '../../../shared/protocol';

async function pickRule(client: LanguageClient, fromUri: string | undefined): Promise<string | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (editor) {
    const here = vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'clauselint' && d.range.contains(editor.selection.active));
    const ids = [...new Set(here.map((d) => String(typeof d.code === 'object' ? d.code.value : d.code)))];
    if (ids.length === 1) return ids[0];
  }
  const rules = await client.sendRequest<RuleSummary[]>(RULES_REQUEST, { uri: fromUri });
  const picked = await vscode.window.showQuickPick(
    rules.map((r) => ({ label: r.id, description: r.enabled ? r.severity : 'off', detail: r.summary })),
    { placeHolder: 'Show the documentation of which ClauseLint rule?', matchOnDetail: true },
  );
  return picked?.label;
}

export async function showRuleDocs(client: LanguageClient, ruleId?: string, fromUri?: string): Promise<void> {
  fromUri ??= vscode.window.activeTextEditor?.document.uri.toString();
  const id = ruleId ?? (await pickRule(client, fromUri));
  if (!id) return;
  const docs = await client.sendRequest<RuleDocsResult | null>(RULE_DOCS_REQUEST, { ruleId: id, uri: fromUri });
  if (!docs) {
    void vscode.window.showWarningMessage(`ClauseLint: no rule "${id}" is loaded for this document.`);
    return;
  }
  const target = vscode.Uri.parse(docs.fileUrl ?? docsUri(docs.ruleId, fromUri));
  try {
    await vscode.commands.executeCommand('markdown.showPreview', target);
  } catch {
    await vscode.window.showTextDocument(target, { preview: true });
  }
}
