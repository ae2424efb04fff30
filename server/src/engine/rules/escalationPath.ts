/**
 * `escalation-path`: a clause kind made of elements (trigger, hold, review, approver, record) must
 * be complete somewhere in the document. One finding per document when it is not, naming what is
 * missing or weak, on the clause that holds the path (else the first `anchor` kind, else the
 * definition of what is supplied, else the first line); its fix inserts only the missing
 * elements' clauses after the path's clause, or the `fix.clauses` when there is no path.
 */
import { Span } from '../../document/lineIndex';
import { RuleContext } from '../context';
import { elementLabel, gapsPhrase } from '../escalation/describe';
import { EscalationPath } from '../escalation/path';
import { unitName } from '../escalation/ties';
import { Finding, RelatedLocation, RuleSpec } from '../types';
import { stringList } from './options';
import { firstLine } from './require';
import { makeFinding, RuleKind } from './ruleKind';

const DEFAULT_INCOMPLETE = 'The escalation path in {where} has {gaps}. Add what is missing so a sensitive use waits for review, a named sign-off and a logged decision.';

export interface EscalationPathOptions {
  /** The clause kind made of elements. */
  clause: string;
  /** With no path, the finding sits on the first location of these kinds... */
  anchor: string[];
  /** ...else on the definition of a term named with one of these words (lower case). */
  supplied: string[];
  incompleteMessage: string;
}

export const escalationPathRule: RuleKind<EscalationPathOptions> = {
  kind: 'escalation-path',
  options: ['clause', 'anchor', 'supplied', 'incompleteMessage'],
  decode(rule: RuleSpec): EscalationPathOptions {
    const o = rule.options;
    return {
      clause: String(o.clause),
      anchor: stringList(o.anchor),
      supplied: stringList(o.supplied).map((w) => w.toLowerCase()),
      incompleteMessage: String(o.incompleteMessage ?? DEFAULT_INCOMPLETE),
    };
  },
  run(rule: RuleSpec, o: EscalationPathOptions, ctx: RuleContext): Finding[] {
    const kind = o.clause;
    if (!ctx.kind(kind)?.elements) throw new Error(`clause kind "${kind}" has no elements`);
    const path = ctx.pathOf(kind);
    if (path?.complete) return [];
    if (path) return [incompleteFinding(rule, o, ctx, kind, path)];
    const anchor = absentAnchor(o, ctx);
    return [makeFinding(rule, ctx, anchor ?? firstLine(ctx), { anchor: anchor ?? null, clauseKind: kind, vars: { kind: ctx.kind(kind)?.title ?? kind } })];
  },
  // The docs of an escalation-path rule say what it checks in their own words.
  describe: () => '',
};

function incompleteFinding(rule: RuleSpec, o: EscalationPathOptions, ctx: RuleContext, kind: string, path: EscalationPath): Finding {
  // The clause that holds the path: its hold, else its trigger (the elements that start a path).
  const holder = path.elements.find((e) => e.spec.starts && e.state === 'present') ?? path.elements.find((e) => e.spec.starts && e.locations.length > 0)!;
  const span = holder.locations[0];
  const related: RelatedLocation[] = path.elements.flatMap((e) => e.locations.slice(0, 3).map((l) => ({ span: l, message: `${elementLabel(e)} of the escalation path` })));
  const gaps = path.elements.filter((e) => e.state !== 'present');
  const clauses = gaps.map((e) => e.spec.clause).filter((c): c is string => c !== undefined);
  const message = o.incompleteMessage;
  // Element clauses go after the last paragraph of the path's own unit that holds an element.
  const inUnit = path.elements.flatMap((e) => e.locations).filter((l) => l.start >= path.unit.start && l.start < path.unit.end);
  const last = inUnit.sort((a, b) => b.start - a.start)[0] ?? span;
  return makeFinding({ ...rule, message, fix: { clauses } }, ctx, span, {
    anchor: last,
    clauseKind: kind,
    related,
    vars: { where: unitName(path.unit), gaps: gapsPhrase(path.elements), kind: ctx.kind(kind)?.title ?? kind, missing: String(gaps.length) },
  });
}

/** With no path: the first broad grant (or other anchor kind), else the definition of what is supplied. */
function absentAnchor(o: EscalationPathOptions, ctx: RuleContext): Span | undefined {
  for (const anchorKind of o.anchor) {
    const first = ctx.kindDetections(anchorKind)[0];
    if (first) return first.hit;
  }
  const supplied = o.supplied;
  if (supplied.length === 0) return undefined;
  const definition = ctx.doc.definitions.find((d) => d.form === 'means' && supplied.some((w) => d.term.toLowerCase().split(/\s+/).includes(w)));
  return definition?.termSpan;
}
