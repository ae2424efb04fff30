/**
 * The LSP client of the tests: plain JSON-RPC over a child process's stdio,
 * written on nothing but child_process and Content-Length framing (no
 * vscode-languageclient, no vscode-jsonrpc), so the server is driven the way a
 * foreign editor drives it. It sends requests and notifications (or raw bytes),
 * answers the server's requests with handlers the test gives (anything else:
 * MethodNotFound, as a minimal editor would), and records every message the
 * server sends, so a test can wait for one or check that none came.
 * test/lsp/harness.ts sets a session up on it as VS Code's client does.
 */
import { ChildProcess, spawn, SpawnOptions } from 'child_process';
import { performance } from 'perf_hooks';
import { HANG_GUARD_MS } from './hangGuard';

export interface RpcError {
  code: number;
  message: string;
  data?: unknown;
}

/** A request answered with an error. */
export class RpcErrorResponse extends Error {
  constructor(readonly method: string, readonly error: RpcError) {
    super(`${method}: ${error.code} ${error.message}`);
  }
}

export interface Received {
  /** When it arrived: performance.now() (monotonic, fractional ms). */
  at: number;
  message: { id?: number | string | null; method?: string; params?: unknown; result?: unknown; error?: RpcError };
}

type ServerRequestHandler = (params: unknown) => unknown;

interface Waiter {
  match: (r: Received) => boolean;
  resolve: (r: Received) => void;
}

