/** The performance targets of issue 5 (and the aims of issue 2), and whether a bench run meets them. */
import { mbPerSecond, MB } from '../stats';
import { BenchResults, SizeResult } from './results';

export type TargetStatus = 'met' | 'missed' | 'not measured';

export interface TargetRow {
  what: string;
  source: string;
  wanted: string;
  measured: string;
  status: TargetStatus;
}

/** The size row closest to `bytes`. */
function sizeNear(r: BenchResults, bytes: number): SizeResult | undefined {
  return [...r.sizes].sort((a, b) => Math.abs(a.bytes - bytes) - Math.abs(b.bytes - bytes))[0];
}

function row(what: string, source: string, wanted: string, value: number | undefined, unit: string, ok: (v: number) => boolean, digits = 0): TargetRow {
  if (value === undefined || !Number.isFinite(value)) return { what, source, wanted, measured: '-', status: 'not measured' };
  return { what, source, wanted, measured: `${value.toFixed(digits)} ${unit}`, status: ok(value) ? 'met' : 'missed' };
}

export function evaluateTargets(r: BenchResults): TargetRow[] {
  const big = sizeNear(r, 10 * MB);
  const oneMb = sizeNear(r, MB);
  const engineMbps = big ? mbPerSecond(big.bytes, big.engine.medianMs) : undefined;
  const scanMbps = mbPerSecond(r.profile.bytes, r.profile.scan);
  const mem = (p?: { maxRssBytes: number }) => (p ? p.maxRssBytes / MB : undefined);
  return [
    row(`engine warm, ${big?.label ?? '10 MB'}`, 'issue 5', '>= 100 MB/s', engineMbps, 'MB/s', (v) => v >= 100, 1),
    row(`CLI whole process, ${big?.label ?? '10 MB'}`, 'issue 5', '<= 250 ms', big?.cli?.medianMs, 'ms', (v) => v <= 250),
    row(`CLI, ${r.batch?.files ?? 1000} contracts of ~50 KB`, 'issue 5', '<= 3000 ms', r.batch?.medianMs, 'ms', (v) => v <= 3000),
    row(`peak memory, engine child, ${r.memory.label}`, 'issue 5', '<= 150 MB', mem(r.memory.engine), 'MB', (v) => v <= 150),
    row(`peak memory, CLI process, ${r.memory.label}`, 'issue 5', '<= 150 MB', mem(r.memory.cli), 'MB', (v) => v <= 150),
    row(`engine warm full lint, ${oneMb?.label ?? '1 MB'}`, 'issue 2', '<= 100 ms', oneMb?.engine.medianMs, 'ms', (v) => v <= 100, 1),
    row(`phrase scan alone, ${r.profile.label}`, 'issue 2', '>= 100 MB/s', scanMbps, 'MB/s', (v) => v >= 100, 1),
  ];
}
