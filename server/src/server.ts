/**
 * The ClauseLint language server: LSP wiring only. Every behaviour lives in a
 * module under lsp/ (live linting, diagnostics, code actions, hover, code
 * lens, coverage, pack diagnostics, workspace lint and export, trust, what the
 * client supports). Transport is chosen by the command line: --stdio (any
 * editor; lsp/stdioTransport.ts answers malformed messages), --node-ipc (the
 * VS Code extension), --socket=<port>, --pipe=<name>.
 */
import * as path from 'path';
import {
  CancellationToken,
  CodeActionParams,
  CodeLensParams,
  createConnection,
  DocumentDiagnosticParams,
  DidChangeConfigurationNotification,
  ErrorCodes,
  ExecuteCommandParams,
  FileChangeType,
  HoverParams,
  InitializeParams,
  InitializeResult,
  MessageType,
  ProposedFeatures,
  PublishDiagnosticsParams,
  ResponseError,
  ShowMessageNotification,
  TextDocuments,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { packageVersion } from './io/packageVersion';
import { ClientSupport, clientSupport, initOptionsOf } from './lsp/clientSupport';
import { codeActions } from './lsp/codeActions';
import { coverageLens } from './lsp/codeLens';
import { ConfigLoaders } from './lsp/configLoaders';
import { coverageResult, coverageText } from './lsp/coverage';
import { DocumentLinter } from './lsp/documentLinter';
import { checkedDocumentSync } from './lsp/documentSync';
import { hoverAt } from './lsp/hover';
import { clauseLibrary, ruleSummaries } from './lsp/library';
import { LiveLinter } from './lsp/liveLint';
import { isPackDocument, PackDiagnostics } from './lsp/packDiagnostics';
import * as P from '../../shared/protocol';
import { documentDiagnosticReport } from './lsp/pullDiagnostics';
import { choiceField, documentUriOf, notInitialized, positionOf, rangeOf, stringField, stringsField } from './lsp/requestParams';
import { ruleDocs } from './lsp/ruleDocs';
import { ruleSetFor, RuleSetLookupHost } from './lsp/ruleSetLookup';
import { serverCapabilities } from './lsp/serverCapabilities';
import { clauselintSection, SettingsCache } from './lsp/settings';
import { ownStdio, stdioTransport } from './lsp/stdioTransport';
import { enginePathOf, fsPathOf, workspaceFolderUris, WorkspaceFolders } from './lsp/workspaceFolders';
import { WorkspaceLint } from './lsp/workspaceLint';

const stdio = process.argv.includes('--stdio') ? stdioTransport() : undefined;
const connection = stdio ? createConnection(ProposedFeatures.all, ...stdio) : createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const folders = new WorkspaceFolders();
let shutdownReceived = false;
if (stdio) ownStdio(stdio[0], () => shutdownReceived);

let settings: SettingsCache;
let loaders: ConfigLoaders;
let live: LiveLinter;
let packs: PackDiagnostics;
let workspaceLint: WorkspaceLint;
let lookup: RuleSetLookupHost;
let support: ClientSupport;

const logError = (err: unknown) => connection.console.error(`ClauseLint: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
// A promise nobody awaited (a client that fails a request of ours) is logged; it must not stop the server.
process.on('unhandledRejection', logError);

/**
 * A message for the user, as window/showMessage: a notification, which every
 * client shows. (window.show*Message sends showMessageRequest, which clients
 * may not handle.)
 */
function showMessage(type: MessageType, message: string): void {
  void connection.sendNotification(ShowMessageNotification.type, { type, message });
}

/** A request handler that answers ServerNotInitialized until initialize has been answered. */
function whenInitialized<P, R>(method: string, handler: (params: P, token: CancellationToken) => R): (params: P, token: CancellationToken) => R {
  return (params, token) => {
    if (!support) throw notInitialized(method);
    return handler(params, token);
  };
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  if (support) throw new ResponseError(ErrorCodes.InvalidRequest, 'initialize: the server is already initialized');
  const init = initOptionsOf(params?.initializationOptions);
  const next = clientSupport(params?.capabilities ?? {}, init);
  folders.set(workspaceFolderUris(params ?? {}));
  settings = new SettingsCache(
    next.configuration ? (scopeUri) => connection.workspace.getConfiguration({ scopeUri: scopeUri || undefined, section: 'clauselint' }) : undefined,
    clauselintSection(init),
  );
  const diagnosticOptions = next.diagnostics;
  loaders = new ConfigLoaders(folders, next.trusted);
  const linter = new DocumentLinter(loaders, folders);
  const publish = (p: PublishDiagnosticsParams) => void connection.sendDiagnostics(p);
  packs = new PackDiagnostics({
    publish: (uri, diagnostics) => publish({ uri, diagnostics }),
    loadStandalone: (file) => loaders.loadStandalone(file),
    notify: (message) => showMessage(MessageType.Warning, message),
  });
  live = new LiveLinter({
    documents,
    settings,
    linter,
    folders,
    diagnosticOptions,
    delivery: next.delivery,
    publish,
    // Typed void, but it is the request's promise: a client that fails it must not crash the server.
    refresh: () => void Promise.resolve(connection.languages.diagnostics.refresh() as unknown).catch(logError),
    linted: (snapshot) => {
      if (snapshot.lint) packs.noteConfig(snapshot.uri, snapshot.lint.config);
    },
    status: next.lintStatus ? (params) => void connection.sendNotification(P.LINT_STATUS_NOTIFICATION, params).catch(logError) : undefined,
    logError,
  });
  workspaceLint = new WorkspaceLint({
    documents,
    settings,
    linter,
    diagnosticOptions,
    publish,
    openSnapshot: (uri) => live.snapshotFor(uri),
    // The config's own ignores (with its extends); clauselint.packs settings add rules, not ignores.
    configIgnores: (file) => loaders.forFile(file, []).ignoresFor(file),
  });
  lookup = { loaders, settings, folders, snapshot: (uri) => live.snapshotFor(uri) };
  support = next;
  return { capabilities: serverCapabilities(support), serverInfo: { name: 'clauselint', version: packageVersion() } };
});

connection.onInitialized(() => {
  if (support.configurationRegistration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'clauselint' });
  if (!support.workspaceFolderEvents) return;
  connection.workspace.onDidChangeWorkspaceFolders((e) => {
    folders.change(e.added.map((f) => f.uri), e.removed.map((f) => f.uri));
    settings.clear();
    // The folders bound what packs may read: load configs again under the new ones.
    loaders.clear();
    live.relintAll();
  });
});

// --- documents --------------------------------------------------------------

documents.onDidOpen(({ document: doc }) => {
  if (isPackDocument(doc.languageId, enginePathOf(doc.uri, folders), doc.getText())) packs.packOpened(doc.uri, enginePathOf(doc.uri, folders));
  else live.opened(doc.uri);
  // Pulled diagnostics replace the pushed from-disk ones of "lint workspace" while the file is open (restored on close).
  if (support.delivery === 'pull' && workspaceLint.wasLinted(doc.uri)) connection.sendDiagnostics({ uri: doc.uri, diagnostics: [] }).catch(logError);
});

documents.onDidChangeContent(({ document: doc }) => void live.changed(doc.uri).catch(logError));
documents.onDidSave(({ document: doc }) => {
  if (packs.isOpenPack(doc.uri)) packs.refresh();
  void live.saved(doc.uri).catch(logError);
});

documents.onDidClose(({ document: doc }) => {
  packs.forgetDocument(doc.uri);
  live.closed(doc.uri);
  settings.forget(doc.uri);
  if (workspaceLint.wasLinted(doc.uri)) void workspaceLint.lintFiles({ uris: [doc.uri] }).catch(logError);
});

// --- configuration and packs --------------------------------------------------

connection.onDidChangeConfiguration((params) => {
  if (!support) return;
  settings.pushed(params?.settings);
  live.relintAll();
});

/** A config or pack file changed on disk: reload configs, lint open documents again, refresh pack problems. */
connection.onDidChangeWatchedFiles((params) => {
  if (!support || !Array.isArray(params?.changes)) return;
  const relevant = params.changes.some((c) => {
    const file = typeof c?.uri === 'string' ? fsPathOf(c.uri) : undefined;
    return file !== undefined && packs.concerns(file, c.type === FileChangeType.Created);
  });
  if (!relevant) return;
  loaders.clear();
  live.relintAll();
  packs.refresh();
});

// --- language features ---------------------------------------------------------

connection.onCodeAction(
  whenInitialized('textDocument/codeAction', async (params: CodeActionParams) => {
    const uri = documentUriOf('textDocument/codeAction', params);
    const range = rangeOf('textDocument/codeAction', params);
    const snapshot = await live.snapshotFor(uri);
    const request = { ...params, range, context: params.context ?? { diagnostics: [] } };
    if (!snapshot) return [];
    const relint = await live.relinterFor(uri);
    return codeActions(snapshot, request, { snippetCommand: support.snippetCommand, documentChanges: support.documentChanges, diagnostics: support.diagnostics, relint });
  }),
);

connection.onHover(
  whenInitialized('textDocument/hover', async (params: HoverParams) => {
    const uri = documentUriOf('textDocument/hover', params);
    const position = positionOf('textDocument/hover', params);
    const snapshot = await live.snapshotFor(uri);
    return snapshot ? hoverAt(snapshot, position, { markdown: support.hoverMarkdown, docsCommand: support.diagnostics.docsScheme }) : null;
  }),
);

connection.onCodeLens(
  whenInitialized('textDocument/codeLens', async (params: CodeLensParams) => {
    const snapshot = await live.snapshotFor(documentUriOf('textDocument/codeLens', params));
    return snapshot ? coverageLens(snapshot, support.coverageView) : [];
  }),
);

/** The code lens's command in editors without the coverage view: the coverage as a message. */
connection.onExecuteCommand(
  whenInitialized('workspace/executeCommand', async (params: ExecuteCommandParams) => {
    const uri = params?.arguments?.[0];
    if (params?.command !== P.SERVER_COMMANDS.showCoverage) throw new ResponseError(ErrorCodes.InvalidParams, `workspace/executeCommand: unknown command ${params?.command}`);
    if (typeof uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, `${params.command} takes a document URI`);
    const snapshot = await live.snapshotFor(uri);
    const name = path.basename(enginePathOf(uri, folders));
    showMessage(MessageType.Info, snapshot ? coverageText(coverageResult(snapshot), name) : `ClauseLint does not lint ${name}.`);
    return null;
  }),
);

/** Pull diagnostics: advertised only to clients that pull (then nothing is pushed for open documents). */
connection.languages.diagnostics.on(
  whenInitialized('textDocument/diagnostic', (params: DocumentDiagnosticParams, token) =>
    documentDiagnosticReport({ live, settings, diagnosticOptions: support.diagnostics }, documentUriOf('textDocument/diagnostic', params), params.previousResultId, token),
  ),
);

// --- ClauseLint requests (see shared/protocol.ts) ------------------------------------

connection.onRequest(
  P.COVERAGE_REQUEST,
  whenInitialized(P.COVERAGE_REQUEST, async (params: P.CoverageParams) => {
    const snapshot = await live.snapshotFor(stringField(P.COVERAGE_REQUEST, params, 'uri')!);
    return snapshot ? coverageResult(snapshot) : null;
  }),
);

connection.onRequest(
  P.RULE_DOCS_REQUEST,
  whenInitialized(P.RULE_DOCS_REQUEST, async (params: P.RuleDocsParams) => {
    const ruleId = stringField(P.RULE_DOCS_REQUEST, params, 'ruleId')!;
    return ruleDocs(ruleId, await ruleSetFor(lookup, stringField(P.RULE_DOCS_REQUEST, params, 'uri', true))) ?? null;
  }),
);

connection.onRequest(
  P.RULES_REQUEST,
  whenInitialized(P.RULES_REQUEST, async (params: { uri?: string }) => ruleSummaries(await ruleSetFor(lookup, stringField(P.RULES_REQUEST, params, 'uri', true)))),
);

connection.onRequest(
  P.CLAUSE_LIBRARY_REQUEST,
  whenInitialized(P.CLAUSE_LIBRARY_REQUEST, async (params: { uri?: string }) => {
    const uri = stringField(P.CLAUSE_LIBRARY_REQUEST, params, 'uri', true);
    const snapshot = uri ? await live.snapshotFor(uri) : undefined;
    const present = new Set(snapshot?.lint?.result.coverage.filter((c) => c.present).map((c) => c.kind) ?? []);
    return clauseLibrary(await ruleSetFor(lookup, uri), present, snapshot?.lint?.doc);
  }),
);

connection.onRequest(
  P.LINT_FILES_REQUEST,
  whenInitialized(P.LINT_FILES_REQUEST, (params: P.LintFilesParams, token) => workspaceLint.lintFiles({ uris: stringsField(P.LINT_FILES_REQUEST, params, 'uris') }, token)),
);

connection.onRequest(
  P.EXPORT_REQUEST,
  whenInitialized(P.EXPORT_REQUEST, (params: P.ExportParams) =>
    workspaceLint.exportFindings({
      uris: stringsField(P.EXPORT_REQUEST, params, 'uris'),
      format: choiceField(P.EXPORT_REQUEST, params, 'format', ['json', 'sarif'] as const),
      baseDir: stringField(P.EXPORT_REQUEST, params, 'baseDir')!,
    }),
  ),
);

connection.onShutdown(() => {
  shutdownReceived = true;
  live?.dispose();
});

documents.listen(checkedDocumentSync(connection, { documents, initialized: () => !!support, warn: (m) => connection.console.warn(m) }));
connection.listen();
