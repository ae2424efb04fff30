/** How many worker threads a lint run uses, and how its files are cut into chunks. */
import * as assert from 'assert';
import { chunkTargets, PARALLEL_MIN_BYTES, workerCount } from '../../server/src/cli/parallel/workPlan';
import { Target } from '../../server/src/cli/targets';

const file = (name: string): Target => ({ file: `/c/${name}`, shown: name, stdin: false });
const STDIN: Target = { file: '/c/<stdin>', shown: '<stdin>', stdin: true };
const files = (n: number) => Array.from({ length: n }, (_, i) => file(`f${i}.md`));

describe('clauselint CLI: work plan for worker threads', () => {
  describe('workerCount', () => {
    const big = (n: number) => Array(n).fill(Math.ceil(PARALLEL_MIN_BYTES / n));

    it('by default, one worker per CPU once the files reach the threshold, at most one per file', () => {
      assert.strictEqual(workerCount(undefined, files(1000), big(1000), 2), 2);
      assert.strictEqual(workerCount(undefined, files(1000), big(1000), 8), 8);
      assert.strictEqual(workerCount(undefined, files(3), big(3), 8), 3);
    });

    it('by default, stays in one thread below the threshold, on one CPU, or for one file', () => {
      assert.strictEqual(workerCount(undefined, files(1000), Array(1000).fill(Math.floor((PARALLEL_MIN_BYTES - 1) / 1000)), 8), 0);
      assert.strictEqual(workerCount(undefined, files(1000), big(1000), 1), 0);
      assert.strictEqual(workerCount(undefined, files(1), [PARALLEL_MIN_BYTES * 4], 8), 0);
    });

    it('with --jobs, uses that many workers whatever the size, at most one per file, and none for --jobs 1', () => {
      assert.strictEqual(workerCount(4, files(10), Array(10).fill(100), 2), 4);
      assert.strictEqual(workerCount(4, files(3), Array(3).fill(100), 2), 3);
      assert.strictEqual(workerCount(1, files(1000), big(1000), 8), 0);
    });

    it('never starts workers for standard input alone or a single file beside it', () => {
      assert.strictEqual(workerCount(4, [STDIN], [0], 8), 0);
      assert.strictEqual(workerCount(4, [file('a.md'), STDIN], [100, 0], 8), 0);
      assert.strictEqual(workerCount(4, [file('a.md'), STDIN, file('b.md')], [100, 0, 100], 8), 2);
    });
  });

  describe('chunkTargets', () => {
    it('cuts files in input order, leaving standard input out, so each worker gets several chunks', () => {
      const targets = [file('a'), file('b'), STDIN, file('c'), file('d'), file('e')];
      assert.deepStrictEqual(chunkTargets(targets, [1, 1, 0, 1, 1, 1], 2), [[0], [1], [3], [4], [5]]);
    });

    it('puts at most 16 files in a chunk', () => {
      const chunks = chunkTargets(files(1000), Array(1000).fill(50_000), 2);
      assert.strictEqual(chunks.length, Math.ceil(1000 / 16));
      assert.deepStrictEqual(chunks[0], Array.from({ length: 16 }, (_, i) => i));
      assert.deepStrictEqual(chunks.flat(), Array.from({ length: 1000 }, (_, i) => i));
    });

    it('closes a chunk once it holds 1 MB, so large files go one or a few at a time', () => {
      const sizes = [3_000_000, 10_000, 600_000, 600_000, ...Array(60).fill(10_000)];
      const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
      assert.deepStrictEqual(chunkTargets(files(64), sizes, 1), [[0], [1, 2, 3], range(4, 20), range(20, 36), range(36, 52), range(52, 64)]);
    });
  });
});
