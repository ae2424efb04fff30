/**
 * What every rule reads: the document, the hits of every term set (one scan for
 * the whole rule set), clause coverage and document conditions. Rules never
 * rescan the text; they query hits and structure here.
 */
import { ContractDocument, referencesIn, sectionAt, spanAt } from '../document/contractDocument';
import { lastStartingAtOrBefore, Span } from '../document/lineIndex';
import { resolveReference } from '../document/references';
import { Section } from '../document/structure';
import { ClauseKindSpec, ConditionSpec, ConditionTerm, Detector, KindCoverage, RuleSet, Scope } from './types';

export interface Detection {
  /** The words that matched. */
  hit: Span;
  /** The sentence, paragraph or section they were found in. */
  container: Span;
}

const EMPTY: Span[] = [];

export class RuleContext {
  private readonly coverageCache = new Map<string, KindCoverage>();
  private readonly detectionCache = new Map<string, Detection[]>();
  private readonly conditionCache = new Map<string, boolean>();

  constructor(
    readonly doc: ContractDocument,
    readonly ruleSet: RuleSet,
    private readonly hits: Map<string, Span[]>,
    /** Answers for term sets that are not scanned but matched inside a span on demand. */
    private readonly lazyHitIn: (termSet: string, span: Span) => boolean = () => false,
  ) {}

  /** Detections per kind contributed by rules (e.g. uses of a broadly defined term). */
  private readonly extraKindLocations = new Map<string, Detection[]>();

  hitsOf(termSet: string): Span[] {
    return this.hits.get(termSet) ?? EMPTY;
  }

  /** Whether `termSet` has a hit starting inside `span`. */
  hasHitIn(termSet: string, span: Span): boolean {
    const list = this.hits.get(termSet);
    if (!list) return this.lazyHitIn(termSet, span);
    const i = lastStartingAtOrBefore(list, span.end - 1);
    return i >= 0 && list[i].start >= span.start;
  }

  containerOf(offset: number, within: Exclude<Scope, 'document'>): Span {
    const { doc } = this;
    if (within === 'section') {
      // A lettered list item "(a) ..." belongs to the numbered section that introduces the list.
      let s = sectionAt(doc, offset);
      while (s && s.label.startsWith('(') && s.parent >= 0) s = doc.sections[s.parent];
      return s ?? { start: 0, end: doc.text.length };
    }
    return spanAt(doc, within === 'sentence' ? 'sentences' : 'paragraphs', offset) ?? { start: offset, end: offset + 1 };
  }

  detect(detector: Detector): Detection[] {
    const key = JSON.stringify(detector);
    const cached = this.detectionCache.get(key);
    if (cached) return cached;
    const out: Detection[] = [];
    for (const hit of this.hitsOf(detector.terms)) {
      const container = this.containerOf(hit.start, detector.within);
      if (!detector.with.every((t) => this.hasHitIn(t, container))) continue;
      const excluded = detector.withoutWithin ? this.containerOf(hit.start, detector.withoutWithin) : container;
      if (detector.without.some((t) => this.hasHitIn(t, excluded))) continue;
      if (detector.inSectionTitled && !this.inSectionTitled(hit.start, detector.inSectionTitled)) continue;
      out.push({ hit, container });
    }
    this.detectionCache.set(key, out);
    return out;
  }

  private inSectionTitled(offset: number, termSet: string): boolean {
    let s: Section | undefined = sectionAt(this.doc, offset);
    while (s) {
      if (s.title && this.hasHitIn(termSet, { start: s.start, end: s.headingEnd })) return true;
      s = s.parent >= 0 ? this.doc.sections[s.parent] : undefined;
    }
    return false;
  }

  kind(id: string): ClauseKindSpec | undefined {
    return this.ruleSet.kinds.get(id);
  }

