/**
 * Editor latency over LSP (issue 3's closing note, issue 5's editor target):
 * the built language server is started over stdio, a ~1 MB contract (corpus
 * text behind an invented AI-services header, so the mission rules run) is
 * opened in a temp workspace under `contracts/`, and then single-keystroke
 * `didChange` edits are sent one at a time (type a letter, delete one, type a
 * word inside a sentence, at seeded random places), each timed from the write
 * of the edit to the `publishDiagnostics` carrying its version.
 *
 * Two series: `clauselint.debounceMs` = 0 (the server's work per keystroke,
 * plus the pipe both ways) and the default debounce (what a user waits). The
 * server's own CPU per edit is read from the client side only, from
 * /proc/<pid>/schedstat (Linux; main thread, and all threads). An in-process
 * run of the same lint path on the same text splits the time into phases
 * (keystrokePhases.ts), and `--lsp-cpu-prof <dir>` profiles the server process itself.
 *
 * Figures only: nothing is asserted. The server process is shut down (killed
 * if it does not exit) on every path.
 */
import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { pathToFileURL } from 'url';
import {
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { ConfigLoader, LineIndex, lintText } from '../../../server/src/api';
import { REPO_ROOT } from '../corpus';
import { distribution, median } from '../stats';
import { CpuProfile, summariseCpuProfile } from './cpuProfile';
import { applyPlannedEdit, EDIT_KINDS, EditKind, planEdit, seededRandom } from './editPlans';
import { concatToSize } from './inputs';
import { inProcessPhases } from './keystrokePhases';
import { BenchClient, CAPABILITIES, defaultDebounceMs, delay, serverScript, startServer } from './lspClient';
import { readProcessCpu } from './processCpu';
import { LatencySeries, LspLatencyResult, LspPlan } from './results';

export type { LatencySeries, LspLatencyResult, LspPlan } from './results';

/** Invented (not corpus) text: an AI-services contract with a broad-use grant, so the mission rules apply to the whole file. */
export const AI_SERVICES_HEADER = `AI SERVICES AGREEMENT

This AI Services Agreement (the "Agreement") is made between the Department of Example Affairs (the "Customer") and Example Analytics Inc. (the "Provider").

1. Services. The Provider shall make its hosted artificial intelligence services, including its machine learning models, large language models and the related application programming interface (the "Services"), available to the Customer.

2. Use. The Customer may use the Services and any outputs for any lawful purpose.

3. Records. The Customer may audit the Provider's books and records at its discretion.

4. Security. The Provider shall notify the Customer of security incidents where practicable.

The agreements that follow are incorporated as schedules to this Agreement.
`;

/** Header + corpus text of about `bytes` (UTF-8), ending at a line end. */
export function buildLspInput(texts: readonly string[], bytes: number): string {
  const head = `${AI_SERVICES_HEADER}\n`;
  return head + concatToSize(texts, Math.max(1, bytes - Buffer.byteLength(head)));
}

const EDIT_TIMEOUT_MS = 30_000;

interface SeriesRun {
  client: BenchClient;
  docUri: string;
  text: string;
  version: number;
  random: () => number;
  pid: number;
  /** The diagnostics last published for the document. */
  last?: PublishDiagnosticsParams;
}

/** Send `warmups + edits` keystrokes one at a time; each waits for the diagnostics of its version. */
async function runSeries(run: SeriesRun, debounceMs: number, plan: LspPlan, progress: (m: string) => void): Promise<LatencySeries> {
  const samples: number[] = [];
  const cpuMain: number[] = [];
  const cpuAll: number[] = [];
  const waits: number[] = [];
  const payload: number[] = [];
  const counts: number[] = [];
  const perKind = Object.fromEntries(EDIT_KINDS.map((k) => [k, 0])) as Record<EditKind, number>;
  const total = plan.warmups + plan.edits;
  let cpuBefore = readProcessCpu(run.pid);
  for (let k = 0; k < total; k++) {
    const kind = EDIT_KINDS[k % EDIT_KINDS.length];
    const edit = planEdit(run.text, kind, run.random);
    const lines = new LineIndex(run.text);
    const range = { start: lines.positionAt(edit.start), end: lines.positionAt(edit.end) };
    run.text = applyPlannedEdit(run.text, edit);
    const version = ++run.version;
    const published = run.client.next((p) => p.uri === run.docUri && p.version === version, EDIT_TIMEOUT_MS + debounceMs);
    const t0 = performance.now();
    await run.client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: run.docUri, version },
      contentChanges: [{ range, text: edit.text }],
    });
    const { params, at } = await published;
    run.last = params;
    await delay(plan.pauseMs);
    const cpuAfter = readProcessCpu(run.pid);
    if (k >= plan.warmups) {
      samples.push(at - t0);
      perKind[kind]++;
      counts.push(params.diagnostics.length);
      payload.push(Buffer.byteLength(JSON.stringify(params)));
      if (cpuBefore && cpuAfter) {
        cpuMain.push(cpuAfter.mainMs - cpuBefore.mainMs);
        cpuAll.push(cpuAfter.allMs - cpuBefore.allMs);
        waits.push(cpuAfter.mainWaitMs - cpuBefore.mainWaitMs);
      }
    }
    cpuBefore = cpuAfter;
    if ((k + 1) % 20 === 0) progress(`LSP, debounce ${debounceMs} ms: ${k + 1}/${total} edits`);
  }
  return {
    debounceMs,
    warmups: plan.warmups,
    edits: samples.length,
    perKind,
    latencyMs: distribution(samples),
    samplesMs: samples,
    afterDebounceMs: distribution(samples.map((s) => s - debounceMs)),
    ...(cpuMain.length === samples.length && samples.length > 0 ? { serverCpuMainMs: distribution(cpuMain), serverCpuAllMs: distribution(cpuAll), serverWaitMs: distribution(waits) } : {}),
    diagnostics: { min: Math.min(...counts), max: Math.max(...counts) },
    payloadBytes: median(payload),
  };
}

