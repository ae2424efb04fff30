/** The bench's printed tables. */
import { formatBytes, formatMs, mbPerSecond } from '../stats';
import { renderTable } from '../textTable';
import { PROFILE_CATEGORIES } from './cpuProfile';
import { LspLatencyResult } from './lspLatency';
import { PlainClientLatencyResult } from './plainClientLatency';
import { BenchResults } from './results';
import { TargetRow } from './targets';

const mbps = (bytes: number, ms: number | undefined) => (ms === undefined ? '-' : mbPerSecond(bytes, ms).toFixed(1));

export function renderBench(r: BenchResults, targets: TargetRow[]): string {
  const env = r.environment;
  const out: string[] = [
    `ClauseLint bench${r.quick ? ' (--quick)' : ''}${r.lspOnly ? ' (--lsp-only)' : ''}: node ${env.node}, ${env.platform}, ${env.cpus} CPUs (${env.cpuModel}), load average ${env.loadAverage.toFixed(1)} before the run`,
    '',
  ];
  if (r.folderOnly) out.push(batchLine(r), '');
  else if (!r.lspOnly) out.push(...renderEngine(r), '');
  if (r.lsp) out.push(...renderLsp(r.lsp), '');
  else if (r.lspError) out.push(`Editor latency over LSP: not measured: ${r.lspError}`, '');
  if (r.plainLsp) out.push(...renderPlainLsp(r.plainLsp), '');
  else if (r.plainLspError) out.push(`Editor latency through a plain LSP client: not measured: ${r.plainLspError}`, '');

  out.push('Targets');
  out.push(
    renderTable(
      ['figure', 'source', 'target', 'measured', 'status'],
      targets.map((t) => [t.what, t.source, t.wanted, t.measured, t.status === 'missed' ? 'MISSED' : t.status]),
      ['left', 'left', 'left', 'right', 'left'],
    ),
  );
  return out.join('\n');
}

function renderEngine(r: BenchResults): string[] {
  const out: string[] = [];
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
  if (r.cliStart) {
    const { bytes, tiny, node } = r.cliStart;
    out.push(`CLI start on a tiny file (${bytes} bytes), whole process: ${formatMs(tiny.medianMs)} ms (median of ${tiny.runsMs.length}); node alone (node -e 0): ${formatMs(node.medianMs)} ms.`);
    out.push('  The fixed cost in every CLI figure above: node start-up, loading the CLI, loading and compiling the packs.');
  }
  if (r.cliError) out.push(`CLI not measured: ${r.cliError}`);

  const p = r.profile;
  if (p) {
    out.push('', `Engine profile, ${p.label} (median ms per phase)`);
    const phases: [string, number][] = [
      ['normalise', p.normalise],
      ['structure (lines, sections, sentences, definitions, references)', p.structure],
      ['scan (all term sets)', p.scan],
      ['rules + coverage (parse + lint minus parse and scan)', p.rules],
    ];
    const sum = phases.reduce((a, [, ms]) => a + ms, 0);
    out.push(
      renderTable(
        ['phase', 'ms', 'share', 'MB/s'],
        [
          ...phases.map(([name, ms]) => [name, formatMs(ms), `${((100 * ms) / sum).toFixed(0)}%`, ms > 0 ? mbps(p.bytes, ms) : '-']),
          ['sum of phases', formatMs(sum), '100%', mbps(p.bytes, sum)],
          ['parse + lint, timed whole', formatMs(p.total), '', mbps(p.bytes, p.total)],
        ],
        ['left', 'right', 'right', 'right'],
      ),
    );
  }

  out.push('', 'Batch and memory');
  out.push(batchLine(r));
  const mem = (m?: { maxRssBytes: number; method: string }) => (m ? `${formatBytes(m.maxRssBytes)} (${m.method})` : 'not measured');
  out.push(`  peak memory, ${r.memory?.label ?? '-'}: engine child ${mem(r.memory?.engine)}; CLI process ${mem(r.memory?.cli)}`);
  if (r.memoryError) out.push(`  memory run failed: ${r.memoryError}`);
  return out;
}

