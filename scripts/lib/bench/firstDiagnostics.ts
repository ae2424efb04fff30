/**
 * Time to first diagnostics, as a user meets it: the bundled server
 * (dist/server.js, what the extension starts) is spawned, initialized, and the
 * sample contract opened; the clock stops at its first publishDiagnostics.
 * Cold: from spawning the process (Node start, bundle load, initialize, pack
 * load, first lint). Warm: a second document opened in the running server.
 * The split says where the cold time goes: process start to the initialize
 * answer (Node and the bundle), then initialized to the first diagnostics
 * (config and packs, then the lint).
 */
import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { pathToFileURL } from 'url';
import { DidOpenTextDocumentNotification, InitializedNotification, InitializeRequest } from 'vscode-languageserver-protocol/node';
import { REPO_ROOT } from '../corpus';
import { startServer } from './lspClient';

export interface FirstDiagnosticsResult {
  /** Spawn to the first diagnostics of the sample (ms). */
  coldMs: number;
  /** Spawn to the initialize answer: Node start and the bundle's load (ms). */
  startMs: number;
  /** Opening the sample to its first diagnostics in the new server: config, packs, lint (ms). */
  firstLintMs: number;
  /** Opening a second contract in the running server to its diagnostics (ms). */
  warmMs: number;
}

const TIMEOUT_MS = 30_000;

async function once(workDir: string, sample: string): Promise<FirstDiagnosticsResult> {
  const server = path.join(REPO_ROOT, 'dist', 'server.js');
  if (!fs.existsSync(server)) throw new Error('dist/server.js is missing: run npm run build:bundle');
  const t0 = performance.now();
  const client = startServer([], server, workDir);
  try {
    const rootUri = pathToFileURL(workDir).href;
    const initialize = client.connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'bench' }], capabilities: {} });
    await client.guard(initialize, TIMEOUT_MS, 'initialize');
    const started = performance.now();
    await client.connection.sendNotification(InitializedNotification.type, {});
    const open = async (name: string) => {
      const uri = pathToFileURL(path.join(workDir, name)).href;
      const published = client.next((p) => p.uri === uri, TIMEOUT_MS);
      const at = performance.now();
      await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'contract', version: 1, text: sample } });
      await published;
      return { at, done: performance.now() };
    };
    const first = await open('sample.contract.md');
    const second = await open('second.contract.md');
    return { coldMs: first.done - t0, startMs: started - t0, firstLintMs: first.done - first.at, warmMs: second.done - second.at };
  } finally {
    await client.dispose();
  }
}

/** The median of `runs` cold starts (each a fresh server process), field by field. */
export async function benchFirstDiagnostics(workDir: string, runs: number): Promise<FirstDiagnosticsResult> {
  const sample = fs.readFileSync(path.join(REPO_ROOT, 'examples', 'ai-services-draft.md'), 'utf8');
  const dir = fs.mkdtempSync(path.join(workDir, 'first-diagnostics-'));
  const results: FirstDiagnosticsResult[] = [];
  for (let i = 0; i < runs; i++) results.push(await once(dir, sample));
  const median = (key: keyof FirstDiagnosticsResult) => {
    const sorted = results.map((r) => r[key]).sort((a, b) => a - b);
    return Math.round(sorted[Math.floor(sorted.length / 2)]);
  };
  return { coldMs: median('coldMs'), startMs: median('startMs'), firstLintMs: median('firstLintMs'), warmMs: median('warmMs') };
}

export function renderFirstDiagnostics(r: FirstDiagnosticsResult, runs: number): string {
  return (
    `Time to first diagnostics (sample contract, bundled server, median of ${runs}): cold ${r.coldMs} ms ` +
    `(server start to initialize ${r.startMs} ms, then config + packs + first lint ${r.firstLintMs} ms); warm ${r.warmMs} ms`
  );
}
