/** The interface every rule kind implements, and the helpers that turn a location into a finding and name a clause kind in docs. */
import { Span } from '../../document/lineIndex';
import { RuleContext } from '../context';
import { insertClausesPlan, replacePlan, suppressPlan } from '../fixes/plans';
import { Finding, FixPlan, RelatedLocation, RuleSet, RuleSpec } from '../types';
import { QualifyingOptions } from './options';
import { qualificationOf } from './qualification';

/** A rule kind; `O` is its options as `decode` reads them. */
export interface RuleKind<O = unknown> {
  readonly kind: string;
  /** Option names this kind reads (validated against the schema; listed for `explain`). */
  readonly options: readonly string[];
  /** Rules of this kind add clause locations (ctx.contribute): they run before the others read coverage. */
  readonly contributesCoverage?: boolean;
  /** The rule's options as a typed object, read once when the rule set is built (after the pack's validation). */
  decode(rule: RuleSpec): O;
  run(rule: RuleSpec, options: O, ctx: RuleContext): Finding[];
  /** What a rule of this kind checks, in one sentence for its docs (engine/ruleDocs: docs pages, `explain`, the editor). */
  describe(rule: RuleSpec, options: O, ruleSet: RuleSet): string;
}

/** A clause kind as docs name it: its title, else its id. */
export function kindTitle(ruleSet: RuleSet, kind: string): string {
  return ruleSet.kinds.get(kind)?.title ?? kind;
}

/** "an audit trigger", "a broad-use grant". */
export function withArticle(title: string): string {
  const lower = title.toLowerCase();
  return `${/^[aeio]/.test(lower) ? 'an' : 'a'} ${lower}`;
}

export interface FindingDetails {
  message?: string;
  related?: RelatedLocation[];
  /** Where clause insertions go after (defaults to the finding itself). */
  anchor?: Span | null;
  clauseKind?: string;
  /** Values for {placeholders} in the rule's message. */
  vars?: Record<string, string>;
  /** Clause kinds already present where the fix applies (those reaching the grant): its clause insertions leave them out. */
  presentKinds?: string[];
}

export function fillMessage(template: string, vars: Record<string, string>): string {
  // Own properties only: a message saying {constructor} or {toString} stays as written.
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.prototype.hasOwnProperty.call(vars, name) ? vars[name] : whole));
}

/** Text of a span with its whitespace collapsed, for messages. */
export function excerpt(ctx: RuleContext, span: Span, max = 80): string {
  const text = ctx.doc.text.slice(span.start, span.end).replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim();
  return text.length > max ? text.slice(0, max - 1) + '…' : text;
}

export function makeFinding(rule: RuleSpec, ctx: RuleContext, span: Span, details: FindingDetails = {}): Finding {
  const vars = { match: excerpt(ctx, span), ...details.vars };
  // Fix plans are worked out when first read: the editor reads them only for a quick-fix menu, and
  // on a long contract they are a fifth of each keystroke's lint (insertion points, the parties' names).
  let fixes: FixPlan[] | undefined;
  const { doc, ruleSet, grants } = ctx; // not the context itself: its caches are not kept with the findings
  const planFixes = (): FixPlan[] => {
    const plans: FixPlan[] = [];
    if (rule.fix.clauses.length > 0) {
      const anchor = details.anchor === undefined ? span : details.anchor ?? undefined;
      // A clause answering a grant binds the grant's holder; any other clause names the parties by their roles.
      const holder = anchor && grants.grantAt(anchor.start) ? grants.holderAt(anchor.start) : undefined;
      plans.push(...insertClausesPlan(doc, ruleSet, rule.fix.clauses, anchor, { present: details.presentKinds, holder }));
    }
    if (rule.fix.replace !== undefined) plans.push(replacePlan(span, rule.fix.replace, vars.match));
    plans.push(suppressPlan(doc, [rule.id], span));
    return plans;
  };
  return {
    ruleId: rule.id,
    severity: rule.severity,
    message: fillMessage(details.message ?? rule.message, vars),
    span,
    clauseKind: details.clauseKind ?? rule.clauseKind,
    docsUrl: rule.docsUrl,
    source: rule.source,
    related: details.related ?? [],
    get fixes() {
      return (fixes ??= planFixes());
    },
  };
}

/** The finding at another severity; its fix plans stay unworked until read (a spread would work them out). */
export function withSeverity(finding: Finding, severity: Finding['severity']): Finding {
  const copy = Object.defineProperties({}, Object.getOwnPropertyDescriptors(finding)) as Finding;
  copy.severity = severity;
  return copy;
}

/**
 * Whether a location is narrowed by the rule's `qualifiedBy` clause kinds in its
 * scope (default: the document), following cross-references: by any one of them,
 * or with `qualifiedWhen: all` by every one (see qualification.ts, which also
 * applies `binding: grantee`).
 */
export function isQualified(qualifying: QualifyingOptions, ctx: RuleContext, offset: number): boolean {
  return qualificationOf(qualifying, ctx, offset).qualified;
}
