/**
 * The ClauseLint extension: starts the language server (lsp in server/src),
 * and adds what LSP does not carry: the status bar, the coverage view, rule
 * docs, the clause library, workspace lint and export, snippet fixes.
 */
import * as vscode from 'vscode';
import { LanguageClient, State } from 'vscode-languageclient/node';
import { CLIENT_COMMANDS, DOCS_SCHEME, LINT_STATUS_NOTIFICATION, LintStatusParams } from '../../shared/protocol';
import { applySnippet } from './commands/applySnippet';
import { exportFindings } from './commands/exportFindings';
import { insertClause } from './commands/insertClause';
import { lintWorkspace } from './commands/lintWorkspace';
import { openSample } from './commands/openSample';
import { showRuleDocs } from './commands/showRuleDocs';
import { registerCoverageView } from './coverageView';
import { RuleDocsProvider } from './docsProvider';
import { createErrorHandler, ShownCrashNotice } from './errorHandler';
import { createLanguageClient } from './languageClient';
import { LintProgress } from './lintProgress';
import { StatusBar } from './statusBar';

let client: LanguageClient | undefined;

/** What activate() returns (the extension's `exports`): read by the editor tests. */
export interface ClauseLintExports {
  /** The server-crash messages shown to the user in this session. */
  readonly crashNotices: readonly ShownCrashNotice[];
  /** The status bar item's text for the active document. */
  readonly statusText: () => string;
}

export async function activate(context: vscode.ExtensionContext): Promise<ClauseLintExports> {
  const output = vscode.window.createOutputChannel('ClauseLint');
  const errorHandler = createErrorHandler(output, () => void restart());
  client = createLanguageClient(context, output, errorHandler);
  const lc = client;
  const statusBar = new StatusBar();
  const progress = new LintProgress();

  async function restart(): Promise<void> {
    errorHandler.reset();
    if (lc.isRunning()) await lc.restart();
    else await lc.start();
  }

  context.subscriptions.push(
    output,
    statusBar,
    progress,
    lc.onDidChangeState((e) => {
      statusBar.setServerState(e.newState);
      if (e.newState !== State.Running) progress.clear();
    }),
    lc.onNotification(LINT_STATUS_NOTIFICATION, (params: LintStatusParams) => {
      statusBar.setLintStatus(params);
      progress.setLintStatus(params);
    }),
    vscode.workspace.registerTextDocumentContentProvider(DOCS_SCHEME, new RuleDocsProvider(lc)),
    ...registerCoverageView(lc),
    vscode.commands.registerCommand(CLIENT_COMMANDS.applySnippet, applySnippet),
    vscode.commands.registerCommand(CLIENT_COMMANDS.showRuleDocs, (ruleId?: string, uri?: string) => showRuleDocs(lc, ruleId, uri)),
    vscode.commands.registerCommand('clauselint.insertClause', () => insertClause(lc)),
    vscode.commands.registerCommand('clauselint.lintWorkspace', () => lintWorkspace(lc)),
    vscode.commands.registerCommand('clauselint.exportFindings', () => exportFindings(lc)),
    vscode.commands.registerCommand('clauselint.restartServer', restart),
    vscode.commands.registerCommand('clauselint.openSample', () => openSample(context)),
    // Trust changes which packs may load (see server/src/packs/readPolicy.ts): start over with the new flag.
    vscode.workspace.onDidGrantWorkspaceTrust(() => void restart()),
  );
  const started = lc.start();
  progress.starting(started);
  await started;
  statusBar.setServerState(State.Running);
  return { crashNotices: errorHandler.shown, statusText: () => statusBar.text };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
