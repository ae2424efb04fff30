/**
 * The worker pool and the main thread's side of linting in workers, driven by
 * small worker scripts written for each case (one that answers, one that
 * throws, one that dies, one that cannot start): every chunk ends with results
 * or a failure, nothing waits on a dead worker, and a lint run reports the
 * files it lost, in input order.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Io, recordingIo, workerIo } from '../../server/src/cli/io';
import { TargetSettings } from '../../server/src/cli/lintTarget';
import { lintInWorkers } from '../../server/src/cli/parallel/lintInWorkers';
import { WorkerFileResult } from '../../server/src/cli/parallel/lintProtocol';
import { PoolHandlers, WorkerPool } from '../../server/src/cli/parallel/workerPool';
import { Target } from '../../server/src/cli/targets';
import { ConfigLoader } from '../../server/src/packs/config';
import { tempDir } from '../helpers';

const POOL_MODULE = path.join(__dirname, '..', '..', 'server', 'src', 'cli', 'parallel', 'workerPool.js');

/** A worker script whose chunk handler is `body` (a function of `tasks` returning results), with workerData in `data`. */
function workerScript(body: string): string {
  const file = path.join(tempDir('clauselint-pool-'), 'worker.js');
  fs.writeFileSync(file, `const { workerData: data } = require('worker_threads');\nrequire(${JSON.stringify(POOL_MODULE)}).serveChunks(async (tasks) => {\n${body}\n});\n`);
  return file;
}

interface Outcome {
  results: Map<number, unknown[]>;
  workersOf: Map<number, number>;
  failed: Map<number, string>;
  lost: string[];
  unstarted: number[];
}

async function runPool<T>(script: string, chunks: T[][], workers = 2, data: unknown = {}): Promise<Outcome> {
  const pool = new WorkerPool<T, unknown>(script, data, workers);
  const outcome: Outcome = { results: new Map(), workersOf: new Map(), failed: new Map(), lost: [], unstarted: [] };
  const handlers: PoolHandlers<unknown> = {
    onResults: (chunk, results, worker) => {
      outcome.results.set(chunk, results);
      outcome.workersOf.set(chunk, worker);
    },
    onChunkFailed: (chunk, reason) => void outcome.failed.set(chunk, reason),
    onWorkerLost: (reason) => void outcome.lost.push(reason),
  };
  try {
    outcome.unstarted = await pool.run(chunks, handlers);
  } finally {
    await pool.close();
  }
  return outcome;
}

describe('clauselint CLI: worker pool', function () {
  // Spawns processes or works hard: no wall-clock limit (a loaded machine is only slower); hung processes are killed by the helpers.
  this.timeout(0);

  it('answers every chunk, spreading the chunks over the workers', async () => {
    // Each chunk takes a little while, so one worker cannot take them all.
    const script = workerScript('await new Promise((r) => setTimeout(r, 100));\nreturn tasks.map((n) => n * data.factor);');
    const chunks = [[1, 2], [3], [4, 5, 6], [7], [8], [9, 10]];
    const out = await runPool(script, chunks, 2, { factor: 10 });
    assert.deepStrictEqual([...out.results.keys()].sort((a, b) => a - b), [0, 1, 2, 3, 4, 5]);
    assert.deepStrictEqual(out.results.get(2), [40, 50, 60]);
    assert.deepStrictEqual(new Set(out.workersOf.values()), new Set([0, 1]));
    assert.deepStrictEqual([out.failed.size, out.lost, out.unstarted], [0, [], []]);
  });

  it('fails only the chunk a worker throws on; the worker goes on with the others', async () => {
    const script = workerScript("if (tasks.includes('bad')) throw new Error('cannot handle bad');\nreturn tasks.map((t) => t.toUpperCase());");
    const out = await runPool(script, [['a'], ['bad', 'b'], ['c'], ['d']], 1);
    assert.deepStrictEqual(out.failed, new Map([[1, 'cannot handle bad']]));
    assert.deepStrictEqual([...out.results.entries()].sort(), [[0, ['A']], [2, ['C']], [3, ['D']]]);
    assert.deepStrictEqual([out.lost, out.unstarted], [[], []]);
  });

  it('fails the chunk a worker dies on, and the other worker takes the rest', async () => {
    const script = workerScript("if (tasks.includes('fatal')) process.exit(3);\nawait new Promise((r) => setTimeout(r, 10));\nreturn tasks;");
    const out = await runPool(script, [['a'], ['fatal'], ['b'], ['c'], ['d']], 2);
    assert.deepStrictEqual(out.failed, new Map([[1, 'the worker thread exited with code 3']]));
    assert.deepStrictEqual([...out.results.keys()].sort(), [0, 2, 3, 4]);
    assert.deepStrictEqual([out.lost, out.unstarted], [[], []]);
  });

  it('gives back every chunk, without waiting, when no worker starts', async () => {
    const file = path.join(tempDir('clauselint-pool-'), 'worker.js');
    fs.writeFileSync(file, "throw new Error('broken install');\n");
    const out = await runPool(file, [['a'], ['b'], ['c']], 2);
    assert.deepStrictEqual(out.lost, ['broken install', 'broken install']);
    assert.deepStrictEqual(out.unstarted, [0, 1, 2]);
    assert.deepStrictEqual([out.results.size, out.failed.size], [0, 0]);
  });

  it('fails the chunk whose worker dies even when every worker is gone', async () => {
    const script = workerScript('process.exit(5);');
    const out = await runPool(script, [['a'], ['b'], ['c']], 2);
    assert.deepStrictEqual(out.failed, new Map([[0, 'the worker thread exited with code 5'], [1, 'the worker thread exited with code 5']]));
    assert.deepStrictEqual(out.unstarted, [2]);
  });
});

