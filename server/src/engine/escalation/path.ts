/**
 * An escalation path, element by element: every unit (section with its sub-clauses) that holds a
 * trigger or a hold starts a candidate; each candidate gathers the elements found in its unit and
 * in what the unit ties to; the best candidate (most elements present, then most attempted) is
 * the document's path. Built from the element kinds' detections and the structure only.
 */
import { ContractDocument } from '../../document/contractDocument';
import { lastStartingAtOrBefore, Span } from '../../document/lineIndex';
import type { Detection } from '../context';
import { ElementState, PathElementSpec } from '../types';
import { DefinedTermFinder, tiedSpans, Unit, unitAt } from './ties';

/** What the path needs from the rule context (kept narrow: the context itself builds paths). */
export interface PathSource {
  readonly doc: ContractDocument;
  kindDetections(kindId: string): Detection[];
  kindTitle(kindId: string): string;
  sentenceAt(offset: number): Span;
}

export interface ElementFinding {
  spec: PathElementSpec;
  state: ElementState;
  /** Why it is weak (the weak kind's title). */
  why?: string;
  locations: Span[];
}

export interface EscalationPath {
  unit: Unit;
  /** The unit and what it ties to. */
  spans: Span[];
  elements: ElementFinding[];
  complete: boolean;
}

interface ElementHits {
  spec: PathElementSpec;
  present: Span[];
  weak: WeakHit[];
}

interface WeakHit extends Span {
  why: string;
}

function hitsOf(source: PathSource, kinds: string[]): { hit: Span; kind: string }[] {
  const out = kinds.flatMap((kind) => source.kindDetections(kind).map((d) => ({ hit: d.hit, kind })));
  return out.sort((a, b) => a.hit.start - b.hit.start);
}

/** Items whose `hit` starts inside `span` (items sorted by start). */
function inside<T extends { start: number }>(items: T[], span: Span): T[] {
  const out: T[] = [];
  for (let i = lastStartingAtOrBefore(items, span.end - 1); i >= 0 && items[i].start >= span.start; i--) out.push(items[i]);
  return out.reverse();
}

function collect(source: PathSource, elements: PathElementSpec[]): ElementHits[] {
  return elements.map((spec) => ({
    spec,
    present: dedupe(hitsOf(source, spec.kinds).map((h) => h.hit)),
    weak: hitsOf(source, spec.weak).map((h) => ({ start: h.hit.start, end: h.hit.end, why: source.kindTitle(h.kind) })),
  }));
}

function dedupe(spans: Span[]): Span[] {
  return spans.filter((s, i) => i === 0 || s.start !== spans[i - 1].start);
}

function gather(hits: ElementHits[], spans: Span[], unit: Unit): EscalationPath {
  const elements = hits.map(({ spec, present, weak }): ElementFinding => {
    const found = dedupe(spans.flatMap((s) => inside(present, s)).sort((a, b) => a.start - b.start));
    if (found.length > 0) return { spec, state: 'present', locations: found };
    const weakHits = spans.flatMap((s) => inside(weak, s)).sort((a, b) => a.start - b.start);
    if (weakHits.length > 0) return { spec, state: 'weak', why: weakHits[0].why, locations: weakHits.map((w) => ({ start: w.start, end: w.end })) };
    return { spec, state: 'absent', locations: [] };
  });
  return { unit, spans, elements, complete: elements.every((e) => e.state === 'present') };
}

function score(path: EscalationPath): number {
  const present = path.elements.filter((e) => e.state === 'present').length;
  const weak = path.elements.filter((e) => e.state === 'weak').length;
  const startsPresent = path.elements.filter((e) => e.spec.starts && e.state === 'present').length;
  return present * 100 + startsPresent * 10 + weak;
}

/** The document's best escalation path for a kind made of `elements`, or undefined when nothing starts one. */
export function bestPath(source: PathSource, elements: PathElementSpec[]): EscalationPath | undefined {
  const { doc } = source;
  const hits = collect(source, elements);
  const starts = hits.filter((h) => h.spec.starts).flatMap((h) => [...h.present, ...h.weak]);
  if (starts.length === 0) return undefined;
  const units = new Map<number, Unit>();
  for (const hit of starts) {
    const unit = unitAt(doc, hit.start);
    if (!units.has(unit.start)) units.set(unit.start, unit);
  }
  const terms = new DefinedTermFinder(doc);
  const allHits = dedupe(hits.flatMap((h) => [...h.present, ...h.weak]).sort((a, b) => a.start - b.start));
  let best: EscalationPath | undefined;
  let bestScore = -1;
  for (const unit of units.values()) {
    const sentences = dedupe(inside(allHits, unit).map((h) => source.sentenceAt(h.start)));
    const path = gather(hits, tiedSpans(doc, unit, sentences, terms), unit);
    const s = score(path);
    if (s > bestScore) {
      best = path;
      bestScore = s;
    }
  }
  return best;
}