/** Change settings and wait for the re-lint the server does on didChangeConfiguration. */
async function reconfigure(client: BenchClient, docUri: string, version: number, settings: Record<string, unknown>): Promise<void> {
  client.settings = settings;
  const relinted = client.next((p) => p.uri === docUri && p.version === version, EDIT_TIMEOUT_MS);
  await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
  await relinted;
}

async function transportFloor(client: BenchClient, rounds: number): Promise<number> {
  const times: number[] = [];
  for (let k = 0; k < rounds; k++) {
    const t0 = performance.now();
    const answered = client.connection.sendRequest('clauselintBench/ping', {}).then(
      () => undefined,
      () => undefined, // "method not found" is the answer we want
    );
    await client.guard(answered, EDIT_TIMEOUT_MS, 'ping');
    times.push(performance.now() - t0);
  }
  return median(times);
}

/**
 * Whether `published` says what an in-process lint of `text` (the engine's
 * public API, default config) finds: the same rules, messages and ranges.
 */
function sameDiagnostics(published: PublishDiagnosticsParams, text: string, file: string): boolean {
  const { doc, result } = lintText(text, file, new ConfigLoader());
  const key = (d: { code?: unknown; message: string; range: unknown }) => JSON.stringify([d.code, d.message, d.range]);
  const expected = result.findings.map((f) => key({ code: f.ruleId, message: f.message, range: doc.lines.rangeOf(f.span) })).sort();
  const got = published.diagnostics.map(key).sort();
  return JSON.stringify(expected) === JSON.stringify(got);
}

