/** Time a synchronous function: warm-up calls first, then one wall-clock figure per run. */
import { performance } from 'perf_hooks';

export function timeRuns(fn: () => unknown, runs: number, warmups: number): number[] {
  for (let k = 0; k < warmups; k++) fn();
  const out: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now();
    fn();
    out.push(performance.now() - t0);
  }
  return out;
}
