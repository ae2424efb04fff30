/** Clause coverage: every kind the loaded packs know, present or absent, with where. */
import { RuleContext } from './context';
import { KindCoverage } from './types';

export function computeCoverage(ctx: RuleContext): KindCoverage[] {
  return [...ctx.ruleSet.kinds.keys()].sort().map((kind) => ctx.coverageOf(kind));
}