function batchLine(r: BenchResults): string {
  const b = r.batch;
  if (!b) return '  CLI on a folder: not measured';
  const one = b.oneThread ? `; with --jobs 1: ${formatMs(b.oneThread.medianMs)} ms` : '';
  return `  CLI on a folder: ${formatMs(b.medianMs)} ms for ${b.files} files, ${formatBytes(b.bytes)} (${mbps(b.bytes, b.medianMs)} MB/s, default --jobs, ${b.runsMs.length} run(s))${one}`;
}

/** Issue 11's figure: the bundle through a plain JSON-RPC client, as a foreign editor with no settings. */
export function renderPlainLsp(l: PlainClientLatencyResult): string[] {
  const kinds = Object.entries(l.perKind).map(([k, n]) => `${n} ${k}`).join(', ');
  const s = l.latencyMs;
  return [
    `Editor latency through a plain LSP client (issue 11): ${l.serverJs} over stdio; ${l.setup}`,
    `  ${l.file} (${l.languageId}), ${l.bytes} bytes, ${l.lines} lines; default debounce ${l.debounceMs} ms`,
    `  didOpen to first diagnostics: ${formatMs(l.openMs)} ms, ${l.firstDiagnostics} diagnostics; ${l.warmups} warm-up edits, then ${l.edits} measured (${kinds})`,
    `  keystroke to publishDiagnostics: p50 ${formatMs(s.p50)} ms, p95 ${formatMs(s.p95)} ms, max ${formatMs(s.max)} ms (after the debounce: p50 ${formatMs(s.p50 - l.debounceMs)} ms, p95 ${formatMs(s.p95 - l.debounceMs)} ms)`,
  ];
}

const pct = (part: number, whole: number) => (whole > 0 ? `${((100 * part) / whole).toFixed(0)}%` : '-');

