/**
 * The document notifications TextDocuments listens to, checked first. A
 * notification has no answer in LSP, so one the server cannot use is dropped
 * with a warning in the client's log (window/logMessage), and the server goes
 * on serving:
 *
 * - any document notification before `initialize` was answered (LSP says to
 *   drop them);
 * - one whose params have no `textDocument.uri`, or a change without a version;
 * - a change, save or close of a document that was never opened.
 */
import {
  Connection,
  DidChangeTextDocumentParams,
  DidCloseTextDocumentParams,
  DidOpenTextDocumentParams,
  DidSaveTextDocumentParams,
  NotificationHandler,
  TextDocuments,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

/** What TextDocuments.listen takes (vscode-languageserver does not export the interface's name). */
type TextDocumentConnection = Parameters<TextDocuments<TextDocument>['listen']>[0];

export interface DocumentSyncHost {
  documents: TextDocuments<TextDocument>;
  initialized(): boolean;
  warn(message: string): void;
}

function uriOf(params: unknown): string | undefined {
  const uri = (params as { textDocument?: { uri?: unknown } } | null)?.textDocument?.uri;
  return typeof uri === 'string' ? uri : undefined;
}

/** Why a notification is dropped, or undefined when TextDocuments may have it. */
export function dropReason(method: string, params: unknown, host: DocumentSyncHost): string | undefined {
  if (!host.initialized()) return `${method} before initialize`;
  const uri = uriOf(params);
  if (uri === undefined) return `${method} without textDocument.uri`;
  if (method === 'textDocument/didOpen') return undefined;
  if (!host.documents.get(uri)) return `${method} for ${uri}, which is not open`;
  if (method === 'textDocument/didChange' && typeof (params as DidChangeTextDocumentParams).textDocument.version !== 'number') return `${method} for ${uri} without a version`;
  return undefined;
}

export function checkedDocumentSync(connection: Connection, host: DocumentSyncHost): TextDocumentConnection {
  const checked =
    <P>(method: string, handler: NotificationHandler<P>): NotificationHandler<P> =>
    (params) => {
      const reason = dropReason(method, params, host);
      if (reason) host.warn(`ClauseLint: ignored ${reason}`);
      else handler(params);
    };
  return {
    onDidOpenTextDocument: (h: NotificationHandler<DidOpenTextDocumentParams>) => connection.onDidOpenTextDocument(checked('textDocument/didOpen', h)),
    onDidChangeTextDocument: (h: NotificationHandler<DidChangeTextDocumentParams>) => connection.onDidChangeTextDocument(checked('textDocument/didChange', h)),
    onDidCloseTextDocument: (h: NotificationHandler<DidCloseTextDocumentParams>) => connection.onDidCloseTextDocument(checked('textDocument/didClose', h)),
    onDidSaveTextDocument: (h: NotificationHandler<DidSaveTextDocumentParams>) => connection.onDidSaveTextDocument(checked('textDocument/didSave', h)),
    onWillSaveTextDocument: (h: Parameters<Connection['onWillSaveTextDocument']>[0]) => connection.onWillSaveTextDocument(h),
    onWillSaveTextDocumentWaitUntil: (h: Parameters<Connection['onWillSaveTextDocumentWaitUntil']>[0]) => connection.onWillSaveTextDocumentWaitUntil(h),
  };
}
