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
 * (keystrokePhases.ts),
 * and `--lsp-cpu-prof <dir>` profiles the server process itself.
 *
 * Figures only: nothing is asserted. The server process is shut down (killed
 * if it does not exit) on every path.
 */
import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { pathToFileURL } from 'url';
import {
  ClientCapabilities,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  ProtocolConnection,
  PublishDiagnosticsNotification,
  PublishDiagnosticsParams,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { LineIndex } from '../../../server/src/document/lineIndex';
import { ConfigLoaders } from '../../../server/src/lsp/configLoaders';
import { toDiagnostics } from '../../../server/src/lsp/diagnostics';
import { DocumentLinter } from '../../../server/src/lsp/documentLinter';
import { DEFAULT_SETTINGS, Settings } from '../../../server/src/lsp/settings';
import { WorkspaceFolders } from '../../../server/src/lsp/workspaceFolders';
import { REPO_ROOT } from '../paths';
import { distribution, Distribution, median } from '../stats';
import { CpuProfile, ProfileSummary, summariseCpuProfile } from './cpuProfile';
import { applyPlannedEdit, EDIT_KINDS, EditKind, planEdit, seededRandom } from './editPlans';
import { concatToSize } from './inputs';
import { InProcessPhases, inProcessPhases } from './keystrokePhases';
import { readProcessCpu } from './processCpu';

/** The tsc build by default; CLAUSELINT_SERVER_JS=dist/server.js measures the bundle (as the LSP tests do). */
export function serverScript(): string {
  return path.resolve(REPO_ROOT, process.env.CLAUSELINT_SERVER_JS ?? path.join('out', 'server', 'src', 'server.js'));
}

/** Invented (not corpus) text: an AI-services contract with a broad-use grant, so the mission rules apply to the whole file. */
export const AI_SERVICES_HEADER = `AI SERVICES AGREEMENT

This AI Services Agreement (the "Agreement") is made between the Department of Example Affairs (the "Customer") and Example Analytics Inc. (the "Provider").

1. Services. The Provider shall make its hosted artificial intelligence services, including its machine learning models, large language models and the related application programming interface (the "Services"), available to the Customer.

2. Use. The Customer may use the Services and any outputs for any lawful purpose.

3. Records. The Customer may audit the Provider's books and records at its discretion.

4. Security. The Provider shall notify the Customer of security incidents where practicable.

The agreements that follow are incorporated as schedules to this Agreement.
`;

// --- edits (pure) --------------------------------------------------------------

// --- results ---------------------------------------------------------------------

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

// --- the client ------------------------------------------------------------------------

const CAPABILITIES: ClientCapabilities = {
  workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: false } },
  textDocument: {
    synchronization: { didSave: true },
    publishDiagnostics: { versionSupport: true, relatedInformation: true, codeDescriptionSupport: true },
  },
};

interface Waiter {
  match: (p: PublishDiagnosticsParams) => boolean;
  resolve: (p: PublishDiagnosticsParams, at: number) => void;
  reject: (err: Error) => void;
}

/**
 * A minimal LSP client in the shape of test/lsp/harness.ts: answers
 * workspace/configuration from `settings` and lets the bench wait for a
 * publishDiagnostics, with its arrival time. Every wait ends: on its match, on
 * its timeout, when the server exits, or when the client is disposed.
 */
class BenchClient {
  private readonly waiters = new Set<Waiter>();
  settings: Record<string, unknown> = {};
  stderr = '';
  private exited = false;
  /** If the bench exits without disposing (an uncaught error), the server goes too. */
  private readonly killOnExit = () => {
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  };

