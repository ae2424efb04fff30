/**
 * `flag`: words that should not be there (a broad grant, a weak hedge): the hits
 * of `terms`, or the locations of clause kind `clause`. Optional co-occurrence
 * (`with`, `without` in the same `within` span) narrows what counts;
 * `qualifiedBy` silences a hit when one of those clause kinds is present in its
 * scope (e.g. a broad grant narrowed by a prohibited-use list). With `oncePer:
 * sentence` (or paragraph, section) only the first hit in each such span is reported.
 */
import { RuleContext } from '../context';
import { Finding, RuleSpec } from '../types';
import { isQualified, makeFinding, RuleKind, stringList } from './ruleKind';

export const flagRule: RuleKind = {
  kind: 'flag',
  options: ['terms', 'clause', 'with', 'without', 'within', 'inSectionTitled', 'qualifiedBy', 'qualifiedWhen', 'scope', 'followReferences', 'oncePer'],
  run(rule: RuleSpec, ctx: RuleContext): Finding[] {
    const o = rule.options;
    const detections = o.clause
      ? ctx.kindDetections(String(o.clause), true)
      : ctx.detect({
          terms: String(o.terms),
          with: stringList(o.with),
          without: stringList(o.without),
          within: (o.within as 'sentence' | 'paragraph' | 'section') ?? 'sentence',
          inSectionTitled: o.inSectionTitled as string | undefined,
        });
    const findings: Finding[] = [];
    const once = o.oncePer as 'sentence' | 'paragraph' | 'section' | undefined;
    const reported = new Set<number>();
    for (const { hit } of detections) {
      if (once) {
        const span = ctx.containerOf(hit.start, once);
        if (reported.has(span.start)) continue;
        reported.add(span.start);
      }
      if (!isQualified(rule, ctx, hit.start)) findings.push(makeFinding(rule, ctx, hit));
    }
    return findings;
  },
};
