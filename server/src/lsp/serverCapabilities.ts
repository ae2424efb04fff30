/** What the server announces in its initialize result, for the client it is talking to (clientSupport.ts). */
import { CodeActionKind, ServerCapabilities, TextDocumentSyncKind } from 'vscode-languageserver';
import { ClientSupport } from './clientSupport';
import { CODE_ACTION_KIND_FIX_ALL, SERVER_COMMANDS } from '../../../shared/protocol';

/** The pull-diagnostics provider's identifier (the client keeps its results apart from other servers'). */
export const DIAGNOSTIC_PROVIDER_ID = 'clauselint';

export function serverCapabilities(support: ClientSupport): ServerCapabilities {
  return {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
    ...(support.codeActionLiterals ? { codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CODE_ACTION_KIND_FIX_ALL] } } : {}),
    hoverProvider: true,
    codeLensProvider: { resolveProvider: false },
    // Clients without the coverage view run the code lens's command on the server.
    ...(support.coverageView ? {} : { executeCommandProvider: { commands: [SERVER_COMMANDS.showCoverage] } }),
    ...(support.delivery === 'pull' ? { diagnosticProvider: { identifier: DIAGNOSTIC_PROVIDER_ID, interFileDependencies: false, workspaceDiagnostics: false } } : {}),
    workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
  };
}