  constructor(readonly child: ChildProcess, readonly connection: ProtocolConnection) {
    child.stderr!.on('data', (d: Buffer) => (this.stderr = (this.stderr + d.toString('utf8')).slice(-4096)));
    child.once('exit', () => (this.exited = true));
    // 'close' comes after the server's stderr is read to the end, so its last words are in the message.
    child.once('close', (code, signal) => this.rejectAll(new Error(`the server exited (${signal ?? `code ${code}`}): ${this.stderr.trim().slice(-500)}`)));
    process.once('exit', this.killOnExit);
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      const at = performance.now();
      for (const w of [...this.waiters]) if (w.match(p)) w.resolve(p, at);
    });
    connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => this.settings));
    for (const method of ['client/registerCapability', 'client/unregisterCapability', 'window/workDoneProgress/create', 'workspace/codeLens/refresh', 'window/showMessageRequest']) {
      connection.onRequest(method, () => null);
    }
    // The server's errors (and its console.error, which vscode-languageserver forwards) arrive as log messages.
    connection.onNotification('window/logMessage', (m: { type: number; message: string }) => {
      if (m.type === 1) this.stderr = `${this.stderr}${m.message}\n`.slice(-4096);
    });
    for (const method of ['window/showMessage', 'telemetry/event', '$/progress']) connection.onNotification(method, () => undefined);
    connection.listen();
  }

  private rejectAll(err: Error): void {
    for (const w of [...this.waiters]) w.reject(err);
  }

  /**
   * The next publish matching `match`, with its arrival time (performance.now).
   * The promise is marked handled, so one abandoned by a failure elsewhere
   * cannot crash the bench; await it to see its error.
   */
  next(match: (p: PublishDiagnosticsParams) => boolean, timeoutMs: number): Promise<{ params: PublishDiagnosticsParams; at: number }> {
    const promise = new Promise<{ params: PublishDiagnosticsParams; at: number }>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
      };
      const waiter: Waiter = {
        match,
        resolve: (params, at) => (done(), resolve({ params, at })),
        reject: (err) => (done(), reject(err)),
      };
      const timer = setTimeout(() => waiter.reject(new Error(`no matching diagnostics within ${timeoutMs} ms`)), timeoutMs);
      if (this.exited) waiter.reject(new Error(`the server is not running: ${this.stderr.trim().slice(-500)}`));
      else this.waiters.add(waiter);
    });
    promise.catch(() => undefined);
    return promise;
  }

  /** `promise`, or a rejection when the server exits or `timeoutMs` passes first. */
  guard<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
    let onExit: () => void = () => undefined;
    let timer: NodeJS.Timeout | undefined;
    const failure = new Promise<never>((_, reject) => {
      onExit = () => reject(new Error(`the server exited during ${what}: ${this.stderr.trim().slice(-500)}`));
      if (this.exited) onExit();
      else this.child.once('close', onExit);
      timer = setTimeout(() => reject(new Error(`${what}: no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    return Promise.race([promise, failure]).finally(() => {
      clearTimeout(timer);
      this.child.off('close', onExit);
    });
  }

  async dispose(): Promise<void> {
    try {
      if (!this.exited) {
        await Promise.race([this.connection.sendRequest(ShutdownRequest.type), delay(2000)]);
        await this.connection.sendNotification(ExitNotification.type);
      }
    } catch {
      // The server may already be gone.
    }
    if (!this.exited) {
      // --cpu-prof writes the profile while the process exits: give it time before killing.
      const exited = new Promise((r) => this.child.once('exit', r));
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    this.rejectAll(new Error('the client was disposed'));
    this.connection.dispose();
    process.off('exit', this.killOnExit);
  }
}

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

function startServer(nodeOptions: string[]): BenchClient {
  const child = spawn(process.execPath, [...nodeOptions, serverScript(), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  // A server that dies is reported by the waits; an EPIPE on its stdin must not crash the bench.
  child.stdin!.on('error', () => undefined);
  child.on('error', () => undefined);
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  connection.onError(() => undefined);
  return new BenchClient(child, connection);
}

// --- the case ---------------------------------------------------------------------------

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

/** Whether `published` equals the diagnostics of an in-process lint of `text` (as the server would lint it, default settings). */
function sameDiagnostics(published: PublishDiagnosticsParams, text: string, file: string, languageId: string): boolean {
  const folders = new WorkspaceFolders([pathToFileURL(path.dirname(path.dirname(file))).href]);
  const snapshot = new DocumentLinter(new ConfigLoaders(folders, true), folders).lintText(published.uri, published.version, text, languageId, { ...DEFAULT_SETTINGS });
  const expected = toDiagnostics(snapshot, { docsScheme: false, relatedInformation: true, codeDescription: true });
  return JSON.stringify(expected) === JSON.stringify(published.diagnostics);
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
    series.push(await runSeries(run, DEFAULT_SETTINGS.debounceMs, plan, progress));
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
    if (last) result.inSync = sameDiagnostics(last.params, last.text, file, languageId);
  }
  return result;
}