/** The editor-latency case: both series, where the time goes in process, and the server's own profile when taken. */
export function renderLsp(l: LspLatencyResult): string[] {
  const out: string[] = [];
  out.push(`Editor latency over LSP (issue 3): ${l.serverJs} over stdio; ${l.file} (${l.languageId}), ${l.bytes} bytes, ${l.lines} lines`);
  out.push(`  didOpen to first diagnostics: ${formatMs(l.openMs)} ms (cold: packs load and compile, full lint), ${l.firstDiagnostics} diagnostics`);
  out.push(`  pipe floor (round trip of a request the server answers at once): ${l.transportFloorMs.toFixed(2)} ms`);
  const first = l.series[0];
  if (first) {
    const kinds = Object.entries(first.perKind).map(([k, n]) => `${n} ${k}`).join(', ');
    out.push(`  each series: ${first.warmups} warm-up edits, then ${first.edits} measured (${kinds}), one didChange at a time at seeded random places,`);
    out.push('  timed from writing the didChange to receiving publishDiagnostics for its version');
  }
  const d = (x: number | undefined) => (x === undefined ? '-' : formatMs(x));
  out.push(
    renderTable(
      ['debounce', 'edits', 'p50 ms', 'p95 ms', 'max ms', 'minus debounce p50/p95', 'server CPU main p50/p95', 'all threads p50/p95', 'waiting for CPU p50/p95', 'diagnostics', 'payload'],
      l.series.map((s) => [
        `${s.debounceMs} ms`,
        String(s.edits),
        d(s.latencyMs.p50),
        d(s.latencyMs.p95),
        d(s.latencyMs.max),
        `${d(s.afterDebounceMs.p50)} / ${d(s.afterDebounceMs.p95)}`,
        s.serverCpuMainMs ? `${d(s.serverCpuMainMs.p50)} / ${d(s.serverCpuMainMs.p95)}` : '-',
        s.serverCpuAllMs ? `${d(s.serverCpuAllMs.p50)} / ${d(s.serverCpuAllMs.p95)}` : '-',
        s.serverWaitMs ? `${d(s.serverWaitMs.p50)} / ${d(s.serverWaitMs.p95)}` : '-',
        s.diagnostics.min === s.diagnostics.max ? String(s.diagnostics.min) : `${s.diagnostics.min}-${s.diagnostics.max}`,
        formatBytes(s.payloadBytes),
      ]),
      ['right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
    ),
  );
  out.push(
    l.cpuSource
      ? `  server CPU / waiting for CPU: the server process's scheduler times per edit (edit to next edit), read by the bench from ${l.cpuSource}`
      : '  server CPU: not measured (needs /proc/<pid>/schedstat, Linux)',
  );
  if (l.inSync !== undefined) out.push(`  last published diagnostics equal an in-process lint of the bench's copy of the edited text: ${l.inSync ? 'yes' : 'NO (the edits did not reach the server as sent)'}`);
  const slow = l.series.find((s) => s.debounceMs > 150);
  if (slow) out.push(`  note: the default debounce (${slow.debounceMs} ms) alone is over the 150 ms aim; only a shorter debounce can meet it.`);

  if (l.inProcess) {
    const ip = l.inProcess;
    const phases: [string, number][] = [
      ['text sync (apply one keystroke to the TextDocument)', ip.textSync],
      ['read the text (getText; V8 flattens the edited string)', ip.readText],
      ['parse, incremental (only the edited blocks)', ip.parse],
      ['lint (changed blocks scanned, every rule, coverage)', ip.lint],
      ['diagnostics (findings to LSP)', ip.diagnostics],
      ['JSON of the publishDiagnostics message', ip.serialise],
    ];
    const sum = phases.reduce((a, [, ms]) => a + ms, 0);
    const full = ip.textSync + ip.readText + ip.fullParse + ip.fullLint + ip.diagnostics + ip.serialise;
    out.push('', `Where a keystroke's time goes: the server's path for one edit, in this process on the same text (CPU ms, median of ${ip.runs})`);
    out.push(
      renderTable(
        ['phase', 'CPU ms', 'share'],
        [
          ...phases.map(([name, ms]) => [name, ms < 1 ? ms.toFixed(2) : formatMs(ms), pct(ms, sum)]),
          ['sum', sum < 1 ? sum.toFixed(2) : formatMs(sum), '100%'],
          ['the server over LSP, debounce 0: CPU per keystroke, all threads, p50', d(first?.serverCpuAllMs?.p50), ''],
          ['before: the same edit with a full parse + lint (no block cache)', formatMs(full), ''],
          [`  of which parse ${formatMs(ip.fullParse)}, lint ${formatMs(ip.fullLint)}; speed-up of the incremental path`, `${(full / Math.max(sum, 1e-3)).toFixed(1)}x`, ''],
        ],
        ['left', 'right', 'right'],
      ),
    );
    out.push('  CPU = user + system time of this process, all threads (GC helpers included), so waiting for a CPU does not count.');
  }

  if (l.cpuProfile) {
    const { summary, lints, file } = l.cpuProfile;
    const busy = summary.totalMs - summary.ms.idle;
    out.push('', `Server CPU profile (node --cpu-prof, whole session: start-up and ${lints} lints): ${file}`);
    out.push(
      renderTable(
        ['category', 'sampled ms', 'share of busy'],
        PROFILE_CATEGORIES.filter((c) => c !== 'idle').map((c) => [c, formatMs(summary.ms[c]), pct(summary.ms[c], busy)]),
        ['left', 'right', 'right'],
      ),
    );
    out.push(`  busy ${formatMs(busy)} ms, idle ${formatMs(summary.ms.idle)} ms. Samples are wall time (a sample taken while the server waits`);
    out.push("  for a CPU counts too) and include the profiler's overhead: read the shares; the latency figures of a profiled run are inflated.");
  } else if (l.cpuProfileError) {
    out.push(`  CPU profile: ${l.cpuProfileError}`);
  }
  return out;
}
