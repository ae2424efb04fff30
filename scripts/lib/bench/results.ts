/** What one bench run measured (also its --json output). */
import { PhaseProfile } from './engineBench';
import { LspLatencyResult } from './lspLatency';
import { PeakMemory } from './peakMemory';
import { PlainClientLatencyResult } from './plainClientLatency';

export interface Timing {
  runsMs: number[];
  medianMs: number;
}

export interface SizeResult {
  label: string;
  bytes: number;
  engine: Timing & { findings: number };
  /** Undefined when the CLI could not be run; see `cliError`. */
  cli?: Timing;
}

export interface BenchResults {
  environment: { node: string; platform: string; cpus: number; cpuModel: string; loadAverage: number };
  quick: boolean;
  /** Only the editor-latency case ran (--lsp-only): no engine, CLI or memory figures. */
  lspOnly?: boolean;
  /** Only the folder case ran (--folder-only): no engine, single-file CLI, memory or editor figures. */
  folderOnly?: boolean;
  sizes: SizeResult[];
  /** Undefined with --lsp-only. */
  profile?: PhaseProfile & { label: string; bytes: number };
  /** The CLI on a folder with its default --jobs (worker threads), and the same folder with --jobs 1 for comparison. */
  batch?: Timing & { files: number; bytes: number; oneThread?: Timing };
  /** The fixed cost of a CLI run: the whole process on a tiny file, beside node's own start. */
  cliStart?: { bytes: number; tiny: Timing; node: Timing };
  /** Undefined with --lsp-only. */
  memory?: { engine?: PeakMemory; cli?: PeakMemory; label: string };
  /** Keystroke to diagnostics over LSP (issue 3), or why it could not be measured. */
  lsp?: LspLatencyResult;
  lspError?: string;
  /** The same through a plain JSON-RPC client with no folders and null settings (issue 11), or why it could not be measured. */
  plainLsp?: PlainClientLatencyResult;
  plainLspError?: string;
  /** Why CLI figures are missing, if they are. */
  cliError?: string;
  memoryError?: string;
}
