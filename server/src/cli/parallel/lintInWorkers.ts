/**
 * Linting a run's files in worker threads. The main thread hands out chunks of
 * files, lints standard input itself (only it can read stdin), and keeps every
 * file's outcome in its input slot; each file's stderr output is printed as
 * soon as all the files before it are done, so output comes in input order and
 * the report assembled afterwards is the one a single-threaded run builds.
 *
 * A worker that throws on a file or dies fails the files it held: each gets an
 * error line, and the run exits 2. If every worker is gone, the files nobody
 * took are linted in this thread.
 */
import * as fs from 'fs';
import * as path from 'path';
import { RuleSpec } from '../../engine/types';
import { ConfigLoader } from '../../packs/config';
import { Io, recordingIo, replay, Write } from '../io';
import { lintTarget, TargetResult, TargetSettings } from '../lintTarget';
import { Target } from '../targets';
import { internalFailure, LintWorkerData, WorkerFileResult } from './lintProtocol';
import { WorkerPool } from './workerPool';

export type LintPool = WorkerPool<Target, WorkerFileResult>;

/** Beside this module in the build (out/server/src/cli/parallel/lintWorker.js), wherever the package is installed. */
const LINT_WORKER_SCRIPT = path.join(__dirname, 'lintWorker.js');

/** Whether the worker script is there to start (it is not when this module runs from TypeScript sources or a bundle). */
export function lintWorkersAvailable(): boolean {
  return path.extname(__filename) === '.js' && fs.existsSync(LINT_WORKER_SCRIPT);
}

export function startLintPool(data: LintWorkerData, count: number): LintPool {
  return new WorkerPool<Target, WorkerFileResult>(LINT_WORKER_SCRIPT, data, count);
}

export async function lintInWorkers(
  pool: LintPool,
  targets: readonly Target[],
  chunks: readonly number[][],
  loader: ConfigLoader,
  settings: TargetSettings,
  io: Io,
): Promise<TargetResult[]> {
  const results: (TargetResult | undefined)[] = new Array(targets.length).fill(undefined);
  const pendingWrites: Write[][] = new Array(targets.length);
  let printed = 0;
  const settle = (i: number, result: TargetResult, writes: Write[]) => {
    results[i] = result;
    pendingWrites[i] = writes;
    for (; printed < targets.length && results[printed]; printed++) {
      replay(pendingWrites[printed], io);
      pendingWrites[printed] = [];
    }
  };
  const inThisThread = async (i: number) => {
    const { io: recording, writes } = recordingIo(io);
    settle(i, await lintTarget(targets[i], loader, settings, recording), writes);
  };

  // Each worker numbers its rule lists; the list comes with the first file that uses it.
  const rulesByWorker = new Map<number, Map<number, RuleSpec[]>>();
  const rulesOf = (worker: number, r: WorkerFileResult): RuleSpec[] | undefined => {
    if (r.rulesKey === undefined) return undefined;
    let known = rulesByWorker.get(worker);
    if (!known) rulesByWorker.set(worker, (known = new Map()));
    if (r.rules) known.set(r.rulesKey, r.rules);
    return known.get(r.rulesKey);
  };

  const inWorkers = pool.run(chunks.map((chunk) => chunk.map((i) => targets[i])), {
    onResults(chunk, chunkResults, worker) {
      chunks[chunk].forEach((i, k) => {
        const r = chunkResults[k];
        settle(i, { failed: r.failed, file: r.file, rules: rulesOf(worker, r) }, r.writes);
      });
    },
    onChunkFailed(chunk, reason) {
      for (const i of chunks[chunk]) settle(i, { failed: true }, [{ stream: 'stderr', text: internalFailure(targets[i].shown, reason) }]);
    },
    onWorkerLost(reason) {
      io.stderr(`clauselint: warning: a worker thread stopped: ${reason}; the other threads lint its share\n`);
    },
  });
  const stdin = targets.flatMap((t, i) => (t.stdin ? [i] : []));
  const [unstarted] = await Promise.all([inWorkers, Promise.all(stdin.map(inThisThread))]);
  for (const chunk of unstarted) for (const i of chunks[chunk]) await inThisThread(i);
  return results.map((r) => r!);
}