export async function benchLspLatency(texts: readonly string[], workDir: string, plan: LspPlan, progress: (m: string) => void): Promise<LspLatencyResult> {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(workDir, 'lsp-')));
  const file = path.join(root, 'contracts', 'bench-1MB.txt');
  const languageId = 'plaintext';
  const text = buildLspInput(texts, plan.bytes);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  const docUri = pathToFileURL(file).href;

  const nodeOptions: string[] = [];
  let profileFile: string | undefined;
  if (plan.cpuProfDir) {
    const profDir = path.resolve(plan.cpuProfDir);
    fs.mkdirSync(profDir, { recursive: true });
    profileFile = path.join(profDir, `clauselint-server-${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}.cpuprofile`);
    nodeOptions.push('--cpu-prof', `--cpu-prof-dir=${profDir}`, `--cpu-prof-name=${path.basename(profileFile)}`);
  }
  if (!fs.existsSync(serverScript())) throw new Error(`${serverScript()} not found (build with npx tsc -p .)`);
  progress(`LSP: starting ${path.relative(REPO_ROOT, serverScript())}${profileFile ? ' under --cpu-prof' : ''}`);
  const client = startServer(nodeOptions);
  const pid = client.child.pid;
  let result: LspLatencyResult;
  let last: { params: PublishDiagnosticsParams; text: string } | undefined;
  try {
    if (pid === undefined) throw new Error(`could not start the server: ${client.stderr}`);
    client.settings = { debounceMs: 0 };
    const rootUri = pathToFileURL(root).href;
    await client.guard(
      client.connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri,
        workspaceFolders: [{ uri: rootUri, name: path.basename(root) }],
        capabilities: CAPABILITIES,
        initializationOptions: {},
      }),
      EDIT_TIMEOUT_MS,
      'initialize',
    );
    await client.connection.sendNotification(InitializedNotification.type, {});

    progress(`LSP: opening ${Buffer.byteLength(text)} bytes`);
    const first = client.next((p) => p.uri === docUri && p.version === 1, EDIT_TIMEOUT_MS);
    const t0 = performance.now();
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: docUri, languageId, version: 1, text } });
    const opened = await first;
    const openMs = opened.at - t0;
    const floor = await transportFloor(client, 20);

    const run: SeriesRun = { client, docUri, text, version: 1, random: seededRandom(plan.seed), pid };
    const series: LatencySeries[] = [];
    series.push(await runSeries(run, 0, plan, progress));
    // Settings without debounceMs: the server's default applies.
    await reconfigure(client, docUri, run.version, {});
    series.push(await runSeries(run, defaultDebounceMs(), plan, progress));
    if (run.last) last = { params: run.last, text: run.text };

    result = {
      serverJs: path.relative(REPO_ROOT, serverScript()),
      file: path.relative(root, file),
      languageId,
      bytes: Buffer.byteLength(text),
      lines: new LineIndex(text).lineCount,
      openMs,
      firstDiagnostics: opened.params.diagnostics.length,
      transportFloorMs: floor,
      series,
      ...(readProcessCpu(pid) ? { cpuSource: '/proc/<pid>/schedstat (main thread) and /proc/<pid>/task/*/schedstat (all threads)' } : {}),
    };
  } finally {
    await client.dispose();
  }

  if (profileFile) {
    try {
      if (!fs.existsSync(profileFile)) throw new Error(`${profileFile} was not written (did the server exit normally?)`);
      const summary = summariseCpuProfile(JSON.parse(fs.readFileSync(profileFile, 'utf8')) as CpuProfile);
      // Lints: open, the re-lint after the settings change, and one per edit.
      const lints = 2 + result.series.reduce((a, s) => a + s.warmups + s.edits, 0);
      result.cpuProfile = { file: profileFile, summary, lints };
    } catch (err) {
      result.cpuProfileError = (err as Error).message;
    }
  }

  if (plan.inProcessRuns > 0) {
    progress('LSP: the same lint path in this process, by phase');
    result.inProcess = inProcessPhases(text, file, languageId, plan.inProcessRuns);
    if (last) result.inSync = sameDiagnostics(last.params, last.text, file);
  }
  return result;
}

