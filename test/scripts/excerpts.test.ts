import * as assert from 'assert';
import { foldForSearch, locateExcerpt, oneLine, overlaps } from '../../scripts/lib/excerpts';

describe('scripts/lib/excerpts', () => {
  const text = 'Preamble.\n\n7.2  The Buyer may AUDIT the\n   Seller\u2019s books  once a year.\nPage 4\nThe audit is at the Buyer\u2019s cost.';

  it('finds an excerpt whatever its spacing, case and quote style, with offsets in the original', () => {
    const spans = locateExcerpt(foldForSearch(text), "the buyer may audit the seller's books once a year.");
    assert.ok(spans);
    assert.strictEqual(spans.length, 1);
    assert.strictEqual(text.slice(spans[0].start, spans[0].end), 'The Buyer may AUDIT the\n   Seller\u2019s books  once a year.');
  });

  it('finds the parts of an excerpt split by <omitted>, in order', () => {
    const spans = locateExcerpt(foldForSearch(text), 'once a year.<omitted>The audit is at');
    assert.deepStrictEqual(spans?.map((s) => text.slice(s.start, s.end)), ['once a year.', 'The audit is at']);
  });

  it('gives undefined when any part is missing, or parts are out of order', () => {
    const folded = foldForSearch(text);
    assert.strictEqual(locateExcerpt(folded, 'the Seller may audit'), undefined);
    assert.strictEqual(locateExcerpt(folded, 'The audit is at<omitted>once a year'), undefined);
    assert.strictEqual(locateExcerpt(folded, '  '), undefined);
  });

  it('maps folded offsets to original offsets, skipping leading whitespace', () => {
    const folded = foldForSearch('  A\t\tB');
    assert.strictEqual(folded.text, 'a b');
    assert.deepStrictEqual(folded.map, [2, 4, 5]);
  });

  it('tests half-open overlap', () => {
    assert.ok(overlaps({ start: 0, end: 5 }, { start: 4, end: 9 }));
    assert.ok(!overlaps({ start: 0, end: 5 }, { start: 5, end: 9 }));
  });

  it('shows text on one short line', () => {
    assert.strictEqual(oneLine('a\n  b\tc'), 'a b c');
    assert.strictEqual(oneLine('abcdefghij', 5), 'abcd…');
  });
});
