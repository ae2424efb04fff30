/**
 * Where each character of a normalised text came from in the original.
 *
 * Normalisation keeps most characters one for one, so the offset of normalised
 * character `k` in the original is `k + delta`, with `delta` changing only
 * where characters were dropped or a whitespace run collapsed. The map stores
 * one (start, delta) pair per run of equal delta instead of one offset per
 * character: a few bytes per collapse point rather than four per character
 * (40 MB for a 10 MB document), and nothing to write in the hot loop.
 */
export class OffsetMap {
  /**
   * @param runs pairs (start, delta) flattened: the normalised index where each run begins (the
   *   first is 0, increasing) and the original offset minus the normalised index within it
   * @param length length of the normalised text
   * @param sourceLength length of the original text: where index `length` maps
   */
  constructor(
    private readonly runs: readonly number[],
    readonly length: number,
    readonly sourceLength: number,
  ) {}

  /** Original offset of normalised character `k`; `k === length` maps to the original's length. */
  original(k: number): number {
    if (k >= this.length) return this.sourceLength;
    const runs = this.runs;
    if (runs.length === 2) return k + runs[1];
    let lo = 0;
    let hi = (runs.length >> 1) - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (runs[2 * mid] <= k) lo = mid;
      else hi = mid - 1;
    }
    return k + runs[2 * lo + 1];
  }

  /** The smallest normalised index whose original offset is at or after `offset` (`length` when there is none). */
  firstAtOrAfter(offset: number): number {
    const runs = this.runs;
    const count = runs.length >> 1;
    // Original offsets increase with k, so runs are ordered by their first original offset too.
    let lo = 0;
    let hi = count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (runs[2 * mid] + runs[2 * mid + 1] <= offset) lo = mid;
      else hi = mid - 1;
    }
    const runEnd = lo + 1 < count ? runs[2 * lo + 2] : this.length;
    const k = Math.max(runs[2 * lo], offset - runs[2 * lo + 1]);
    return Math.min(k, runEnd, this.length);
  }
}
