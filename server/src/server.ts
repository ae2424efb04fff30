/**
 * The ClauseLint language server: LSP wiring only. Every behaviour lives in a
 * module under lsp/ (live linting, diagnostics, code actions, hover, code
 * lens, coverage, pack diagnostics, workspace lint and export, trust).
 * Transport is chosen by the command line (--stdio, --node-ipc, --socket).
 */
import {
  createConnection,
  DidChangeConfigurationNotification,
  ErrorCodes,
  FileChangeType,
  InitializeParams,
  InitializeResult,
  ProposedFeatures,
  PublishDiagnosticsParams,
  ResponseError,
  TextDocuments,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { packageVersion } from './cli/help';
import { ClientSupport, clientSupport, initOptionsOf } from './lsp/clientSupport';
import { codeActions } from './lsp/codeActions';
import { coverageLens } from './lsp/codeLens';
import { ConfigLoaders } from './lsp/configLoaders';
import { coverageResult, coverageText } from './lsp/coverage';
import { DocumentLinter } from './lsp/documentLinter';
import { hoverAt } from './lsp/hover';
import { clauseLibrary, ruleSummaries } from './lsp/library';
import { LiveLinter } from './lsp/liveLint';
import { isPackDocument, PackDiagnostics } from './lsp/packDiagnostics';
import * as P from './lsp/protocol';
import { ruleDocs } from './lsp/ruleDocs';
import { ruleSetFor, RuleSetLookupHost } from './lsp/ruleSetLookup';
import { serverCapabilities } from './lsp/serverCapabilities';
import { clauselintSection, SettingsCache } from './lsp/settings';
import { enginePathOf, fsPathOf, workspaceFolderUris, WorkspaceFolders } from './lsp/workspaceFolders';
import { WorkspaceLint } from './lsp/workspaceLint';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const folders = new WorkspaceFolders();

let settings: SettingsCache;
let loaders: ConfigLoaders;
let live: LiveLinter;
let packs: PackDiagnostics;
let workspaceLint: WorkspaceLint;
let lookup: RuleSetLookupHost;
let support: ClientSupport;

const logError = (err: unknown) => connection.console.error(`ClauseLint: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const init = initOptionsOf(params.initializationOptions);
  support = clientSupport(params.capabilities ?? {}, init);
  folders.set(workspaceFolderUris(params));
  settings = new SettingsCache(
    support.configuration ? (scopeUri) => connection.workspace.getConfiguration({ scopeUri: scopeUri || undefined, section: 'clauselint' }) : undefined,
    clauselintSection(init),
  );
  const diagnosticOptions = support.diagnostics;
  loaders = new ConfigLoaders(folders, support.trusted);
  const linter = new DocumentLinter(loaders, folders);
  const publish = (p: PublishDiagnosticsParams) => void connection.sendDiagnostics(p);
  packs = new PackDiagnostics({
    publish: (uri, diagnostics) => publish({ uri, diagnostics }),
    loadStandalone: (file) => loaders.loadStandalone(file),
    notify: (message) => void connection.window.showWarningMessage(message),
  });
  live = new LiveLinter({
    documents,
    settings,
    linter,
    folders,
    diagnosticOptions,
    publish,
    linted: (snapshot) => {
      if (snapshot.lint) packs.noteConfig(snapshot.uri, snapshot.lint.config);
    },
    logError,
  });
  workspaceLint = new WorkspaceLint({ documents, settings, linter, diagnosticOptions, publish, openSnapshot: (uri) => live.snapshotFor(uri) });
  lookup = { loaders, settings, folders, snapshot: (uri) => live.snapshotFor(uri) };
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

connection.onDidChangeConfiguration(({ settings: pushed }) => {
  settings.pushed(pushed);
  live.relintAll();
});

/** A config or pack file changed on disk: reload configs, lint open documents again, refresh pack problems. */
connection.onDidChangeWatchedFiles(({ changes }) => {
  const relevant = changes.some((c) => {
    const file = fsPathOf(c.uri);
    return file !== undefined && packs.concerns(file, c.type === FileChangeType.Created);
  });
  if (!relevant) return;
  loaders.clear();
  live.relintAll();
  packs.refresh();
});

// --- language features ---------------------------------------------------------

connection.onCodeAction(async (params) => {
  const snapshot = await live.snapshotFor(params.textDocument.uri);
  return snapshot ? codeActions(snapshot, params, { snippetCommand: support.snippetCommand, documentChanges: support.documentChanges, diagnostics: support.diagnostics }) : [];
});

connection.onHover(async (params) => {
  const snapshot = await live.snapshotFor(params.textDocument.uri);
  return snapshot ? hoverAt(snapshot, params.position, support.hoverMarkdown) : null;
});

connection.onCodeLens(async (params) => {
  const snapshot = await live.snapshotFor(params.textDocument.uri);
  return snapshot ? coverageLens(snapshot, support.coverageView) : [];
});

/** The code lens's command in editors without the coverage view: the coverage as a message. */
connection.onExecuteCommand(async ({ command, arguments: args }) => {
  if (command !== P.SERVER_COMMANDS.showCoverage || typeof args?.[0] !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, `unknown command or arguments: ${command}`);
  const snapshot = await live.snapshotFor(args[0]);
  const name = enginePathOf(args[0], folders).split(/[/\\]/).pop() ?? args[0];
  void connection.window.showInformationMessage(snapshot ? coverageText(coverageResult(snapshot), name) : `ClauseLint does not lint ${name}.`);
  return null;
});

// --- ClauseLint requests (see lsp/protocol.ts) ---------------------------------------

connection.onRequest(P.COVERAGE_REQUEST, async (params: P.CoverageParams) => {
  const snapshot = await live.snapshotFor(params.uri);
  return snapshot ? coverageResult(snapshot) : null;
});

connection.onRequest(P.RULE_DOCS_REQUEST, async (params: P.RuleDocsParams) => ruleDocs(params.ruleId, await ruleSetFor(lookup, params.uri)) ?? null);

connection.onRequest(P.RULES_REQUEST, async (params: { uri?: string }) => ruleSummaries(await ruleSetFor(lookup, params.uri)));

connection.onRequest(P.CLAUSE_LIBRARY_REQUEST, async (params: { uri?: string }) => {
  const snapshot = params.uri ? await live.snapshotFor(params.uri) : undefined;
  const present = new Set(snapshot?.lint?.result.coverage.filter((c) => c.present).map((c) => c.kind) ?? []);
  return clauseLibrary(await ruleSetFor(lookup, params.uri), present);
});

connection.onRequest(P.LINT_FILES_REQUEST, (params: P.LintFilesParams, token) => workspaceLint.lintFiles(params, token));

connection.onRequest(P.EXPORT_REQUEST, (params: P.ExportParams) => workspaceLint.exportFindings(params));

connection.onShutdown(() => live?.dispose());

documents.listen(connection);
connection.listen();