export interface PlainClientOptions {
  command: string;
  args: string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

export class PlainClient {
  readonly received: Received[] = [];
  stderr = '';
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, { method: string; resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private readonly handlers = new Map<string, ServerRequestHandler>();
  private readonly listeners = new Map<string, ((params: unknown) => void)[]>();
  private readonly waiters = new Set<Waiter>();
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  private constructor(readonly child: ChildProcess) {
    child.stdout!.on('data', (chunk: Buffer) => this.onData(chunk));
    child.stderr!.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString('utf8')).slice(-8192);
      if (process.env.CLAUSELINT_TEST_VERBOSE) process.stderr.write(chunk);
    });
    child.stdin!.on('error', () => undefined);
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    void this.exited.then(({ code, signal }) => {
      for (const [, p] of this.pending) p.reject(new Error(`the server exited (${signal ?? `code ${code}`}): ${this.stderr.slice(-500)}`));
      this.pending.clear();
    });
  }

  static start(options: PlainClientOptions): PlainClient {
    const spawnOptions: SpawnOptions = { stdio: ['pipe', 'pipe', 'pipe'], cwd: options.cwd, env: options.env ?? process.env };
    return new PlainClient(spawn(options.command, options.args, spawnOptions));
  }

  /** Answer the server's `method` requests with `handler(params)`. */
  onRequest(method: string, handler: ServerRequestHandler): void {
    this.handlers.set(method, handler);
  }

  /** Call `listener(params)` on each notification `method` from the server, as it arrives. */
  onNotification<P = unknown>(method: string, listener: (params: P) => void): void {
    this.listeners.set(method, [...(this.listeners.get(method) ?? []), listener as (params: unknown) => void]);
  }

  /** A body framed as LSP frames it (`Content-Length` in bytes of UTF-8). */
  sendBody(body: string): void {
    const bytes = Buffer.from(body, 'utf8');
    this.sendBytes(Buffer.concat([Buffer.from(`Content-Length: ${bytes.length}\r\n\r\n`, 'ascii'), bytes]));
  }

  /** Exactly these bytes, framing and all. */
  sendBytes(bytes: Buffer): void {
    this.child.stdin!.write(bytes);
  }

  notify(method: string, params?: unknown): void {
    this.sendBody(JSON.stringify({ jsonrpc: '2.0', method, ...(params === undefined ? {} : { params }) }));
  }

  request<R = unknown>(method: string, params?: unknown, timeoutMs = HANG_GUARD_MS): Promise<R> {
    const id = this.nextId++;
    const answer = new Promise<R>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method}: no answer within ${timeoutMs} ms; stderr: ${this.stderr.slice(-500)}`));
      }, timeoutMs);
      this.pending.set(id, {
        method,
        resolve: (v) => (clearTimeout(timer), resolve(v as R)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      });
    });
    this.sendBody(JSON.stringify({ jsonrpc: '2.0', id, method, ...(params === undefined ? {} : { params }) }));
    return answer;
  }

  /** The error a request is answered with (fails when it is answered with a result). */
  async requestError(method: string, params?: unknown): Promise<RpcError> {
    try {
      const result = await this.request(method, params);
      throw new Error(`${method} was answered with a result: ${JSON.stringify(result)}`);
    } catch (err) {
      if (err instanceof RpcErrorResponse) return err.error;
      throw err;
    }
  }

  /** Notifications from the server with this method, in order of arrival. */
  notifications<P = unknown>(method: string): { at: number; params: P }[] {
    return this.received.filter((r) => r.message.method === method && r.message.id === undefined).map((r) => ({ at: r.at, params: r.message.params as P }));
  }

  /** The first message received from index `since` on that `match` accepts, waiting for it if need be. */
  waitFor(match: (r: Received) => boolean, timeoutMs = HANG_GUARD_MS, since = 0, what = 'a matching message'): Promise<Received> {
    const found = this.received.slice(since).find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        match,
        resolve: (r) => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve(r);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`no ${what} within ${timeoutMs} ms; received: ${this.received.map((r) => r.message.method ?? `response ${r.message.id}`).join(', ')}`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  /** The next notification `method` (from index `since` on) whose params `match` accepts. */
  async nextNotification<P = unknown>(method: string, match: (p: P) => boolean = () => true, timeoutMs = HANG_GUARD_MS, since = 0): Promise<P> {
    const r = await this.waitFor((x) => x.message.method === method && x.message.id === undefined && match(x.message.params as P), timeoutMs, since, method);
    return r.message.params as P;
  }

  /** Shut down as LSP says (shutdown, then exit); kill the server if it does not answer or exit within `timeoutMs` each. */
  async stop(timeoutMs = HANG_GUARD_MS): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      try {
        await this.request('shutdown', undefined, timeoutMs);
        this.notify('exit');
      } catch {
        // Already gone, or not answering: killed below.
      }
      const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
      const exit = await this.exited;
      clearTimeout(timer);
      return exit;
    }
    return this.exited;
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const length = /^Content-Length: *(\d+)$/im.exec(header);
      if (!length) throw new Error(`the server sent a header without Content-Length: ${JSON.stringify(header)}`);
      const bodyStart = headerEnd + 4;
      const bodyEnd = bodyStart + Number(length[1]);
      if (this.buffer.length < bodyEnd) return;
      const body = this.buffer.subarray(bodyStart, bodyEnd).toString('utf8');
      this.buffer = this.buffer.subarray(bodyEnd);
      this.onMessage(JSON.parse(body) as Received['message']);
    }
  }

  private onMessage(message: Received['message']): void {
    const received: Received = { at: performance.now(), message };
    this.received.push(received);
    if (message.method !== undefined && message.id !== undefined && message.id !== null) this.answerServer(message.id, message.method, message.params);
    else if (message.method === undefined && typeof message.id === 'number') this.settle(message.id, message);
    else if (message.method !== undefined) for (const listener of this.listeners.get(message.method) ?? []) listener(message.params);
    for (const w of [...this.waiters]) if (w.match(received)) w.resolve(received);
  }

  private settle(id: number, message: Received['message']): void {
    const pending = this.pending.get(id);
    if (!pending) return;
    this.pending.delete(id);
    if (message.error) pending.reject(new RpcErrorResponse(pending.method, message.error));
    else pending.resolve(message.result);
  }

  private answerServer(id: number | string, method: string, params: unknown): void {
    const handler = this.handlers.get(method);
    const reply = handler
      ? { jsonrpc: '2.0', id, result: handler(params) ?? null }
      : { jsonrpc: '2.0', id, error: { code: -32601, message: `the client does not handle ${method}` } };
    this.sendBody(JSON.stringify(reply));
  }
}
