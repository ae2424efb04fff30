/**
 * Issue 11's editor figure: keystroke to diagnostics on a ~1 MB contract, as a
 * foreign editor sees it. The bundle (dist/server.js; CLAUSELINT_PLAIN_SERVER_JS
 * picks another build) is started over stdio by the benches' LSP client
 * (lspClient.ts) set up as a plain editor: initialized with no workspace
 * folders (rootUri null), no initializationOptions, no capabilities beyond
 * configuration and versioned diagnostics, and workspace/configuration
 * answered with null, so the default debounce (100 ms) applies. A Markdown
 * draft outside any contracts/ folder is opened, then single-keystroke
 * didChange edits are sent one at a time at seeded random places; each is timed
 * from writing the edit to receiving the publishDiagnostics of its version.
 *
 * Figures only: nothing is asserted. The server is shut down (killed if it does
 * not exit) on every path.
 */
import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { pathToFileURL } from 'url';
import { DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, InitializedNotification, InitializeRequest } from 'vscode-languageserver-protocol/node';
import { LineIndex } from '../../../server/src/api';
import { REPO_ROOT } from '../corpus';
import { distribution, Distribution } from '../stats';
import { applyPlannedEdit, EDIT_KINDS, EditKind, planEdit, seededRandom } from './editPlans';
import { defaultDebounceMs, delay, startServer } from './lspClient';
import { buildLspInput } from './lspLatency';

export interface PlainClientLatencyResult {
  serverJs: string;
  /** How the client set the session up. */
  setup: string;
  file: string;
  languageId: string;
  bytes: number;
  lines: number;
  debounceMs: number;
  /** didOpen -> first diagnostics (cold: packs load and compile, full lint). */
  openMs: number;
  firstDiagnostics: number;
  warmups: number;
  edits: number;
  perKind: Record<EditKind, number>;
  latencyMs: Distribution;
  samplesMs: number[];
}

export interface PlainClientPlan {
  bytes: number;
  edits: number;
  warmups: number;
  seed: number;
  /** Pause after each publish before the next edit, as between keystrokes. */
  pauseMs: number;
}

export function plainServerScript(): string {
  return path.resolve(REPO_ROOT, process.env.CLAUSELINT_PLAIN_SERVER_JS ?? path.join('dist', 'server.js'));
}

const TIMEOUT_MS = 30_000;
const SETUP = 'no workspace folders (rootUri null), no initializationOptions, workspace/configuration answered null';

export async function benchPlainClientLatency(texts: readonly string[], workDir: string, plan: PlainClientPlan, progress: (m: string) => void): Promise<PlainClientLatencyResult> {
  const server = plainServerScript();
  if (!fs.existsSync(server)) throw new Error(`${server} not found (build it with npm run build:bundle)`);
  const root = fs.realpathSync(fs.mkdtempSync(path.join(workDir, 'plain-lsp-')));
  const file = path.join(root, 'drafts', 'bench-1MB.md');
  const languageId = 'markdown';
  let text = buildLspInput(texts, plan.bytes);
  const openedBytes = Buffer.byteLength(text);
  const openedLines = new LineIndex(text).lineCount;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  const uri = pathToFileURL(file).href;

  progress(`plain LSP client: starting ${path.relative(REPO_ROOT, server)}`);
  const client = startServer([], server);
  client.settings = null;
  /** The publishDiagnostics of `version` (ask before sending what it answers), with its arrival time. */
  const publishOf = (version: number) => client.next((p) => p.uri === uri && p.version === version, TIMEOUT_MS);
  try {
    const capabilities = { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } };
    await client.guard(client.connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, workspaceFolders: null, capabilities }), TIMEOUT_MS, 'initialize');
    await client.connection.sendNotification(InitializedNotification.type, {});

    progress(`plain LSP client: opening ${openedBytes} bytes`);
    const first = publishOf(1);
    const t0 = performance.now();
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
    const opened = await first;
    const openMs = opened.at - t0;

    const random = seededRandom(plan.seed);
    const samples: number[] = [];
    const perKind = Object.fromEntries(EDIT_KINDS.map((k) => [k, 0])) as Record<EditKind, number>;
    const total = plan.warmups + plan.edits;
    for (let k = 0; k < total; k++) {
      const kind = EDIT_KINDS[k % EDIT_KINDS.length];
      const edit = planEdit(text, kind, random);
      const lines = new LineIndex(text);
      const range = { start: lines.positionAt(edit.start), end: lines.positionAt(edit.end) };
      text = applyPlannedEdit(text, edit);
      const version = k + 2;
      const published = publishOf(version);
      const sent = performance.now();
      await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ range, text: edit.text }] });
      const { at } = await published;
      if (k >= plan.warmups) {
        samples.push(at - sent);
        perKind[kind]++;
      }
      if ((k + 1) % 20 === 0) progress(`plain LSP client: ${k + 1}/${total} edits`);
      await delay(plan.pauseMs);
    }
    return {
      serverJs: path.relative(REPO_ROOT, server),
      setup: SETUP,
      file: path.relative(root, file),
      languageId,
      bytes: openedBytes,
      lines: openedLines,
      debounceMs: defaultDebounceMs(),
      openMs,
      firstDiagnostics: opened.params.diagnostics.length,
      warmups: plan.warmups,
      edits: samples.length,
      perKind,
      latencyMs: distribution(samples),
      samplesMs: samples,
    };
  } finally {
    await client.dispose();
  }
}
