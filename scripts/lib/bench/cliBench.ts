/**
 * The whole CLI as a user runs it: a fresh `node bin/clauselint.js ... --format
 * json` process per run, timed from spawn to exit, its output drained and
 * thrown away. Exit codes 0 (clean) and 1 (findings) are success.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { REPO_ROOT } from '../corpus';
import { median } from '../stats';

export const CLI_SCRIPT = path.join(REPO_ROOT, 'bin', 'clauselint.js');
const CLI_MAIN = path.join(REPO_ROOT, 'out', 'server', 'src', 'cli', 'main.js');

/** Why the CLI cannot be benched, or undefined when it can. */
export function cliUnavailable(): string | undefined {
  if (!fs.existsSync(CLI_SCRIPT)) return `${path.relative(REPO_ROOT, CLI_SCRIPT)} not found`;
  if (!fs.existsSync(CLI_MAIN)) return 'CLI not built (run npm run build)';
  return undefined;
}

export interface ProcessRun {
  ms: number;
  code: number | null;
  stderr: string;
}

/** Run `node <args>` once; stdout is read and dropped, the first 4 KB of stderr kept. */
export function runNode(args: string[], nodeOptions: string[] = []): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [...nodeOptions, ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stdout.on('data', () => undefined);
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 4096) stderr += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ ms: performance.now() - t0, code, stderr }));
  });
}

export interface CliTiming {
  runsMs: number[];
  medianMs: number;
}

/** `node -e 0`: what starting node alone costs, the floor under every CLI figure. */
export async function benchNodeStart(runs: number): Promise<CliTiming> {
  const runsMs: number[] = [];
  for (let k = 0; k < runs; k++) {
    const run = await runNode(['-e', '0']);
    if (run.code !== 0) throw new Error(`node -e 0 exited with ${run.code}: ${run.stderr.trim()}`);
    runsMs.push(run.ms);
  }
  return { runsMs, medianMs: median(runsMs) };
}

export async function benchCli(inputs: string[], runs: number): Promise<CliTiming> {
  return (await benchCliVariants(inputs, runs, [[]]))[0];
}

/**
 * The same inputs under several sets of extra options (e.g. `--jobs 1`), one
 * run of each in turn, so a change in the machine's load skews them alike.
 */
export async function benchCliVariants(inputs: string[], runs: number, variants: string[][]): Promise<CliTiming[]> {
  const runsMs: number[][] = variants.map(() => []);
  for (let k = 0; k < runs; k++) {
    for (const [v, extra] of variants.entries()) {
      const run = await runNode([CLI_SCRIPT, ...inputs, '--format', 'json', ...extra]);
      if (run.code !== 0 && run.code !== 1) throw new Error(`clauselint ${extra.join(' ')} exited with ${run.code}: ${run.stderr.trim()}`);
      runsMs[v].push(run.ms);
    }
  }
  return runsMs.map((ms) => ({ runsMs: ms, medianMs: median(ms) }));
}
