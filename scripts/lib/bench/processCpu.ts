/** The server process's scheduler times, read from /proc (Linux) by the latency bench. */
import * as fs from 'fs';

/**
 * A /proc schedstat line, "<on-CPU ns> <run-queue wait ns> <time slices>":
 * on-CPU and waiting-for-a-CPU time in ms, or undefined when unreadable.
 */
export function parseSchedstat(line: string): { cpuMs: number; waitMs: number } | undefined {
  const [cpu, wait] = line.trim().split(/\s+/).map(Number);
  return Number.isFinite(cpu) && Number.isFinite(wait) ? { cpuMs: cpu / 1e6, waitMs: wait / 1e6 } : undefined;
}

/** A process's scheduler times from /proc (Linux), in ms. */
export interface CpuReading {
  /** On-CPU time of the main (JavaScript) thread. */
  mainMs: number;
  /** Time the main thread was runnable but waited for a CPU (other processes had them). */
  mainWaitMs: number;
  /** On-CPU time of all threads (GC helpers, libuv pool included). */
  allMs: number;
}

export function readProcessCpu(pid: number): CpuReading | undefined {
  try {
    const main = parseSchedstat(fs.readFileSync(`/proc/${pid}/schedstat`, 'utf8'));
    if (!main) return undefined;
    let allMs = 0;
    for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
      try {
        allMs += parseSchedstat(fs.readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8'))?.cpuMs ?? 0;
      } catch {
        // The thread ended between the listing and the read.
      }
    }
    return { mainMs: main.cpuMs, mainWaitMs: main.waitMs, allMs };
  } catch {
    return undefined;
  }
}
