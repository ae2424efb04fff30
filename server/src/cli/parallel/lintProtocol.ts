/** What the main thread and the lint worker threads tell each other: plain data only (it is copied between threads). */
import { LoaderRequest } from '../runConfig';
import { RuleSpec } from '../../engine/types';
import { Write } from '../io';
import { ReportFile } from '../../io/report';
import { TargetSettings } from '../lintTarget';

export interface LintWorkerData {
  /** The main thread's loader request (--config, --pack, --pack-root), already resolved: each worker builds the same loader. */
  request: LoaderRequest;
  settings: TargetSettings;
  cwd: string;
  /** A file whose config the worker loads while it waits for work. */
  warmPath?: string;
}

/** One file's outcome, as `lintTarget` gives it, with the output it printed kept for the main thread to print in order. */
export interface WorkerFileResult {
  writes: Write[];
  failed: boolean;
  file?: ReportFile;
  /**
   * Which rule list the file was linted with, numbered by this worker; the
   * list itself is sent with the first file that uses it (most runs have one),
   * not with every file.
   */
  rulesKey?: number;
  rules?: RuleSpec[];
}

/** The line a file gets when it could not be linted because of a fault of ours, not of the file. */
export function internalFailure(shown: string, reason: string): string {
  return `clauselint: cannot lint ${shown}: internal error in a worker thread: ${reason}\n`;
}
