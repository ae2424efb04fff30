/** The interface every rule kind implements, and the helper that turns a location into a finding. */
import { Span } from '../../document/lineIndex';
import { RuleContext } from '../context';
import { insertClausesPlan, replacePlan, suppressPlan } from '../fixes/plans';
import { Finding, RelatedLocation, RuleSpec, Scope } from '../types';
import { qualificationOf } from './qualification';

export interface RuleKind {
  readonly kind: string;
  /** Option names this kind reads (validated against the schema; listed for `explain`). */
  readonly options: readonly string[];
  /** Rules of this kind add clause locations (ctx.contribute): they run before the others read coverage. */
  readonly contributesCoverage?: boolean;
  run(rule: RuleSpec, ctx: RuleContext): Finding[];
}

export interface FindingDetails {
  message?: string;
  related?: RelatedLocation[];
  /** Where clause insertions go after (defaults to the finding itself). */
  anchor?: Span | null;
  clauseKind?: string;
  /** Values for {placeholders} in the rule's message. */
  vars?: Record<string, string>;
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
  const fixes = [];
  if (rule.fix.clauses.length > 0) {
    const anchor = details.anchor === undefined ? span : details.anchor ?? undefined;
    fixes.push(...insertClausesPlan(ctx.doc, ctx.ruleSet, rule.fix.clauses, anchor));
  }
  if (rule.fix.replace !== undefined) fixes.push(replacePlan(span, rule.fix.replace, vars.match));
  fixes.push(suppressPlan(ctx.doc, rule.id, span));
  return {
    ruleId: rule.id,
    severity: rule.severity,
    message: fillMessage(details.message ?? rule.message, vars),
    span,
    clauseKind: details.clauseKind ?? rule.clauseKind,
    docsUrl: rule.docsUrl,
    source: rule.source,
    related: details.related ?? [],
    fixes,
  };
}

export { stringList } from './options';

export function scopeOption(value: unknown, fallback: Scope): Scope {
  return value === 'sentence' || value === 'paragraph' || value === 'section' || value === 'document' ? value : fallback;
}

/**
 * Whether a location is narrowed by the rule's `qualifiedBy` clause kinds in its
 * scope (default: the document), following cross-references: by any one of them,
 * or with `qualifiedWhen: all` by every one (see qualification.ts, which also
 * applies `binding: grantee`).
 */
export function isQualified(rule: RuleSpec, ctx: RuleContext, offset: number): boolean {
  return qualificationOf(rule, ctx, offset).qualified;
}
