/**
 * `conditional`: where clause kind `if` is found, each kind in `then` must be
 * present in the same scope (sentence, paragraph, section or document), counting
 * the sections that the clause's sentence refers to ("subject to Section 9").
 * With `binding: grantee`, a `then` clause counts only when it reaches the `if`
 * clause's holder (a prohibition binding the grantee, everyone, or any use of the thing).
 * One finding per `if` location and missing kind, at the `if` words.
 */
import { Span } from '../../document/lineIndex';
import { RuleContext } from '../context';
import { Finding, RuleSet, RuleSpec, Scope } from '../types';
import { scopeOption, stringList } from './options';
import { describeGrant, reachingDetections } from './qualification';
import { excerpt, kindTitle, makeFinding, RuleKind, withArticle } from './ruleKind';

export interface ConditionalOptions {
  if: string;
  then: string[];
  /** Default: the section. */
  scope: Scope;
  followReferences: boolean;
  /** `binding: grantee`. */
  bindingGrantee: boolean;
}

export const conditionalRule: RuleKind<ConditionalOptions> = {
  kind: 'conditional',
  options: ['if', 'then', 'scope', 'followReferences', 'binding'],
  decode(rule: RuleSpec): ConditionalOptions {
    const o = rule.options;
    return { if: String(o.if), then: stringList(o.then), scope: scopeOption(o.scope, 'section'), followReferences: o.followReferences !== false, bindingGrantee: o.binding === 'grantee' };
  },
  run(rule: RuleSpec, o: ConditionalOptions, ctx: RuleContext): Finding[] {
    const { if: ifKind, then: thenKinds, scope, followReferences: follow, bindingGrantee: binding } = o;
    const findings: Finding[] = [];
    const seen = new Set<number>();
    // The kind's own detections and those rules contribute (each use of a broadly defined term is a grant too).
    for (const { hit } of ctx.kindDetections(ifKind)) {
      if (seen.has(hit.start)) continue;
      seen.add(hit.start);
      const { spans, referenced } = ctx.scopeSpans(hit.start, scope, follow);
      for (const thenKind of thenKinds) {
        if (binding ? reachingDetections(ctx, thenKind, spans, hit.start, true).length > 0 : ctx.kindPresentIn(thenKind, spans)) continue;
        const title = ctx.kind(thenKind)?.title ?? thenKind;
        // The finding sits on the `if` clause itself; related locations say where else was searched.
        const related = searched(spans, scope, referenced.map((s) => s.label || s.title));
        const clauses = rule.fix.clauses.filter((id) => {
          const k = ctx.ruleSet.clauses.get(id)?.kind;
          return !k || !thenKinds.includes(k) || k === thenKind;
        });
        findings.push(
          makeFinding({ ...rule, fix: { ...rule.fix, clauses } }, ctx, hit, {
            related,
            clauseKind: thenKind,
            vars: { kind: title, scope: scope === 'document' ? 'the document' : `the same ${scope}`, ...describeGrant(ctx, hit.start, excerpt(ctx, hit)) },
          }),
        );
      }
    }
    return findings;
  },
  describe(_rule: RuleSpec, o: ConditionalOptions, ruleSet: RuleSet): string {
    const required = o.then.map((k) => withArticle(kindTitle(ruleSet, k))).join(' and ');
    return `Where the document has ${withArticle(kindTitle(ruleSet, o.if))}, requires ${required} in ${o.scope === 'document' ? 'the document' : `the same ${o.scope}`}.`;
  },
};

function searched(spans: Span[], scope: string, referenced: string[]) {
  if (scope === 'document') return [];
  return spans.map((span, i) => ({
    span: { start: span.start, end: Math.min(span.end, span.start + 1) },
    message: i === 0 ? `searched this ${scope}` : `searched Section ${referenced[i - 1] ?? ''} (referred to by the clause)`,
  }));
}
