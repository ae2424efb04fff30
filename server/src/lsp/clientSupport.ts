/**
 * What the client at the other end can do, read once from `initialize`: its
 * LSP capabilities (any editor), and the extras ClauseLint's own VS Code
 * extension announces in `initializationOptions`. Everything the server sends
 * is shaped by this, so a client gets no message or field it did not ask for:
 *
 * - no workspace/configuration: settings come from didChangeConfiguration or
 *   `initializationOptions.clauselint` (settings.ts);
 * - no dynamic registration: no client/registerCapability request;
 * - no code action literals: no code actions (they would have to be commands
 *   the client cannot run);
 * - no `documentChanges`: edits as `changes`, unversioned;
 * - no related information / codeDescription: diagnostics without them;
 * - no Markdown in hovers: the same text as plain text;
 * - pull diagnostics (textDocument/diagnostic with a refresh request to say
 *   when results changed): diagnostics are pulled and never pushed for open
 *   documents; without both, they are pushed. One or the other, never both,
 *   so a client that supports both shows each finding once.
 * - snippets with tab stops, rendered rule docs and the coverage view only
 *   through the extension's commands.
 */
import { ClientCapabilities, MarkupKind } from 'vscode-languageserver';
import { DiagnosticOptions } from './diagnostics';
import { InitOptions } from '../../../shared/protocol';

export type DiagnosticsDelivery = 'push' | 'pull';

export interface ClientSupport {
  /** The client answers workspace/configuration. */
  configuration: boolean;
  /** The client accepts client/registerCapability for didChangeConfiguration. */
  configurationRegistration: boolean;
  /** The client sends workspace/didChangeWorkspaceFolders. */
  workspaceFolderEvents: boolean;
  /** The client takes CodeAction literals (not only commands). */
  codeActionLiterals: boolean;
  /** The client applies versioned `documentChanges`. */
  documentChanges: boolean;
  /** The client renders Markdown in hovers. */
  hoverMarkdown: boolean;
  diagnostics: DiagnosticOptions;
  delivery: DiagnosticsDelivery;
  /** The extension runs CLIENT_COMMANDS.applySnippet. */
  snippetCommand: boolean;
  /** The extension has the coverage view (CLIENT_COMMANDS.showCoverage). */
  coverageView: boolean;
  /** The extension shows P.LINT_STATUS_NOTIFICATION. */
  lintStatus: boolean;
  /** Workspace Trust; clients that do not say are trusted (a server one starts oneself reads one's own files). */
  trusted: boolean;
}

export function clientSupport(caps: ClientCapabilities, init: InitOptions): ClientSupport {
  const publish = caps.textDocument?.publishDiagnostics;
  const hoverFormats = caps.textDocument?.hover?.contentFormat;
  // LSP spells it workspace.diagnostics; Helix sends workspace.diagnostic (helix-lsp-types has no rename for the field).
  const workspace = caps.workspace as (typeof caps.workspace & { diagnostic?: { refreshSupport?: boolean } }) | undefined;
  const refresh = (workspace?.diagnostics ?? workspace?.diagnostic)?.refreshSupport === true;
  const pull = caps.textDocument?.diagnostic !== undefined && refresh;
  return {
    configuration: caps.workspace?.configuration === true,
    configurationRegistration: caps.workspace?.didChangeConfiguration?.dynamicRegistration === true,
    workspaceFolderEvents: caps.workspace?.workspaceFolders === true,
    codeActionLiterals: caps.textDocument?.codeAction?.codeActionLiteralSupport !== undefined,
    documentChanges: caps.workspace?.workspaceEdit?.documentChanges === true,
    hoverMarkdown: !hoverFormats || hoverFormats.includes(MarkupKind.Markdown),
    diagnostics: {
      docsScheme: init.docsScheme === true,
      relatedInformation: publish?.relatedInformation === true,
      codeDescription: publish?.codeDescriptionSupport === true,
    },
    delivery: pull ? 'pull' : 'push',
    snippetCommand: init.snippetCommand === true,
    coverageView: init.coverageView === true,
    lintStatus: init.lintStatus === true,
    trusted: init.trusted !== false,
  };
}

/** initializationOptions as sent, or {} when a client sends none (or something that is not an object). */
export function initOptionsOf(raw: unknown): InitOptions {
  return raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as InitOptions) : {};
}
