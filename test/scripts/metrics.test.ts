import * as assert from 'assert';
import { emptyConfusion, f1, formatRatio, precision, recall, tally } from '../../scripts/lib/metrics';
import { median, mbPerSecond } from '../../scripts/lib/stats';

describe('scripts/lib/metrics', () => {
  it('tallies predictions against gold', () => {
    const c = emptyConfusion();
    const pairs: [boolean, boolean][] = [[true, true], [true, true], [true, false], [false, true], [false, false], [false, false]];
    for (const [p, g] of pairs) tally(c, p, g);
    assert.deepStrictEqual(c, { tp: 2, fp: 1, fn: 1, tn: 2 });
    assert.strictEqual(precision(c), 2 / 3);
    assert.strictEqual(recall(c), 2 / 3);
    assert.ok(Math.abs(f1(c)! - 2 / 3) < 1e-12);
  });

  it('leaves scores undefined when their denominator is zero', () => {
    const none = { tp: 0, fp: 0, fn: 3, tn: 5 };
    assert.strictEqual(precision(none), undefined);
    assert.strictEqual(recall(none), 0);
    assert.strictEqual(f1(none), undefined);
    assert.strictEqual(recall({ tp: 0, fp: 2, fn: 0, tn: 1 }), undefined);
    assert.strictEqual(f1({ tp: 0, fp: 2, fn: 2, tn: 0 }), 0);
    assert.strictEqual(formatRatio(undefined), 'n/a');
    assert.strictEqual(formatRatio(0.85714), '0.857');
  });
});

describe('scripts/lib/stats', () => {
  it('takes the median of odd and even counts without reordering the input', () => {
    const runs = [5, 1, 3];
    assert.strictEqual(median(runs), 3);
    assert.deepStrictEqual(runs, [5, 1, 3]);
    assert.strictEqual(median([4, 1, 3, 2]), 2.5);
    assert.ok(Number.isNaN(median([])));
  });

  it('computes MB/s with 1 MB = 10^6 bytes', () => {
    assert.strictEqual(mbPerSecond(10_000_000, 100), 100);
  });
});
