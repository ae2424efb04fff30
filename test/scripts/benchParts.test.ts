import * as assert from 'assert';
import { parseGnuTimeMaxRss, parseRssMarker } from '../../scripts/lib/bench/peakMemory';
import { renderBench } from '../../scripts/lib/bench/report';
import { BenchResults } from '../../scripts/lib/bench/results';
import { RSS_MARKER } from '../../scripts/lib/bench/reportRss';
import { evaluateTargets } from '../../scripts/lib/bench/targets';
import { ArgError, parseArgs } from '../../scripts/lib/cliArgs';
import { renderTable } from '../../scripts/lib/textTable';

describe('scripts/lib/bench: peak memory parsing', () => {
  it('reads GNU time -v output in bytes', () => {
    const report = '\tCommand being timed: "node x.js"\n\tMaximum resident set size (kbytes): 153600\n\tExit status: 0\n';
    assert.strictEqual(parseGnuTimeMaxRss(report), 153600 * 1024);
    assert.strictEqual(parseGnuTimeMaxRss('nothing here'), undefined);
  });

  it("reads the child's own report", () => {
    assert.strictEqual(parseRssMarker(`noise\n${RSS_MARKER}2048\n`), 2048 * 1024);
  });
});

describe('scripts/lib/bench/targets', () => {
  const timing = (ms: number) => ({ runsMs: [ms], medianMs: ms });
  const results: BenchResults = {
    environment: { node: 'v20', platform: 'linux-x64', cpus: 2, cpuModel: 'test', loadAverage: 0.5 },
    quick: true,
    sizes: [
      { label: '1 MB', bytes: 1_000_000, engine: { ...timing(50), findings: 0 }, cli: timing(120) },
      { label: '10 MB', bytes: 10_000_000, engine: { ...timing(200), findings: 0 }, cli: timing(300) },
    ],
    profile: { label: '10 MB', bytes: 10_000_000, normalise: 10, structure: 10, scan: 50, rules: 100, total: 170 },
    batch: { ...timing(2500), files: 1000, bytes: 50_000_000 },
    memory: { label: '10 MB', engine: { maxRssBytes: 100_000_000, method: 'process.resourceUsage' } },
  };

  it('marks each figure met or missed against its target', () => {
    const rows = evaluateTargets(results);
    const status = Object.fromEntries(rows.map((r) => [r.what, r.status]));
    assert.deepStrictEqual(status, {
      'engine warm, 10 MB': 'missed', // 10 MB in 200 ms = 50 MB/s
      'CLI whole process, 10 MB': 'missed',
      'CLI, 1000 contracts of ~50 KB': 'met',
      'peak memory, engine child, 10 MB': 'met',
      'peak memory, CLI process, 10 MB': 'not measured',
      'engine warm full lint, 1 MB': 'met',
      'phrase scan alone, 10 MB': 'met', // 200 MB/s
      // No LSP case in these results: its rows say so.
      '1 MB, keystroke to diagnostics, debounce 0, p50': 'not measured',
      '1 MB, keystroke to diagnostics, debounce 0, p95': 'not measured',
      '1 MB, server CPU per keystroke (main thread), p50': 'not measured',
      '1 MB, server CPU per keystroke (main thread), p95': 'not measured',
      '1 MB, keystroke to diagnostics, default debounce, p50': 'not measured',
      '1 MB, keystroke to diagnostics, default debounce, p95': 'not measured',
      '1 MB, plain LSP client (no folders, null settings), keystroke to diagnostics, 100 ms debounce, p50': 'not measured',
      '1 MB, plain LSP client (no folders, null settings), keystroke to diagnostics, 100 ms debounce, p95': 'not measured',
    });
    assert.strictEqual(rows[0].measured, '50.0 MB/s');
  });

  it('judges the plain-client keystroke figure of issue 11 against 150 ms at p95, and prints it', () => {
    const latency = (p50: number, p95: number) => ({ p50, p95, max: p95 + 5, mean: p50, n: 50 });
    const plainLsp = {
      serverJs: 'dist/server.js',
      setup: 'no workspace folders (rootUri null), no initializationOptions, workspace/configuration answered null',
      file: 'drafts/bench-1MB.md',
      languageId: 'markdown',
      bytes: 1_000_000,
      lines: 20_000,
      debounceMs: 100,
      openMs: 400,
      firstDiagnostics: 12,
      warmups: 3,
      edits: 50,
      perKind: { 'type letter': 17, 'delete letter': 17, 'type word': 16 },
      samplesMs: [],
    };
    const judged = (p95: number) => evaluateTargets({ ...results, lspOnly: true, plainLsp: { ...plainLsp, latencyMs: latency(110, p95) } }).filter((r) => r.source === 'issue 11');
    assert.deepStrictEqual(judged(140).map((r) => [r.what.slice(-3), r.measured, r.status]), [['p50', '110 ms', 'met'], ['p95', '140 ms', 'met']]);
    assert.strictEqual(judged(151)[1].status, 'missed');
    const text = renderBench({ ...results, lspOnly: true, plainLsp: { ...plainLsp, latencyMs: latency(110, 140) } }, []);
    assert.match(text, /^Editor latency through a plain LSP client \(issue 11\): dist\/server\.js over stdio; no workspace folders/m);
    assert.match(text, /keystroke to publishDiagnostics: p50 110 ms, p95 140 ms/);
  });

  it('prints the CLI start on a tiny file beside node alone, when measured', () => {
    const started = renderBench({ ...results, cliStart: { bytes: 998, tiny: { runsMs: [150, 140, 160], medianMs: 150 }, node: { runsMs: [60, 61, 59], medianMs: 60 } } }, []);
    assert.match(started, /^CLI start on a tiny file \(998 bytes\), whole process: 150 ms \(median of 3\); node alone \(node -e 0\): 60.0 ms\.$/m);
    assert.doesNotMatch(renderBench(results, []), /CLI start on a tiny file/);
  });

  it('reports figures it did not get as not measured', () => {
    const rows = evaluateTargets({ ...results, batch: undefined, sizes: results.sizes.map((s) => ({ ...s, cli: undefined })) });
    assert.strictEqual(rows.find((r) => r.what.startsWith('CLI whole'))?.status, 'not measured');
    assert.strictEqual(rows.find((r) => r.what.startsWith('CLI, '))?.status, 'not measured');
  });

  it('with --folder-only, judges and prints the folder case alone, --jobs 1 beside the default', () => {
    const folderOnly: BenchResults = { ...results, folderOnly: true, sizes: [], profile: undefined, memory: undefined, batch: { ...timing(2200), files: 1000, bytes: 50_000_000, oneThread: timing(3400) } };
    const rows = evaluateTargets(folderOnly);
    assert.deepStrictEqual(rows.map((r) => [r.what, r.measured, r.status]), [['CLI, 1000 contracts of ~50 KB', '2200 ms', 'met']]);
    const text = renderBench(folderOnly, rows);
    assert.match(text, /CLI on a folder: 2,?200 ms for 1000 files, .*default --jobs, 1 run\(s\)\); with --jobs 1: 3,?400 ms/);
    assert.doesNotMatch(text, /Throughput/);
  });
});

describe('scripts/lib/cliArgs', () => {
  const spec = { flags: ['quick', 'json'], values: ['config'] };

  it('reads flags, values in both spellings, and positionals', () => {
    const a = parseArgs(['--quick', '--config', 'a.yaml', 'x'], spec);
    assert.ok(a.flags.has('quick') && !a.flags.has('json'));
    assert.strictEqual(a.values.get('config'), 'a.yaml');
    assert.deepStrictEqual(a.positional, ['x']);
    assert.strictEqual(parseArgs(['--config=b.yaml'], spec).values.get('config'), 'b.yaml');
  });

  it('rejects unknown options, missing values and values on flags', () => {
    assert.throws(() => parseArgs(['--fast'], spec), ArgError);
    assert.throws(() => parseArgs(['--config'], spec), ArgError);
    assert.throws(() => parseArgs(['--json=1'], spec), ArgError);
  });
});

describe('scripts/lib/textTable', () => {
  it('pads columns to the widest cell, right-aligning where asked', () => {
    assert.strictEqual(renderTable(['name', 'n'], [['a', '10'], ['bcdef', '2']], ['left', 'right']), 'name    n\n-----  --\na      10\nbcdef   2');
  });
});
