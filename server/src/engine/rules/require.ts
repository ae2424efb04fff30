/**
 * `require`: a clause kind must be present in the document. The finding sits on
 * the first location of an `anchor` kind (e.g. the broad grant that makes the
 * clause necessary), else on the document's first line of text.
 */
import { Span } from '../../document/lineIndex';
import { RuleContext } from '../context';
import { Finding, RuleSpec } from '../types';
import { makeFinding, RuleKind, stringList } from './ruleKind';

export const requireRule: RuleKind = {
  kind: 'require',
  options: ['clause', 'anchor'],
  run(rule: RuleSpec, ctx: RuleContext): Finding[] {
    const kind = String(rule.options.clause);
    if (ctx.coverageOf(kind).present) return [];
    let anchor: Span | undefined;
    for (const anchorKind of stringList(rule.options.anchor)) {
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
};

export function firstLine(ctx: RuleContext): Span {
  // The first block's first paragraph, without assembling the document's list (a keystroke's path).
  const block = ctx.doc.blocks.find((b) => b.analysis.paragraphs.length > 0);
  const first = block && { start: block.start + block.analysis.paragraphs[0].start, end: block.start + block.analysis.paragraphs[0].end };
  if (!first) return { start: 0, end: 0 };
  const lineEnd = ctx.doc.lines.lineEnd(ctx.doc.lines.lineOf(first.start));
  return { start: first.start, end: Math.min(first.end, lineEnd) };
}
