/** The bench's printed tables. */
import { formatBytes, formatMs, mbPerSecond } from '../stats';
import { renderTable } from '../textTable';
import { BenchResults } from './results';
import { TargetRow } from './targets';

const mbps = (bytes: number, ms: number | undefined) => (ms === undefined ? '-' : mbPerSecond(bytes, ms).toFixed(1));

export function renderBench(r: BenchResults, targets: TargetRow[]): string {
  const env = r.environment;
  const out: string[] = [
    `ClauseLint bench${r.quick ? ' (--quick)' : ''}: node ${env.node}, ${env.platform}, ${env.cpus} CPUs (${env.cpuModel}), load average ${env.loadAverage.toFixed(1)} before the run`,
    '',
  ];

  out.push('Throughput (median of runs; 1 MB = 10^6 bytes)');
  out.push(
    renderTable(
      ['input', 'bytes', 'engine ms', 'engine MB/s', 'runs', 'findings', 'CLI ms', 'CLI MB/s', 'runs', 'CLI - engine ms'],
      r.sizes.map((s) => [
        s.label,
        String(s.bytes),
        formatMs(s.engine.medianMs),
        mbps(s.bytes, s.engine.medianMs),
        String(s.engine.runsMs.length),
        String(s.engine.findings),
        s.cli ? formatMs(s.cli.medianMs) : '-',
        mbps(s.bytes, s.cli?.medianMs),
        s.cli ? String(s.cli.runsMs.length) : '-',
        s.cli ? formatMs(s.cli.medianMs - s.engine.medianMs) : '-',
      ]),
      ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
    ),
  );
  out.push('CLI - engine: what the CLI process adds (node start-up, loading the pack, reading the file, JSON output).');
  if (r.cliError) out.push(`CLI not measured: ${r.cliError}`);

  const p = r.profile;
  out.push('', `Engine profile, ${p.label} (median ms per phase)`);
  const phases: [string, number][] = [
    ['normalise', p.normalise],
    ['structure (lines, sections, sentences, definitions, references)', p.structure],
    ['scan (all term sets)', p.scan],
    ['rules + coverage (lint minus scan)', p.rules],
  ];
  const sum = phases.reduce((a, [, ms]) => a + ms, 0);
  out.push(
    renderTable(
      ['phase', 'ms', 'share', 'MB/s'],
      [
        ...phases.map(([name, ms]) => [name, formatMs(ms), `${((100 * ms) / sum).toFixed(0)}%`, mbps(p.bytes, ms)]),
        ['sum of phases', formatMs(sum), '100%', mbps(p.bytes, sum)],
        ['parse + lint, timed whole', formatMs(p.total), '', mbps(p.bytes, p.total)],
      ],
      ['left', 'right', 'right', 'right'],
    ),
  );

  out.push('', 'Batch and memory');
  const batch = r.batch ? `${formatMs(r.batch.medianMs)} ms for ${r.batch.files} files, ${formatBytes(r.batch.bytes)} (${mbps(r.batch.bytes, r.batch.medianMs)} MB/s, ${r.batch.runsMs.length} run(s))` : 'not measured';
  out.push(`  CLI on a folder: ${batch}`);
  const mem = (m?: { maxRssBytes: number; method: string }) => (m ? `${formatBytes(m.maxRssBytes)} (${m.method})` : 'not measured');
  out.push(`  peak memory, ${r.memory.label}: engine child ${mem(r.memory.engine)}; CLI process ${mem(r.memory.cli)}`);
  if (r.memoryError) out.push(`  memory run failed: ${r.memoryError}`);

  out.push('', 'Targets');
  out.push(
    renderTable(
      ['figure', 'source', 'target', 'measured', 'status'],
      targets.map((t) => [t.what, t.source, t.wanted, t.measured, t.status === 'missed' ? 'MISSED' : t.status]),
      ['left', 'left', 'left', 'right', 'left'],
    ),
  );
  out.push('  Not measured here: editor keystroke latency (issue 5, <= 5 ms on 1 MB), which needs the incremental path.');
  return out.join('\n');
}
