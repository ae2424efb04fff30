/**
 * clauselint-docs: documents, the rendered docs of a rule (the link behind a
 * diagnostic's rule id, and what "show rule docs" previews when no bundled
 * Markdown file exists). URI: clauselint-docs:/<pack>/<rule>.md?from=<document uri>.
 */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { RULE_DOCS_REQUEST, RuleDocsParams, RuleDocsResult } from '../../shared/protocol';

export function ruleIdOf(uri: vscode.Uri): string {
  return decodeURIComponent(uri.path.replace(/^\//, '').replace(/\.md$/, ''));
}

export class RuleDocsProvider implements vscode.TextDocumentContentProvider {
  constructor(private readonly client: LanguageClient) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const ruleId = ruleIdOf(uri);
    // Uri.parse has already decoded the query: the rest after "from=" is the document URI as is.
    const from = uri.query.startsWith('from=') ? uri.query.slice('from='.length) : undefined;
    const params: RuleDocsParams = { ruleId, uri: from };
    const docs = await this.client.sendRequest<RuleDocsResult | null>(RULE_DOCS_REQUEST, params);
    if (!docs) return `# ${ruleId}\n\nNo rule with this id is loaded for this document.\n`;
    return docs.webUrl ? `${docs.markdown}\n\n[Full documentation](${docs.webUrl})\n` : docs.markdown;
  }
}
