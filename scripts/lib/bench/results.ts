/** What one bench run measured (also its --json output). */
import { PhaseProfile } from './engineBench';
import { PeakMemory } from './peakMemory';

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
  sizes: SizeResult[];
  profile: PhaseProfile & { label: string; bytes: number };
  batch?: Timing & { files: number; bytes: number };
  memory: { engine?: PeakMemory; cli?: PeakMemory; label: string };
  /** Why CLI figures are missing, if they are. */
  cliError?: string;
  memoryError?: string;
}
