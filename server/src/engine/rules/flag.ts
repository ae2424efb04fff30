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
import { Detector, Finding, RelatedLocation, RuleSet, RuleSpec, Severity } from '../types';
import { decodeQualifying, QualifyingOptions, stringList } from './options';
import { describeGrant, qualificationOf } from './qualification';
import { excerpt, kindTitle, makeFinding, RuleKind } from './ruleKind';

export interface FlagOptions {
  /** `clause`: flag the locations of this clause kind, instead of the hits of `detector`. */
  clause?: string;
  /** `terms` with `with`, `without` in the same `within` span, `inSectionTitled`. */
  detector: Detector;
  qualifying: QualifyingOptions;
  qualifiedSeverity?: Severity;
  qualifiedMessage?: string;
  oncePer?: 'sentence' | 'paragraph' | 'section';
}

export const flagRule: RuleKind<FlagOptions> = {
  kind: 'flag',
  options: ['terms', 'clause', 'with', 'without', 'within', 'inSectionTitled', 'qualifiedBy', 'qualifiedWhen', 'qualifiedSeverity', 'qualifiedMessage', 'binding', 'scope', 'followReferences', 'oncePer'],
  decode(rule: RuleSpec): FlagOptions {
    const o = rule.options;
    return {
      clause: o.clause ? String(o.clause) : undefined,
      detector: {
        terms: String(o.terms),
        with: stringList(o.with),
        without: stringList(o.without),
        within: (o.within as 'sentence' | 'paragraph' | 'section') ?? 'sentence',
        inSectionTitled: o.inSectionTitled as string | undefined,
      },
      qualifying: decodeQualifying(o),
      qualifiedSeverity: (o.qualifiedSeverity as Severity | undefined) || undefined,
      qualifiedMessage: o.qualifiedMessage as string | undefined,
      oncePer: o.oncePer as 'sentence' | 'paragraph' | 'section' | undefined,
    };
  },
  run(rule: RuleSpec, o: FlagOptions, ctx: RuleContext): Finding[] {
    const detections = o.clause ? ctx.kindDetections(o.clause, true) : ctx.detect(o.detector);
    const findings: Finding[] = [];
    const once = o.oncePer;
    const reported = new Set<number>();
    const kind = rule.clauseKind ?? o.clause;
    for (const { hit } of detections) {
      if (once) {
        const span = ctx.containerOf(hit.start, once);
        if (reported.has(span.start)) continue;
        reported.add(span.start);
      }
      const { qualified, reaching } = qualificationOf(o.qualifying, ctx, hit.start);
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
      // The fix inserts only the carve-outs still missing: those already binding the grantee stay as they are.
      if (!qualified) findings.push(makeFinding(rule, ctx, hit, { vars, presentKinds: [...reaching.keys()] }));
      else if (o.qualifiedSeverity) {
        const severity = o.qualifiedSeverity;
        const message = o.qualifiedMessage ?? rule.message;
        findings.push(makeFinding({ ...rule, severity, fix: { clauses: [] } }, ctx, hit, { message, vars, related }));
      }
    }
    return findings;
  },
  describe(_rule: RuleSpec, o: FlagOptions, ruleSet: RuleSet): string {
    if (!o.clause) return 'Flags the words listed in its term set.';
    const narrowedBy = o.qualifying.kinds.map((k) => kindTitle(ruleSet, k)).join(' or ').toLowerCase();
    return `Flags each ${kindTitle(ruleSet, o.clause).toLowerCase()}${o.qualifying.kinds.length > 0 ? ` that no ${narrowedBy} narrows` : ''}.`;
  },
};
