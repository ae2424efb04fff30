/** Clause coverage: every kind the loaded packs know (but those reported only as another kind's elements), present or absent, with where. */
import { RuleContext } from './context';
import { KindCoverage } from './types';

export function computeCoverage(ctx: RuleContext): KindCoverage[] {
  return [...ctx.ruleSet.kinds.values()].filter((k) => k.coverage !== false).map((k) => k.id).sort().map((kind) => ctx.coverageOf(kind));
}
