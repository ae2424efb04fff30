/** Clause coverage: every kind the loaded packs know (but those reported only as another kind's elements), present or absent, with where; broad grants qualified or not. */
import { RuleContext } from './context';
import { KindCoverage } from './types';

export function computeCoverage(ctx: RuleContext): KindCoverage[] {
  return [...ctx.ruleSet.kinds.values()].filter((k) => k.coverage !== false).map((k) => k.id).sort().map((kind) => {
    const coverage = ctx.coverageOf(kind);
    const grants = ctx.grants.statusesOf(kind);
    if (!grants || grants.length === 0) return coverage;
    // A broad grant is never just "present": it is qualified (every one reached by its carve-outs) or not.
    return { ...coverage, qualification: grants.every((g) => g.qualified) ? 'qualified' : 'unqualified', grants };
  });
}
