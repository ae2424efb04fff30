/**
 * The lint worker thread: builds its own config loader from the main thread's
 * request, loads the configs while it waits, then lints the files it is
 * handed with the same per-target step as the main thread, keeping each
 * file's output for the main thread to print in input order.
 */
import { workerData } from 'worker_threads';
import { RuleSpec } from '../../engine/types';
import { loaderFor } from '../runConfig';
import { recordingIo, workerIo } from '../io';
import { lintTarget } from '../lintTarget';
import { Target } from '../targets';
import { internalFailure, LintWorkerData, WorkerFileResult } from './lintProtocol';
import { serveChunks } from './workerPool';

const data = workerData as LintWorkerData;
const loader = loaderFor(data.request);
// Problems in the configs are the main thread's to report (it checked them before any work was sent).
if (data.warmPath) loader.rulesFor(data.warmPath);
const baseIo = workerIo(data.cwd, process.env);
const ruleKeys = new Map<RuleSpec[], number>();

async function lintOne(target: Target): Promise<WorkerFileResult> {
  const { io, writes } = recordingIo(baseIo);
  try {
    const result = await lintTarget(target, loader, data.settings, io);
    if (!result.rules) return { writes, failed: result.failed, file: result.file };
    let rulesKey = ruleKeys.get(result.rules);
    const firstUse = rulesKey === undefined;
    if (rulesKey === undefined) ruleKeys.set(result.rules, (rulesKey = ruleKeys.size));
    return { writes, failed: result.failed, file: result.file, rulesKey, ...(firstUse ? { rules: result.rules } : {}) };
  } catch (err) {
    // One file's fault stops that file only; the main thread reports it and exits non-zero.
    const e = err as Error;
    writes.push({ stream: 'stderr', text: internalFailure(target.shown, process.env.CLAUSELINT_DEBUG ? String(e.stack) : e.message) });
    return { writes, failed: true };
  }
}

serveChunks<Target, WorkerFileResult>(async (targets) => {
  const results: WorkerFileResult[] = [];
  for (const target of targets) results.push(await lintOne(target));
  return results;
});
