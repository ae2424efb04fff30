/**
 * Which clause kinds qualify a location (a broad grant narrowed by prohibited-use
 * carve-outs): those found in the rule's scope (default: the document), following the
 * sentence's cross-references ("subject to Section 9", "SUBJECT TO ARTICLE 7"). With
 * `binding: grantee` a carve-out counts only when it reaches the grant: it is in the
 * grant's own sentence (an exception to the grant), or it binds the grant's holder,
 * everyone, or any use of the thing granted (grants/binding.ts).
 */
import { spanAt } from '../../document/contractDocument';
import { Span } from '../../document/lineIndex';
import { reachesGrant } from '../grants/binding';
import { Detection, RuleContext } from '../context';
import { QualifyingOptions } from './options';

export interface Qualification {
  qualified: boolean;
  /** Per qualifying kind, the detections that reach the location. */
  reaching: Map<string, Detection[]>;
}

/** Detections of `kind` in `spans` that reach the grant at `offset` (all of them unless `bindingGrantee`). */
export function reachingDetections(ctx: RuleContext, kind: string, spans: Span[], offset: number, bindingGrantee: boolean): Detection[] {
  const inScope = ownDetections(ctx, kind).filter((d) => spans.some((s) => d.container.start < s.end && d.container.end > s.start));
  if (!bindingGrantee || inScope.length === 0) return inScope;
  const sentence = spanAt(ctx.doc, 'sentences', offset);
  const holder = ctx.grants.holderAt(offset);
  const object = ctx.grants.grantAt(offset)?.object;
  return inScope.filter((d) => (sentence && d.hit.start >= sentence.start && d.hit.start < sentence.end) || reachesGrant(ctx.grants.bindingOf(d.hit), holder, object, ctx.doc));
}

/**
 * Where a kind was found by itself. A kind made of elements (the escalation path) has no detectors
 * of its own: it is found where its path is, and only when the path is complete.
 */
function ownDetections(ctx: RuleContext, kind: string): Detection[] {
  if (ctx.kind(kind)?.elements) {
    const path = ctx.coverageOf(kind);
    return path.present ? path.locations.map((l) => ({ hit: l, container: l })) : [];
  }
  return ctx.grants.ownDetections(kind, () => ctx.kindDetections(kind, true));
}

export function qualificationOf(qualifying: QualifyingOptions, ctx: RuleContext, offset: number): Qualification {
  const qualifiers = qualifying.kinds;
  const reaching = new Map<string, Detection[]>();
  if (qualifiers.length === 0) return { qualified: false, reaching };
  const { spans } = ctx.scopeSpans(offset, qualifying.scope, qualifying.followReferences);
  for (const k of qualifiers) {
    const found = reachingDetections(ctx, k, spans, offset, qualifying.bindingGrantee);
    if (found.length > 0) reaching.set(k, found);
  }
  const qualified = qualifying.all ? reaching.size === qualifiers.length : reaching.size > 0;
  return { qualified, reaching };
}

/** "the Provider's right to use Feedback for any purpose": a grant as the finding names it. */
export function describeGrant(ctx: RuleContext, offset: number, fallback: string): { grant: string; holder: string } {
  const grant = ctx.grants.grantAt(offset);
  const holder = grant?.holder ?? ctx.grants.holderAt(offset);
  if (!grant) return { grant: holder ? `${possessive(holder)} use for "${fallback}"` : `"${fallback}"`, holder: holder ? holder.replace(/^The /, 'the ') : 'the grantee' };
  const acts = grant.acts.filter((a) => a !== 'derivative works' && !/^licen[cs]e$/.test(a)).slice(0, 3);
  const actText = acts.length === 0 ? 'licence' : `right to ${acts.length > 1 ? acts.slice(0, -1).join(', ') + ' and ' + acts[acts.length - 1] : acts[0]}`;
  const object = grant.object ? ` ${grant.object}` : '';
  return { grant: `${possessive(holder)} ${actText}${object} ${grant.open.text}`.trim(), holder: holder ? holder.replace(/^The /, 'the ') : 'the grantee' };
}

function possessive(holder: string | undefined): string {
  if (!holder) return 'a';
  const lower = holder.toLowerCase();
  const pronoun: Record<string, string> = { we: 'our', you: 'your', it: 'its', they: 'their', he: 'his', she: 'her', i: 'my' };
  if (pronoun[lower]) return pronoun[lower];
  const name = /^(?:the|each|either|any) /i.test(holder) ? holder.replace(/^The /, 'the ') : /^[A-Z]{2,}|\s/.test(holder) ? holder : `the ${holder}`;
  return /s$/.test(name) ? `${name}'` : `${name}'s`;
}
