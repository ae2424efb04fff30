/** Shared helpers for the CLI's end-to-end tests: run the built CLI as a user would, and set up scratch folders. */
import { tempDir } from '../helpers';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { HANG_GUARD_MS } from '../hangGuard';

/** The repository root (tests run from out/test/cli). */
export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const CLI = path.join(ROOT, 'bin', 'clauselint.js');
const SOURCE_FIXTURES = path.join(ROOT, 'test', 'fixtures');

export function fixture(...parts: string[]): string {
  return path.join(SOURCE_FIXTURES, ...parts);
}

export const TEST_PACK = fixture('packs', 'clitest.yaml');
export const BROAD = fixture('contracts', 'ai-services-broad.md');
export const CLEAN = fixture('contracts', 'ai-services-clean.md');
export const WEAK = fixture('contracts', 'weak-wording.txt');

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  /** Text piped to stdin; without it stdin is /dev/null, as in CI. */
  input?: string | Buffer;
  env?: Record<string, string | undefined>;
}

export function runCli(args: string[], options: RunOptions = {}): CliRun {
  const env = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, CLAUSELINT_DEBUG: '1', ...options.env };
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input,
    stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: HANG_GUARD_MS,
    killSignal: 'SIGKILL',
  });
  if (result.error) throw result.error;
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Lint with the test pack only (its config replaces discovery and the built-in default). */
export function runWithTestPack(args: string[], options: RunOptions = {}): CliRun {
  return runCli(['--config', TEST_PACK, ...args], options);
}

/** A fresh scratch folder holding `files` (relative path -> content). */
export function scratch(files: Record<string, string | Buffer> = {}): string {
  const dir = tempDir('clauselint-cli-');
  for (const [rel, content] of Object.entries(files)) {
    const full = path.join(dir, rel);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, content);
  }
  return dir;
}

export function removeScratch(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

export function read(file: string): string {
  return fs.readFileSync(file, 'utf8');
}

/** Whether `original` survives in `edited` character by character, in order: i.e. only insertions were made. */
export function isSubsequence(original: string, edited: string): boolean {
  let j = 0;
  for (let i = 0; i < original.length; i++) {
    j = edited.indexOf(original[i], j);
    if (j < 0) return false;
    j++;
  }
  return true;
}

export interface JsonRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/** The text a 0-based LSP range covers (UTF-16 characters; CRLF, LF and CR end lines). */
export function textAt(text: string, range: JsonRange): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\r' && text[i + 1] === '\n') i++;
    if (text[i] === '\n' || text[i] === '\r') starts.push(i + 1);
  }
  const offset = (p: { line: number; character: number }) => starts[p.line] + p.character;
  return text.slice(offset(range.start), offset(range.end));
}

export function ruleIdsIn(json: string): string[] {
  const report = JSON.parse(json) as { files: { findings: { ruleId: string }[] }[] };
  return report.files.flatMap((f) => f.findings.map((x) => x.ruleId));
}
