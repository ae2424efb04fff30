/** Confusion counts and the scores computed from them. */

export interface Confusion {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export function emptyConfusion(): Confusion {
  return { tp: 0, fp: 0, fn: 0, tn: 0 };
}

/** Count one (predicted, gold) pair. */
export function tally(c: Confusion, predicted: boolean, gold: boolean): void {
  if (predicted && gold) c.tp++;
  else if (predicted) c.fp++;
  else if (gold) c.fn++;
  else c.tn++;
}

/** undefined when nothing was predicted positive (precision is then not defined). */
export function precision(c: Confusion): number | undefined {
  return c.tp + c.fp === 0 ? undefined : c.tp / (c.tp + c.fp);
}

/** undefined when there is no gold positive. */
export function recall(c: Confusion): number | undefined {
  return c.tp + c.fn === 0 ? undefined : c.tp / (c.tp + c.fn);
}

export function f1(c: Confusion): number | undefined {
  const p = precision(c);
  const r = recall(c);
  if (p === undefined || r === undefined) return undefined;
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

/** A ratio to 3 decimals, or "n/a" when it is not defined. */
export function formatRatio(x: number | undefined): string {
  return x === undefined ? 'n/a' : x.toFixed(3);
}