  /** Where a kind was found: by its own detectors, then (unless `ownOnly`) as contributed by rules. */
  kindDetections(kindId: string, ownOnly = false): Detection[] {
    const spec = this.ruleSet.kinds.get(kindId);
    const out: Detection[] = [];
    for (const detector of spec?.detect ?? []) out.push(...this.detect(detector));
    if (!ownOnly) out.push(...(this.extraKindLocations.get(kindId) ?? []));
    return out.sort((a, b) => a.hit.start - b.hit.start);
  }

  coverageOf(kindId: string): KindCoverage {
    const cached = this.coverageCache.get(kindId);
    if (cached) return cached;
    const seen = new Set<number>();
    const locations: Span[] = [];
    for (const d of this.kindDetections(kindId)) {
      if (seen.has(d.container.start)) continue;
      seen.add(d.container.start);
      locations.push(d.container);
    }
    locations.sort((a, b) => a.start - b.start);
    const result = { kind: kindId, title: this.ruleSet.kinds.get(kindId)?.title ?? kindId, present: locations.length > 0, locations };
    this.coverageCache.set(kindId, result);
    return result;
  }

  /** Add detections to a kind before coverage is read (the definition rule does this). */
  contribute(kindId: string, detections: Detection[]): void {
    if (detections.length === 0) return;
    const list = this.extraKindLocations.get(kindId) ?? [];
    list.push(...detections);
    this.extraKindLocations.set(kindId, list);
    this.coverageCache.delete(kindId);
  }

  condition(id: string | undefined): boolean {
    if (!id || id === 'always') return true;
    const cached = this.conditionCache.get(id);
    if (cached !== undefined) return cached;
    const spec: ConditionSpec | undefined = this.ruleSet.conditions.get(id);
    let value = false;
    if (spec) {
      const met = (t: ConditionTerm) => {
        const hits = this.hitsOf(t.terms);
        if (hits.length < t.minCount) return false;
        if (t.minDistinct <= 1) return true;
        // "Cloud Service" and "cloud services" are one term, not two.
        const distinct = new Set(hits.map((h) => this.doc.text.slice(h.start, h.end).toLowerCase().replace(/\s+/g, ' ').replace(/s$/, '')));
        return distinct.size >= t.minDistinct;
      };
      value = (spec.anyOf.length === 0 || spec.anyOf.some(met)) && spec.allOf.every(met);
    }
    this.conditionCache.set(id, value);
    return value;
  }

  /**
   * The spans a requirement is searched in, around `offset`: its sentence, paragraph,
   * outermost numbered section, or the whole document; plus, when asked, the sections
   * that the sentence refers to ("subject to Section 9").
   */
  scopeSpans(offset: number, scope: Scope, followReferences: boolean): { spans: Span[]; referenced: Section[] } {
    const { doc } = this;
    const spans: Span[] = [];
    if (scope === 'document') return { spans: [{ start: 0, end: doc.text.length }], referenced: [] };
    if (scope === 'section') spans.push(this.outerNumberedSection(offset) ?? { start: 0, end: doc.text.length });
    else spans.push(this.containerOf(offset, scope));
    const referenced: Section[] = [];
    if (followReferences) {
      for (const reference of referencesIn(doc, this.containerOf(offset, 'sentence'))) {
        for (const target of resolveReference(reference, doc.sections)) {
          referenced.push(target);
          spans.push({ start: target.start, end: target.end });
        }
      }
    }
    return { spans, referenced };
  }

  private outerNumberedSection(offset: number): Section | undefined {
    let s = sectionAt(this.doc, offset);
    let best = s;
    while (s) {
      if (s.label) best = s;
      s = s.parent >= 0 ? this.doc.sections[s.parent] : undefined;
    }
    return best;
  }

  /** Whether a kind has a location overlapping any of `spans`. */
  kindPresentIn(kindId: string, spans: Span[]): boolean {
    const { locations } = this.coverageOf(kindId);
    return spans.some((scope) => locations.some((l) => l.start < scope.end && l.end > scope.start));
  }
}

