/**
 * Whether a lint run uses worker threads, how many, and how its files are cut
 * into chunks for them.
 */
import * as fs from 'fs';
import { Target } from '../targets';

/**
 * Below this much input (bytes of all files together) the default run stays in
 * one thread. A worker costs ~200 ms before its first file (thread start,
 * loading the engine, loading and compiling the packs), while the main thread
 * has the packs loaded already.
 */
export const PARALLEL_MIN_BYTES = 2 * 1024 * 1024;

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
