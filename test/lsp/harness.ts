/**
 * A real LSP client for the tests: starts the built server (out/server/src/server.js)
 * over stdio, answers workspace/configuration from `settings` as the VS Code
 * extension's client does (with the contributed defaults), and records every
 * publishDiagnostics so tests can wait on them and check their versions.
 */
import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import {
  ClientCapabilities,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  ProtocolConnection,
  PublishDiagnosticsNotification,
  PublishDiagnosticsParams,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { InitOptions } from '../../shared/protocol';
import { VSCODE_DEFAULT_FILES } from '../../server/src/lsp/settings';
import { HANG_GUARD_MS } from '../hangGuard';

/** The tsc build by default; CLAUSELINT_SERVER_JS=dist/server.js runs the same tests against the bundle. */
export const SERVER_JS = path.resolve(process.env.CLAUSELINT_SERVER_JS ?? path.resolve(__dirname, '../../server/src/server.js'));

export const CAPABILITIES: ClientCapabilities = {
  workspace: { configuration: true, workspaceEdit: { documentChanges: true }, workspaceFolders: true },
  textDocument: {
    synchronization: { didSave: true },
    publishDiagnostics: { versionSupport: true, relatedInformation: true, codeDescriptionSupport: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
  },
};

export interface StartOptions {
  root: string;
  settings?: Record<string, unknown>;
  init?: InitOptions;
  /** Extra arguments for node before the server script (e.g. --require of a test module). */
  nodeArgs?: string[];
  /** Extra environment variables for the server process. */
  env?: Record<string, string>;
}

export class LspTestClient {
  readonly published: PublishDiagnosticsParams[] = [];
  private readonly waiters: { match: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  settings: Record<string, unknown>;

  private constructor(readonly connection: ProtocolConnection, readonly child: ChildProcess, readonly root: string, settings: Record<string, unknown>) {
    this.settings = settings;
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.published.push(p);
      for (const w of [...this.waiters]) {
        if (!w.match(p)) continue;
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve(p);
      }
    });
    // As VS Code answers: the extension's contributed defaults under what the user set.
    connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => ({ files: VSCODE_DEFAULT_FILES, ...this.settings })));
    connection.onRequest('client/registerCapability', () => null);
    connection.onNotification('window/logMessage', () => undefined);
  }

  static async start(options: StartOptions): Promise<LspTestClient> {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), SERVER_JS, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
    child.stderr!.on('data', (d) => process.env.CLAUSELINT_TEST_VERBOSE && process.stderr.write(d));
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspTestClient(connection, child, options.root, { debounceMs: 20, ...options.settings });
    connection.listen();
    const rootUri = uri(options.root);
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: path.basename(options.root) }],
      capabilities: CAPABILITIES,
      initializationOptions: options.init ?? {},
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  open(docUri: string, text: string, languageId = 'markdown', version = 1): Promise<void> {
    return this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: docUri, languageId, version, text } });
  }

  change(docUri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    return this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: docUri, version }, contentChanges: changes });
  }

  close(docUri: string): Promise<void> {
    return this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: docUri } });
  }

  /** The next publish for `docUri` that satisfies `match` (one already received counts when `since` says so). */
  waitForDiagnostics(docUri: string, match: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = HANG_GUARD_MS): Promise<PublishDiagnosticsParams> {
    const test = (p: PublishDiagnosticsParams) => p.uri === docUri && match(p);
    const already = [...this.published].reverse().find(test);
    if (already) return Promise.resolve(already);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${docUri} within ${timeoutMs} ms; got ${JSON.stringify(this.published.filter((p) => p.uri === docUri).map((p) => [p.version, p.diagnostics.length]))}`)), timeoutMs);
      this.waiters.push({ match: test, resolve: (p) => (clearTimeout(timer), resolve(p)) });
    });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  async dispose(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, 1000))]);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // The server may already be gone.
    }
    this.connection.dispose();
    if (this.child.exitCode === null) {
      const exited = new Promise((r) => this.child.once('exit', r));
      setTimeout(() => this.child.exitCode === null && this.child.kill(), 500).unref();
      await exited;
    }
  }
}

export function uri(file: string): string {
  return pathToFileURL(file).href;
}

/** A fresh folder under the OS temp dir (no .clauselint.yaml above it), removed by the returned cleanup. */
export function tempWorkspace(files: Record<string, string> = {}): { root: string; cleanup: () => void } {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'clauselint-lsp-')));
  for (const [rel, text] of Object.entries(files)) {
    const file = path.join(root, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
  return { root, cleanup: () => fs.rmSync(root, { recursive: true, force: true }) };
}
