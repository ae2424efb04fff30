/**
 * A small pool of worker threads that work through a list of chunks: each
 * worker is handed one chunk at a time, and the next one when it returns its
 * results, so faster workers take more (dynamic load balancing). Chunks go out
 * in list order. A worker that throws on a chunk fails that chunk only; one
 * that dies fails the chunk it held and takes no more. Nothing waits on a dead
 * worker: when every worker is gone, `run` resolves with the chunks nobody took.
 *
 * The worker side is `serveChunks`, called by the worker script once it is set up.
 */
import { parentPort, Worker } from 'worker_threads';

interface ChunkMessage<T> {
  chunk: number;
  tasks: T[];
}

type WorkerMessage<R> = { ready: true } | { chunk: number; results: R[] } | { chunk: number; error: string };

export interface PoolHandlers<R> {
  /** `worker` numbers the workers from 0, e.g. to keep per-worker state. */
  onResults(chunk: number, results: R[], worker: number): void;
  /** The worker threw while working on the chunk, or stopped while holding it. */
  onChunkFailed(chunk: number, reason: string): void;
  /** A worker stopped while holding no chunk, e.g. it failed to start. */
  onWorkerLost(reason: string): void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  dead: boolean;
  /** The chunk it is working on. */
  holding?: number;
  /** The last error it reported, to say why it stopped. */
  error?: string;
}

export class WorkerPool<T, R> {
  private readonly slots: Slot[];
  private closing = false;
  /** Why workers stopped before `run` gave them work, reported when it starts. */
  private readonly lostEarly: string[] = [];
  private job?: { chunks: T[][]; next: number; pending: number; handlers: PoolHandlers<R>; done: (unstarted: number[]) => void };

  /** Starts `count` workers at once, so they load while the caller prepares their work. */
  constructor(script: string, workerData: unknown, count: number) {
    this.slots = [];
    for (let i = 0; i < count; i++) this.slots.push(this.spawn(script, workerData, i));
  }

  /** Resolves when every chunk has results or has failed; with the chunks no worker was left to take (in order). */
  run(chunks: T[][], handlers: PoolHandlers<R>): Promise<number[]> {
    if (this.job) throw new Error('the pool is already running');
    return new Promise((resolve) => {
      this.job = { chunks, next: 0, pending: chunks.length, handlers, done: resolve };
      for (const reason of this.lostEarly.splice(0)) handlers.onWorkerLost(reason);
      for (const slot of this.slots) this.dispatch(slot);
      this.settleIfDone();
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private spawn(script: string, workerData: unknown, index: number): Slot {
    const worker = new Worker(script, { workerData });
    const slot: Slot = { worker, ready: false, dead: false };
    worker.on('message', (msg: WorkerMessage<R>) => this.onMessage(slot, index, msg));
    worker.on('error', (err) => {
      slot.error = err instanceof Error ? err.message : String(err);
    });
    worker.on('messageerror', (err) => {
      // A result that cannot be read is as good as a crash: stop the worker, which fails its chunk.
      slot.error = `a message from the worker could not be read (${err.message})`;
      void worker.terminate();
    });
    worker.on('exit', (code) => this.onExit(slot, code));
    return slot;
  }

  private onMessage(slot: Slot, index: number, msg: WorkerMessage<R>): void {
    if ('ready' in msg) {
      slot.ready = true;
    } else if (msg.chunk === slot.holding && this.job) {
      slot.holding = undefined;
      this.job.pending--;
      if ('error' in msg) this.job.handlers.onChunkFailed(msg.chunk, msg.error);
      else this.job.handlers.onResults(msg.chunk, msg.results, index);
    }
    this.dispatch(slot);
    this.settleIfDone();
  }

  private onExit(slot: Slot, code: number): void {
    slot.dead = true;
    if (this.closing) return;
    const reason = slot.error ?? `the worker thread exited with code ${code}`;
    const held = slot.holding;
    slot.holding = undefined;
    if (held !== undefined && this.job) {
      this.job.pending--;
      this.job.handlers.onChunkFailed(held, reason);
    } else if (this.job) {
      this.job.handlers.onWorkerLost(reason);
    } else {
      this.lostEarly.push(reason);
    }
    this.settleIfDone();
  }

  private dispatch(slot: Slot): void {
    const job = this.job;
    if (!job || slot.dead || !slot.ready || slot.holding !== undefined || job.next >= job.chunks.length) return;
    const chunk = job.next++;
    slot.holding = chunk;
    const message: ChunkMessage<T> = { chunk, tasks: job.chunks[chunk] };
    slot.worker.postMessage(message);
  }

  private settleIfDone(): void {
    const job = this.job;
    if (!job) return;
    // A dead worker holds nothing, so with every worker dead only chunks nobody took are pending.
    if (job.pending > 0 && !this.slots.every((s) => s.dead)) return;
    this.job = undefined;
    const unstarted: number[] = [];
    for (let c = job.next; c < job.chunks.length; c++) unstarted.push(c);
    job.done(unstarted);
  }
}

/** The worker's side: announce readiness, then answer each chunk with its results (or the error it threw). */
export function serveChunks<T, R>(handle: (tasks: T[]) => Promise<R[]>): void {
  const port = parentPort;
  if (!port) throw new Error('serveChunks runs in a worker thread');
  port.on('message', (msg: ChunkMessage<T>) => {
    handle(msg.tasks).then(
      (results) => port.postMessage({ chunk: msg.chunk, results }),
      (err: unknown) => port.postMessage({ chunk: msg.chunk, error: err instanceof Error ? err.message : String(err) }),
    );
  });
  port.postMessage({ ready: true });
}
