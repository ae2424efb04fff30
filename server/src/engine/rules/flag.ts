/**
 * `flag`: words that should not be there (a broad grant, a weak hedge): the hits
 * of `terms`, or the locations of clause kind `clause`. Optional co-occurrence
 * (`with`, `without` in the same `within` span) narrows what counts;
 * `qualifiedBy` silences a hit when one of those clause kinds is present in its
 * scope (e.g. a broad grant narrowed by a prohibited-use list), or, with
 * `qualifiedSeverity`, reports it at that severity with the qualifying clauses as
 * related locations (a qualified grant stays visible). With `oncePer: sentence`
 * (or paragraph, section) only the first hit in each such span is reported.
 */
import { RuleContext } from '../context';
import { Finding, RelatedLocation, RuleSpec, Severity } from '../types';
import { describeGrant, qualificationOf } from './qualification';
import { excerpt, makeFinding, RuleKind, stringList } from './ruleKind';

export const flagRule: RuleKind = {
  kind: 'flag',
  options: ['terms', 'clause', 'with', 'without', 'within', 'inSectionTitled', 'qualifiedBy', 'qualifiedWhen', 'qualifiedSeverity', 'qualifiedMessage', 'binding', 'scope', 'followReferences', 'oncePer'],
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
    const kind = rule.clauseKind ?? (o.clause ? String(o.clause) : undefined);
    for (const { hit } of detections) {
      if (once) {
        const span = ctx.containerOf(hit.start, once);
        if (reported.has(span.start)) continue;
        reported.add(span.start);
      }
      const { qualified, reaching } = qualificationOf(rule, ctx, hit.start);
      const named = describeGrant(ctx, hit.start, excerpt(ctx, hit));
      const vars = { grant: named.grant, holder: named.holder };
      const related: RelatedLocation[] = [];
      for (const [k, found] of reaching) {
        for (const d of found) {
          if (related.some((r) => r.span.start === d.hit.start)) continue;
          related.push({ span: d.hit, message: `${ctx.kind(k)?.title ?? k}, binding ${named.holder}: "${excerpt(ctx, d.hit)}"` });
        }
      }
      if (kind && o.qualifiedSeverity) ctx.grants.noteStatus(kind, { span: hit, holder: ctx.grants.holderAt(hit.start), qualified, qualifiers: related.map((r) => r.span) });
      if (!qualified) findings.push(makeFinding(rule, ctx, hit, { vars }));
      else if (o.qualifiedSeverity) {
        const severity = o.qualifiedSeverity as Severity;
        const message = (o.qualifiedMessage as string | undefined) ?? rule.message;
        findings.push(makeFinding({ ...rule, severity, fix: { clauses: [] } }, ctx, hit, { message, vars, related }));
      }
    }
    return findings;
  },
};
