/**
 * How many cases property tests run, and with which seed: a fixed-seed sample in
 * `npm test`; `npm run fuzz` sets CLAUSELINT_FUZZ_RUNS (100,000) and a fresh seed.
 * Under `npm run fuzz` each property's cases are timed, and the figures (cases,
 * slowest case, the process's peak memory) are printed at the end.
 */
import { performance } from 'perf_hooks';

export const FUZZ_RUNS = Number(process.env.CLAUSELINT_FUZZ_RUNS ?? 300);
export const FUZZ_SEED = process.env.CLAUSELINT_FUZZ_SEED ? Number(process.env.CLAUSELINT_FUZZ_SEED) : 20261123;

interface Figures {
  cases: number;
  maxMs: number;
}

const figures = new Map<string, Figures>();

function figuresOf(name: string): Figures {
  let f = figures.get(name);
  if (!f) figures.set(name, (f = { cases: 0, maxMs: 0 }));
  return f;
}

/** `predicate` with each call counted and timed under `name` (failures and shrinking included). */
export function measured<A extends unknown[]>(name: string, predicate: (...args: A) => void): (...args: A) => void {
  const into = figuresOf(name);
  return (...args: A) => {
    const start = performance.now();
    try {
      predicate(...args);
    } finally {
      into.cases++;
      into.maxMs = Math.max(into.maxMs, performance.now() - start);
    }
  };
}

/** `measured` for an async predicate. */
export function measuredAsync<A extends unknown[]>(name: string, predicate: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  const into = figuresOf(name);
  return async (...args: A) => {
    const start = performance.now();
    try {
      await predicate(...args);
    } finally {
      into.cases++;
      into.maxMs = Math.max(into.maxMs, performance.now() - start);
    }
  };
}

export function fuzzFigures(): string {
  const rows = [...figures].map(([name, f]) => `  ${name}: ${f.cases.toLocaleString('en-US')} cases, slowest ${f.maxMs.toFixed(1)} ms`);
  const peakMb = process.resourceUsage().maxRSS / 1024;
  return `fuzz figures (seed ${FUZZ_SEED}):\n${rows.join('\n')}\n  peak RSS of the process: ${peakMb.toFixed(0)} MB\n`;
}

if (process.env.CLAUSELINT_FUZZ_RUNS !== undefined && typeof after === 'function') {
  after(() => void process.stdout.write(`\n${fuzzFigures()}`));
}
