/**
 * Debounced, per-document lint runs: a new edit restarts the wait, so only the
 * last of a burst is linted. `whenIdle` tells a waiter (a pull for diagnostics)
 * when a document has no wait left and its last run has finished.
 */

export class LintScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly running = new Map<string, number>();
  private readonly idleWaiters = new Map<string, (() => void)[]>();

  constructor(private readonly run: (uri: string) => Promise<void>, private readonly onError: (err: unknown) => void) {}

  schedule(uri: string, delayMs: number): void {
    this.clearTimer(uri);
    const timer = setTimeout(() => {
      this.timers.delete(uri);
      this.running.set(uri, (this.running.get(uri) ?? 0) + 1);
      this.run(uri)
        .catch(this.onError)
        .finally(() => {
          const left = (this.running.get(uri) ?? 1) - 1;
          if (left > 0) this.running.set(uri, left);
          else this.running.delete(uri);
          this.notifyIfIdle(uri);
        });
    }, delayMs);
    this.timers.set(uri, timer);
  }

  cancel(uri: string): void {
    this.clearTimer(uri);
    this.notifyIfIdle(uri);
  }

  isPending(uri: string): boolean {
    return this.timers.has(uri);
  }

  /** Resolves once `uri` has no pending wait and no run in progress (at once when it has neither). */
  whenIdle(uri: string): Promise<void> {
    if (this.isIdle(uri)) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.set(uri, [...(this.idleWaiters.get(uri) ?? []), resolve]));
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    for (const uri of [...this.idleWaiters.keys()]) this.notifyIfIdle(uri, true);
  }

  private isIdle(uri: string): boolean {
    return !this.timers.has(uri) && !this.running.has(uri);
  }

  private clearTimer(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
  }

  private notifyIfIdle(uri: string, force = false): void {
    if (!force && !this.isIdle(uri)) return;
    const waiters = this.idleWaiters.get(uri);
    this.idleWaiters.delete(uri);
    for (const resolve of waiters ?? []) resolve();
  }
}

/**
 * Resolve once messages that arrived during a synchronous lint have been
 * handled, so the caller's version check sees a newer didChange. In
 * vscode-jsonrpc a message read from the stream is decoded in one
 * setImmediate (the reader's semaphore) and handled in another (the
 * connection's queue), each queued by the previous step; our own hops are
 * queued first, hence one more hop than the chain is long.
 */
export async function afterPendingMessages(hops = 3): Promise<void> {
  for (let i = 0; i < hops; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}
