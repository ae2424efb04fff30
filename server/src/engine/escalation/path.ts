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
  /** A kind's detections inside one span (the other elements are only looked for where a path is gathered). */
  kindDetectionsIn(kindId: string, span: Span): Detection[];
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

interface WeakHit extends Span {
  why: string;
}

/** An element's present (or, with `weak`, weak) hits inside a span. */
type ElementLookup = (spec: PathElementSpec, span: Span, weak: boolean) => WeakHit[];

/** Items whose `start` is inside `span` (items sorted by start). */
function inside<T extends { start: number }>(items: T[], span: Span): T[] {
  const out: T[] = [];
  for (let i = lastStartingAtOrBefore(items, span.end - 1); i >= 0 && items[i].start >= span.start; i--) out.push(items[i]);
  return out.reverse();
}

function byStart<T extends Span>(spans: T[]): T[] {
  return spans.sort((a, b) => a.start - b.start).filter((s, i, all) => i === 0 || s.start !== all[i - 1].start);
}

/**
 * Where each element is: the elements that start a path are read over the whole document (their
 * units are the candidates); the others only inside the spans a candidate gathers, each span once,
 * and their weak forms only where no present form is.
 */
function elementLookup(source: PathSource, elements: PathElementSpec[]): { lookup: ElementLookup; starts: Span[] } {
  const hitsOf = (kinds: string[], span?: Span): WeakHit[] =>
    byStart(kinds.flatMap((k) => (span ? source.kindDetectionsIn(k, span) : source.kindDetections(k)).map((d) => ({ start: d.hit.start, end: d.hit.end, why: source.kindTitle(k) }))));
  const whole = new Map<string, WeakHit[]>();
  for (const spec of elements.filter((e) => e.starts)) {
    whole.set(`${spec.id}\u0000present`, hitsOf(spec.kinds));
    whole.set(`${spec.id}\u0000weak`, hitsOf(spec.weak));
  }
  const cache = new Map<string, WeakHit[]>();
  const lookup: ElementLookup = (spec, span, weak) => {
    const which = `${spec.id}\u0000${weak ? 'weak' : 'present'}`;
    const known = whole.get(which);
    if (known) return inside(known, span);
    const key = `${which}\u0000${span.start}\u0000${span.end}`;
    let found = cache.get(key);
    if (!found) cache.set(key, (found = hitsOf(weak ? spec.weak : spec.kinds, span)));
    return found;
  };
  return { lookup, starts: byStart([...whole.values()].flat()) };
}

function gather(elements: PathElementSpec[], lookup: ElementLookup, spans: Span[], unit: Unit): EscalationPath {
  const found = elements.map((spec): ElementFinding => {
    const present = byStart(spans.flatMap((s) => lookup(spec, s, false)));
    if (present.length > 0) return { spec, state: 'present', locations: present.map((h) => ({ start: h.start, end: h.end })) };
    const weak = byStart(spans.flatMap((s) => lookup(spec, s, true)));
    if (weak.length > 0) return { spec, state: 'weak', why: weak[0].why, locations: weak.map((w) => ({ start: w.start, end: w.end })) };
    return { spec, state: 'absent', locations: [] };
  });
  return { unit, spans, elements: found, complete: found.every((e) => e.state === 'present') };
}

/**
 * In a document without numbered clauses (an order, a fact sheet, a usage policy), headings only
 * group topics: one process is often drafted under several of them (the gate under one heading,
 * the public record of waivers under another). There the elements a path still lacks are looked
 * for over the whole document, as the labelling guide reads such texts. Only the elements that do
 * not start a path: a trigger or hold elsewhere is another path, not part of this one.
 */
function withDocumentScope(doc: ContractDocument, path: EscalationPath, lookup: ElementLookup): EscalationPath {
  if (path.complete || doc.sections.some((s) => s.label !== '')) return path;
  const whole: Span = { start: 0, end: doc.text.length };
  const elements = path.elements.map((e): ElementFinding => {
    if (e.spec.starts || e.state === 'present') return e;
    const present = lookup(e.spec, whole, false);
    if (present.length > 0) return { spec: e.spec, state: 'present', locations: present.map((h) => ({ start: h.start, end: h.end })) };
    if (e.state === 'weak') return e;
    const weak = lookup(e.spec, whole, true);
    return weak.length > 0 ? { spec: e.spec, state: 'weak', why: weak[0].why, locations: weak.map((w) => ({ start: w.start, end: w.end })) } : e;
  });
  return { ...path, spans: [...path.spans, whole], elements, complete: elements.every((e) => e.state === 'present') };
}

function score(path: EscalationPath): number {
  const present = path.elements.filter((e) => e.state === 'present').length;
  const weak = path.elements.filter((e) => e.state === 'weak').length;
  const startsPresent = path.elements.filter((e) => e.spec.starts && e.state === 'present').length;
  return present * 100 + startsPresent * 10 + weak;
}

/** Units (best first by the trigger and hold they hold) whose other elements are looked for. */
const CANDIDATE_UNITS = 6;
/** Candidates (best first by what their own unit holds) whose ties are followed: the others cannot usually win. */
const TIED_CANDIDATES = 3;

/** The document's best escalation path for a kind made of `elements`, or undefined when nothing starts one. */
export function bestPath(source: PathSource, elements: PathElementSpec[]): EscalationPath | undefined {
  const { doc } = source;
  const { lookup, starts } = elementLookup(source, elements);
  if (starts.length === 0) return undefined;
  const units = new Map<number, Unit>();
  for (const hit of starts) {
    const unit = unitAt(doc, hit.start);
    if (!units.has(unit.start)) units.set(unit.start, unit);
  }
  // Units ranked by their trigger and hold first (known for the whole document, so cheap); then the
  // best of them with every element; then the most promising with what they tie to.
  const starting = elements.filter((e) => e.starts);
  const ranked = [...units.values()].map((unit) => ({ unit, score: score(gather(starting, lookup, [unit], unit)) })).sort((a, b) => b.score - a.score);
  const own = ranked.slice(0, CANDIDATE_UNITS).map(({ unit }) => gather(elements, lookup, [unit], unit)).sort((a, b) => score(b) - score(a));
  let terms: DefinedTermFinder | undefined;
  let best = own[0];
  for (const candidate of own.slice(0, TIED_CANDIDATES)) {
    if (candidate.complete) break;
    const unit = candidate.unit;
    const hits = candidate.elements.flatMap((e) => e.locations);
    const sentences = byStart(hits.map((h) => source.sentenceAt(h.start)));
    terms ??= new DefinedTermFinder(doc);
    const path = gather(elements, lookup, tiedSpans(doc, unit, sentences, terms), unit);
    if (score(path) > score(best)) best = path;
  }
  return withDocumentScope(doc, best, lookup);
}
