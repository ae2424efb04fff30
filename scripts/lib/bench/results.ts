/** What one bench run measured (also its --json output). */
import { PhaseProfile } from './engineBench';
import { Distribution } from '../stats';
import { ProfileSummary } from './cpuProfile';
import { EditKind } from './editPlans';
import { InProcessPhases } from './keystrokePhases';
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

export interface LatencySeries {
  debounceMs: number;
  /** Edits before the measured ones (JIT warm-up), not counted. */
  warmups: number;
  edits: number;
  perKind: Record<EditKind, number>;
  /** didChange written -> publishDiagnostics of that version received, per edit. */
  latencyMs: Distribution;
  samplesMs: number[];
  /** Latency minus the debounce: the server's part after the timer fired, plus the pipe. */
  afterDebounceMs: Distribution;
  /** The server's on-CPU ms per edit (from one edit to the next), when /proc is readable. */
  serverCpuMainMs?: Distribution;
  serverCpuAllMs?: Distribution;
  /** The server's main thread runnable but waiting for a CPU, per edit: the machine's load, not our work. */
  serverWaitMs?: Distribution;
  diagnostics: { min: number; max: number };
  /** JSON size of the published diagnostics (median). */
  payloadBytes: number;
}

export interface LspLatencyResult {
  serverJs: string;
  file: string;
  languageId: string;
  bytes: number;
  lines: number;
  /** didOpen -> first diagnostics (a cold full lint: packs load and compile). */
  openMs: number;
  firstDiagnostics: number;
  /** Median round trip of a request the server answers at once (method not found): the pipe both ways. */
  transportFloorMs: number;
  series: LatencySeries[];
  /**
   * The last published diagnostics equal those of an in-process lint of the
   * bench's own copy of the text after all edits: the server saw the edits the
   * bench meant to send. Undefined when not checked.
   */
  inSync?: boolean;
  cpuSource?: string;
  inProcess?: InProcessPhases;
  cpuProfile?: { file: string; summary: ProfileSummary; lints: number };
  cpuProfileError?: string;
}

export interface LspPlan {
  bytes: number;
  edits: number;
  warmups: number;
  /** Pause after each publish before the next edit, so trailing work (GC) lands in its edit's CPU. */
  pauseMs: number;
  seed: number;
  inProcessRuns: number;
  /** Profile the server process (node --cpu-prof) and keep the profile in this folder. */
  cpuProfDir?: string;
}
