/**
 * `require`: a clause kind must be present in the document. The finding sits on
 * the first location of an `anchor` kind (e.g. the broad grant that makes the
 * clause necessary), else on the document's first line of text.
 */
import { Span } from '../../document/lineIndex';
import { RuleContext } from '../context';
import { Finding, RuleSet, RuleSpec } from '../types';
import { stringList } from './options';
import { kindTitle, makeFinding, RuleKind, withArticle } from './ruleKind';

export interface RequireOptions {
  clause: string;
  /** Clause kinds whose first location the finding sits on, in order of preference. */
  anchor: string[];
}

export const requireRule: RuleKind<RequireOptions> = {
  kind: 'require',
  options: ['clause', 'anchor'],
  decode(rule: RuleSpec): RequireOptions {
    return { clause: String(rule.options.clause), anchor: stringList(rule.options.anchor) };
  },
  run(rule: RuleSpec, o: RequireOptions, ctx: RuleContext): Finding[] {
    const kind = o.clause;
    if (ctx.coverageOf(kind).present) return [];
    let anchor: Span | undefined;
    for (const anchorKind of o.anchor) {
      const first = ctx.kindDetections(anchorKind)[0];
      if (first) {
        anchor = first.hit;
        break;
      }
    }
    const span = anchor ?? firstLine(ctx);
    const title = ctx.kind(kind)?.title ?? kind;
    return [makeFinding(rule, ctx, span, { anchor: anchor ?? null, clauseKind: kind, vars: { kind: title } })];
  },
  describe(_rule: RuleSpec, o: RequireOptions, ruleSet: RuleSet): string {
    return `Requires ${withArticle(kindTitle(ruleSet, o.clause))} somewhere in the document.`;
  },
};

export function firstLine(ctx: RuleContext): Span {
  // The first block's first paragraph, without assembling the document's list (a keystroke's path).
  const block = ctx.doc.blocks.find((b) => b.analysis.paragraphs.length > 0);
  const first = block && { start: block.start + block.analysis.paragraphs[0].start, end: block.start + block.analysis.paragraphs[0].end };
  if (!first) return { start: 0, end: 0 };
  const lineEnd = ctx.doc.lines.lineEnd(ctx.doc.lines.lineOf(first.start));
  return { start: first.start, end: Math.min(first.end, lineEnd) };
}
