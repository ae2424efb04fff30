/** The process boundary of the CLI, in one place so commands stay testable and streams are handled once. */
import * as fs from 'fs';
import { formatBytes } from '../io/formatBytes';
import { printableLog } from '../io/terminalText';

export interface Io {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout(text: string): void;
  stderr(text: string): void;
  stdoutIsTty: boolean;
  stderrIsTty: boolean;
  /** Whether stdin is a pipe or a redirected file (so reading it cannot block on a terminal or /dev/null). */
  stdinHasData(): boolean;
  readStdin(limit: number): Promise<Buffer>;
}

export function processIo(): Io {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: (text) => void process.stdout.write(text),
    // Messages name files and quote documents: no raw control characters reach the terminal.
    stderr: (text) => void process.stderr.write(printableLog(text)),
    stdoutIsTty: !!process.stdout.isTTY,
    stderrIsTty: !!process.stderr.isTTY,
    stdinHasData() {
      try {
        const stat = fs.fstatSync(0);
        return stat.isFIFO() || stat.isFile() || stat.isSocket();
      } catch {
        return false;
      }
    },
    readStdin,
  };
}

export class InputTooLargeError extends Error {}

function readStdin(limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    process.stdin.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        process.stdin.destroy();
        reject(new InputTooLargeError(`standard input is larger than the --max-file-size limit of ${formatBytes(limit)}`));
        return;
      }
      chunks.push(chunk);
    });
    process.stdin.on('end', () => resolve(Buffer.concat(chunks)));
    process.stdin.on('error', reject);
  });
}

/** Text one step meant for stdout or stderr, kept to be printed later (in input order, by the thread that owns the streams). */
export interface Write {
  stream: 'stdout' | 'stderr';
  text: string;
}

/** `base` with its output recorded instead of printed, for work whose output must wait its turn (input order). */
export function recordingIo(base: Io): { io: Io; writes: Write[] } {
  const writes: Write[] = [];
  const io: Io = {
    ...base,
    stdout: (text) => void writes.push({ stream: 'stdout', text }),
    stderr: (text) => void writes.push({ stream: 'stderr', text }),
  };
  return { io, writes };
}

/** What a worker thread has of the process boundary: no terminal and no standard input (only the main thread reads that). */
export function workerIo(cwd: string, env: NodeJS.ProcessEnv): Io {
  return {
    cwd,
    env,
    stdout: () => {
      throw new Error('a worker thread records its output');
    },
    stderr: () => {
      throw new Error('a worker thread records its output');
    },
    stdoutIsTty: false,
    stderrIsTty: false,
    stdinHasData: () => false,
    readStdin: () => Promise.reject(new Error('standard input is read by the main thread only')),
  };
}

export function replay(writes: readonly Write[], io: Io): void {
  for (const w of writes) io[w.stream](w.text);
}