describe('clauselint CLI: linting in workers that fail', function () {
  // Spawns processes or works hard: no wall-clock limit (a loaded machine is only slower); hung processes are killed by the helpers.
  this.timeout(0);
  const settings: TargetSettings = { quiet: false, fixTo: 'none', maxFileSize: 1024 * 1024, onlyStdin: false, coverage: true };
  let dir: string;
  let targets: Target[];
  let stderr: string[];
  let io: Io;

  beforeEach(() => {
    dir = tempDir('clauselint-lost-');
    targets = ['a.md', 'b.md', 'crash.md', 'd.md'].map((name) => {
      fs.writeFileSync(
        path.join(dir, name),
        `# ${name}\n\nThe Contractor shall host its artificial intelligence models for the Agency. The AI models are retrained each month.\n\nThe Agency may use the models for any lawful purpose.\n`,
      );
      return { file: path.join(dir, name), shown: name, stdin: false };
    });
    stderr = [];
    io = { ...workerIo(dir, {}), stderr: (text) => void stderr.push(text) };
  });

  const chunksOfOne = () => targets.map((_, i) => [i]);

  it('reports the files of a worker that died as internal errors, in input order, and lints the others', async () => {
    // Answers like a lint worker (each file's output kept for the main thread), and dies on crash.md;
    // a.md is slow, so the other files finish first and only the main thread's ordering puts a.md first.
    const script = workerScript(
      "if (tasks.some((t) => t.shown === 'crash.md')) process.exit(7);\n" +
        "await new Promise((r) => setTimeout(r, tasks.some((t) => t.shown === 'a.md') ? 300 : 10));\n" +
        "return tasks.map((t) => ({ writes: [{ stream: 'stderr', text: 'linted ' + t.shown + '\\n' }], failed: false }));",
    );
    const pool = new WorkerPool<Target, WorkerFileResult>(script, {}, 2);
    try {
      const results = await lintInWorkers(pool, targets, chunksOfOne(), new ConfigLoader(), settings, io);
      assert.deepStrictEqual(results.map((r) => r.failed), [false, false, true, false]);
    } finally {
      await pool.close();
    }
    assert.deepStrictEqual(stderr, [
      'linted a.md\n',
      'linted b.md\n',
      'clauselint: cannot lint crash.md: internal error in a worker thread: the worker thread exited with code 7\n',
      'linted d.md\n',
    ]);
  });

  it('lints in this thread, after a warning, what no worker was left to take', async () => {
    const file = path.join(tempDir('clauselint-pool-'), 'worker.js');
    fs.writeFileSync(file, "throw new Error('cannot load the engine');\n");
    const pool = new WorkerPool<Target, WorkerFileResult>(file, {}, 2);
    let results;
    try {
      results = await lintInWorkers(pool, targets, chunksOfOne(), new ConfigLoader(), settings, io);
    } finally {
      await pool.close();
    }
    assert.deepStrictEqual(stderr, Array(2).fill('clauselint: warning: a worker thread stopped: cannot load the engine; the other threads lint its share\n'));
    assert.deepStrictEqual(results.map((r) => r.file?.path), ['a.md', 'b.md', 'crash.md', 'd.md']);
    assert.ok(results.every((r) => !r.failed && r.file!.findings.some((f) => f.ruleId === 'recommended/broad-use-grant')));
  });

  it('a recording Io keeps output in order for later', () => {
    const { io: recording, writes } = recordingIo(io);
    recording.stderr('one\n');
    recording.stdout('two\n');
    assert.deepStrictEqual(writes, [{ stream: 'stderr', text: 'one\n' }, { stream: 'stdout', text: 'two\n' }]);
    assert.deepStrictEqual(stderr, []);
  });
});
