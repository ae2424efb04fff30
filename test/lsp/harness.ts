/**
 * An LSP session for the tests, as the VS Code extension's client holds one:
 * the built server (out/server/src/server.js) started over stdio by the tests'
 * one LSP client (test/lspClient.ts), workspace/configuration answered from
 * `settings` (with the contributed defaults), and every publishDiagnostics
 * recorded so tests can wait on them and check their versions.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { ClientCapabilities, ConfigurationParams, PublishDiagnosticsParams, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { InitOptions } from '../../shared/protocol';
import { VSCODE_DEFAULT_FILES } from '../../server/src/lsp/settings';
import { HANG_GUARD_MS } from '../hangGuard';
import { PlainClient } from '../lspClient';

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

/** How long a disposed session waits for the server to answer shutdown, then to exit, before killing it. */
const DISPOSE_WAIT_MS = 1000;

export class LspTestClient {
  readonly published: PublishDiagnosticsParams[] = [];
  private readonly waiters: { match: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  settings: Record<string, unknown>;

  private constructor(readonly rpc: PlainClient, readonly root: string, settings: Record<string, unknown>) {
    this.settings = settings;
    rpc.onNotification<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => {
      this.published.push(p);
      for (const w of [...this.waiters]) {
        if (!w.match(p)) continue;
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve(p);
      }
    });
    // As VS Code answers: the extension's contributed defaults under what the user set.
    rpc.onRequest('workspace/configuration', (params) => (params as ConfigurationParams).items.map(() => ({ files: VSCODE_DEFAULT_FILES, ...this.settings })));
    rpc.onRequest('client/registerCapability', () => null);
  }

  static async start(options: StartOptions): Promise<LspTestClient> {
    const rpc = PlainClient.start({ command: process.execPath, args: [...(options.nodeArgs ?? []), SERVER_JS, '--stdio'], env: { ...process.env, ...options.env } });
    const client = new LspTestClient(rpc, options.root, { debounceMs: 20, ...options.settings });
    const rootUri = uri(options.root);
    await rpc.request('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: path.basename(options.root) }],
      capabilities: CAPABILITIES,
      initializationOptions: options.init ?? {},
    });
    rpc.notify('initialized', {});
    return client;
  }

  get child() {
    return this.rpc.child;
  }

  notify(method: string, params: unknown): void {
    this.rpc.notify(method, params);
  }

  onNotification<P = unknown>(method: string, listener: (params: P) => void): void {
    this.rpc.onNotification(method, listener);
  }

  open(docUri: string, text: string, languageId = 'markdown', version = 1): Promise<void> {
    this.notify('textDocument/didOpen', { textDocument: { uri: docUri, languageId, version, text } });
    return Promise.resolve();
  }

  change(docUri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    this.notify('textDocument/didChange', { textDocument: { uri: docUri, version }, contentChanges: changes });
    return Promise.resolve();
  }

  close(docUri: string): Promise<void> {
    this.notify('textDocument/didClose', { textDocument: { uri: docUri } });
    return Promise.resolve();
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
    return this.rpc.request<R>(method, params);
  }

  async dispose(): Promise<void> {
    await this.rpc.stop(DISPOSE_WAIT_MS);
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
