/**
 * Whether a lint run uses worker threads, how many, and how its files are cut
 * into chunks for them.
 */
import * as fs from 'fs';
import { Target } from '../targets';

/**
 * Below this much input (bytes of all files together) the default run stays in
 * one thread. Each worker costs ~450 ms from spawn to its first file (thread
 * start, loading the engine, loading and compiling the packs, while the main
 * thread checks the configs), then lints its first files 2-3x slower than warm
 * code runs (its own JIT warm-up), and two busy threads on two cores each run
 * ~25% slower than one alone. Measured with the bench's contracts on 2 cores,
 * one thread vs two workers, wall time of the whole CLI (--format json):
 *   2,000 x 2 KB (4 MB):     0.86 s vs 1.1-1.4 s
 *     200 x 50 KB (10 MB):   1.14 s vs 1.32-1.49 s
 *     300 x 50 KB (15 MB):   1.3-1.55 s vs 1.55-1.66 s
 *     400 x 50 KB (20 MB):   1.58-1.74 s vs 1.63-1.78 s
 *     500 x 50 KB (25 MB):   1.92-2.29 s vs 1.79-2.04 s
 *   1,000 x 50 KB (49 MB):   3.95-4.37 s vs 2.76-2.91 s
 * Break-even is near 20 MB; the gain grows with the input beyond it. File
 * count matters little (a file's fixed cost is ~0.25 ms), so the rule is bytes.
 */
export const PARALLEL_MIN_BYTES = 24 * 1024 * 1024;

/**
 * A chunk closes at this many files or bytes, whichever comes first: at most
 * ~50-100 ms of work, so a message per chunk costs next to nothing and the
 * last chunk leaves a worker idle only briefly. Few files are cut finer, so
 * each worker gets several chunks.
 */
const CHUNK_MAX_FILES = 16;
const CHUNK_MAX_BYTES = 1024 * 1024;
const CHUNKS_PER_WORKER = 4;

/** Bytes of each target; 0 for stdin or a file that cannot be read (reading it later reports why). */
export function targetSizes(targets: readonly Target[]): number[] {
  return targets.map((t) => {
    if (t.stdin) return 0;
    try {
      return fs.statSync(t.file).size;
    } catch {
      return 0;
    }
  });
}

/**
 * How many worker threads lint the files; 0 means all in this thread. With
 * `--jobs N` (N >= 2) the user chose: N workers, at most one per file. By
 * default, as many as CPUs (and files) when the input is large enough to pay
 * for starting them. A single worker would only add its start-up, so the least is two.
 */
export function workerCount(jobs: number | undefined, targets: readonly Target[], sizes: readonly number[], cpus: number): number {
  const files = targets.filter((t) => !t.stdin).length;
  if (jobs !== undefined) return jobs >= 2 && files >= 2 ? Math.min(jobs, files) : 0;
  const bytes = sizes.reduce((a, b) => a + b, 0);
  const count = Math.min(cpus, files);
  return count >= 2 && bytes >= PARALLEL_MIN_BYTES ? count : 0;
}

/** The indexes of the file targets (not stdin), in input order, cut into chunks. */
export function chunkTargets(targets: readonly Target[], sizes: readonly number[], workers: number): number[][] {
  const files = targets.filter((t) => !t.stdin).length;
  const maxFiles = Math.max(1, Math.min(CHUNK_MAX_FILES, Math.ceil(files / (workers * CHUNKS_PER_WORKER))));
  const chunks: number[][] = [];
  let current: number[] = [];
  let bytes = 0;
  for (const [i, t] of targets.entries()) {
    if (t.stdin) continue;
    current.push(i);
    bytes += sizes[i];
    if (current.length >= maxFiles || bytes >= CHUNK_MAX_BYTES) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
