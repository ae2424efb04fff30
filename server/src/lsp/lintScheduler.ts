/** Debounced, per-document lint runs: a new edit restarts the wait, so only the last of a burst is linted. */

export class LintScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly run: (uri: string) => Promise<void>, private readonly onError: (err: unknown) => void) {}

  schedule(uri: string, delayMs: number): void {
    this.cancel(uri);
    const timer = setTimeout(() => {
      this.timers.delete(uri);
      this.run(uri).catch(this.onError);
    }, delayMs);
    this.timers.set(uri, timer);
  }

  cancel(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
  }

  isPending(uri: string): boolean {
    return this.timers.has(uri);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
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
