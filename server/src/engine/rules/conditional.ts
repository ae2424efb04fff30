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
import { Finding, RuleSpec } from '../types';
import { describeGrant, reachingDetections } from './qualification';
import { excerpt, makeFinding, RuleKind, scopeOption, stringList } from './ruleKind';

export const conditionalRule: RuleKind = {
  kind: 'conditional',
  options: ['if', 'then', 'scope', 'followReferences', 'binding'],
  run(rule: RuleSpec, ctx: RuleContext): Finding[] {
    const ifKind = String(rule.options.if);
    const thenKinds = stringList(rule.options.then);
    const scope = scopeOption(rule.options.scope, 'section');
    const follow = rule.options.followReferences !== false;
    const binding = rule.options.binding === 'grantee';
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
        const related = searched(ctx, spans, scope, referenced.map((s) => s.label || s.title));
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
};

function searched(ctx: RuleContext, spans: Span[], scope: string, referenced: string[]) {
  if (scope === 'document') return [];
  return spans.map((span, i) => ({
    span: { start: span.start, end: Math.min(span.end, span.start + 1) },
    message: i === 0 ? `searched this ${scope}` : `searched Section ${referenced[i - 1] ?? ''} (referred to by the clause)`,
  }));
}
