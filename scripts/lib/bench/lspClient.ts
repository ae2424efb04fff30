/**
 * The benches' LSP client: starts a built language server over stdio and
 * speaks LSP to it through vscode-languageserver-protocol (the library VS
 * Code's own client is built on), as an editor would.
 */
import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
import {
  ClientCapabilities,
  ConfigurationRequest,
  createProtocolConnection,
  ExitNotification,
  ProtocolConnection,
  PublishDiagnosticsNotification,
  PublishDiagnosticsParams,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { REPO_ROOT } from '../corpus';

/** The tsc build by default; CLAUSELINT_SERVER_JS=dist/server.js measures the bundle (as the LSP tests do). */
export function serverScript(): string {
  return path.resolve(REPO_ROOT, process.env.CLAUSELINT_SERVER_JS ?? path.join('out', 'server', 'src', 'server.js'));
}

/** The debounce the server applies when settings do not set one: the extension's contributed default. */
export function defaultDebounceMs(): number {
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  return manifest.contributes.configuration.properties['clauselint.debounceMs'].default as number;
}

export const CAPABILITIES: ClientCapabilities = {
  workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: false } },
  textDocument: {
    synchronization: { didSave: true },
    publishDiagnostics: { versionSupport: true, relatedInformation: true, codeDescriptionSupport: true },
  },
};

interface Waiter {
  match: (p: PublishDiagnosticsParams) => boolean;
  resolve: (p: PublishDiagnosticsParams, at: number) => void;
  reject: (err: Error) => void;
}

/**
 * A minimal LSP client: answers
 * workspace/configuration from `settings` and lets the bench wait for a
 * publishDiagnostics, with its arrival time. Every wait ends: on its match, on
 * its timeout, when the server exits, or when the client is disposed.
 */
export class BenchClient {
  private readonly waiters = new Set<Waiter>();
  /** What workspace/configuration is answered with, per item (null: as an editor with no settings for us). */
  settings: unknown = {};
  stderr = '';
  private exited = false;
  /** If the bench exits without disposing (an uncaught error), the server goes too. */
  private readonly killOnExit = () => {
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  };

  constructor(readonly child: ChildProcess, readonly connection: ProtocolConnection) {
    child.stderr!.on('data', (d: Buffer) => (this.stderr = (this.stderr + d.toString('utf8')).slice(-4096)));
    child.once('exit', () => (this.exited = true));
    // 'close' comes after the server's stderr is read to the end, so its last words are in the message.
    child.once('close', (code, signal) => this.rejectAll(new Error(`the server exited (${signal ?? `code ${code}`}): ${this.stderr.trim().slice(-500)}`)));
    process.once('exit', this.killOnExit);
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      const at = performance.now();
      for (const w of [...this.waiters]) if (w.match(p)) w.resolve(p, at);
    });
    connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => this.settings));
    for (const method of ['client/registerCapability', 'client/unregisterCapability', 'window/workDoneProgress/create', 'workspace/codeLens/refresh', 'window/showMessageRequest']) {
      connection.onRequest(method, () => null);
    }
    // The server's errors (and its console.error, which vscode-languageserver forwards) arrive as log messages.
    connection.onNotification('window/logMessage', (m: { type: number; message: string }) => {
      if (m.type === 1) this.stderr = `${this.stderr}${m.message}\n`.slice(-4096);
    });
    for (const method of ['window/showMessage', 'telemetry/event', '$/progress']) connection.onNotification(method, () => undefined);
    connection.listen();
  }

  private rejectAll(err: Error): void {
    for (const w of [...this.waiters]) w.reject(err);
  }

  /**
   * The next publish matching `match`, with its arrival time (performance.now).
   * The promise is marked handled, so one abandoned by a failure elsewhere
   * cannot crash the bench; await it to see its error.
   */
  next(match: (p: PublishDiagnosticsParams) => boolean, timeoutMs: number): Promise<{ params: PublishDiagnosticsParams; at: number }> {
    const promise = new Promise<{ params: PublishDiagnosticsParams; at: number }>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
      };
      const waiter: Waiter = {
        match,
        resolve: (params, at) => (done(), resolve({ params, at })),
        reject: (err) => (done(), reject(err)),
      };
      const timer = setTimeout(() => waiter.reject(new Error(`no matching diagnostics within ${timeoutMs} ms`)), timeoutMs);
      if (this.exited) waiter.reject(new Error(`the server is not running: ${this.stderr.trim().slice(-500)}`));
      else this.waiters.add(waiter);
    });
    promise.catch(() => undefined);
    return promise;
  }

  /** `promise`, or a rejection when the server exits or `timeoutMs` passes first. */
  guard<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
    let onExit: () => void = () => undefined;
    let timer: NodeJS.Timeout | undefined;
    const failure = new Promise<never>((_, reject) => {
      onExit = () => reject(new Error(`the server exited during ${what}: ${this.stderr.trim().slice(-500)}`));
      if (this.exited) onExit();
      else this.child.once('close', onExit);
      timer = setTimeout(() => reject(new Error(`${what}: no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    return Promise.race([promise, failure]).finally(() => {
      clearTimeout(timer);
      this.child.off('close', onExit);
    });
  }

  async dispose(): Promise<void> {
    try {
      if (!this.exited) {
        await Promise.race([this.connection.sendRequest(ShutdownRequest.type), delay(2000)]);
        await this.connection.sendNotification(ExitNotification.type);
      }
    } catch {
      // The server may already be gone.
    }
    if (!this.exited) {
      // --cpu-prof writes the profile while the process exits: give it time before killing.
      const exited = new Promise((r) => this.child.once('exit', r));
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    this.rejectAll(new Error('the client was disposed'));
    this.connection.dispose();
    process.off('exit', this.killOnExit);
  }
}

export const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Start `script` (the tsc build's server by default) under node with `nodeOptions`, in folder `cwd`. */
export function startServer(nodeOptions: string[], script = serverScript(), cwd?: string): BenchClient {
  const child = spawn(process.execPath, [...nodeOptions, script, '--stdio'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  // A server that dies is reported by the waits; an EPIPE on its stdin must not crash the bench.
  child.stdin!.on('error', () => undefined);
  child.on('error', () => undefined);
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  connection.onError(() => undefined);
  return new BenchClient(child, connection);
}
