/**
 * Clause coverage: for each clause kind, present or absent with where; a kind made of elements
 * (an escalation path) element by element; broad grants qualified or not. Computed once per lint
 * from the kinds' detections.
 */
import { ContractDocument } from '../document/contractDocument';
import { Span } from '../document/lineIndex';
import type { Detection, RuleContext } from './context';
import { bestPath, EscalationPath } from './escalation/path';
import { pathCoverage } from './escalation/pathCoverage';
import { KindCoverage, RuleSet } from './types';

/** What coverage reads from the detections of one lint. */
export interface DetectionSource {
  readonly doc: ContractDocument;
  readonly ruleSet: RuleSet;
  kindDetections(kindId: string): Detection[];
  kindDetectionsIn(kindId: string, span: Span): Detection[];
  sentenceAt(offset: number): Span;
}

export class CoverageIndex {
  private readonly coverage = new Map<string, KindCoverage>();
  private readonly paths = new Map<string, EscalationPath | undefined>();

  constructor(private readonly source: DetectionSource) {}

  /** The best path of a kind made of elements (an escalation path), computed once per lint. */
  pathOf(kindId: string): EscalationPath | undefined {
    if (this.paths.has(kindId)) return this.paths.get(kindId);
    const { doc, ruleSet } = this.source;
    const elements = ruleSet.kinds.get(kindId)?.elements;
    // Provisionally none, so an element kind that is itself made of this kind (a pack error) ends.
    this.paths.set(kindId, undefined);
    const pathSource = {
      doc,
      kindDetections: (id: string) => this.source.kindDetections(id),
      kindDetectionsIn: (id: string, span: Span) => this.source.kindDetectionsIn(id, span),
      kindTitle: (id: string) => ruleSet.kinds.get(id)?.title ?? id,
      sentenceAt: (offset: number) => this.source.sentenceAt(offset),
    };
    const path = elements && elements.length > 0 ? bestPath(pathSource, elements) : undefined;
    this.paths.set(kindId, path);
    return path;
  }

  coverageOf(kindId: string): KindCoverage {
    const cached = this.coverage.get(kindId);
    if (cached) return cached;
    const spec = this.source.ruleSet.kinds.get(kindId);
    const result = spec?.elements ? pathCoverage(spec, this.pathOf(kindId)) : spec?.gap ? this.openItems(kindId, spec.title, spec.gap) : this.locatedCoverage(kindId, spec?.title ?? kindId);
    this.coverage.set(kindId, result);
    return result;
  }

  private locatedCoverage(kindId: string, title: string): KindCoverage {
    const seen = new Set<number>();
    const locations: Span[] = [];
    for (const d of this.source.kindDetections(kindId)) {
      if (seen.has(d.container.start)) continue;
      seen.add(d.container.start);
      locations.push(d.container);
    }
    locations.sort((a, b) => a.start - b.start);
    return { kind: kindId, title, present: locations.length > 0, locations };
  }

  /** A `gap` kind: each location is one open item (two placeholders in a sentence are two), counted and named. */
  private openItems(kindId: string, title: string, words: { one: string; other: string }): KindCoverage {
    const locations = dedupedSpans(this.source.kindDetections(kindId).map((d) => d.hit));
    const count = locations.length;
    return { kind: kindId, title, present: count > 0, locations, open: { count, label: `${count} ${count === 1 ? words.one : words.other}` } };
  }

  /** Forget a kind's coverage (a rule contributed detections to it). */
  forget(kindId: string): void {
    this.coverage.delete(kindId);
  }

  /** Whether a kind has a location overlapping any of `spans`. */
  kindPresentIn(kindId: string, spans: Span[]): boolean {
    const { locations } = this.coverageOf(kindId);
    return spans.some((scope) => locations.some((l) => l.start < scope.end && l.end > scope.start));
  }
}

function dedupedSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  return sorted.filter((s, i) => i === 0 || s.start !== sorted[i - 1].start);
}

/** Whether coverage lists a kind: every kind the loaded packs know but those reported only as another kind's elements. */
export function listedInCoverage(ruleSet: RuleSet, kind: string): boolean {
  const spec = ruleSet.kinds.get(kind);
  return spec !== undefined && spec.coverage !== false;
}

/** Every kind coverage lists, for the report. */
export function computeCoverage(ctx: RuleContext): KindCoverage[] {
  return [...ctx.ruleSet.kinds.keys()].filter((kind) => listedInCoverage(ctx.ruleSet, kind)).sort().map((kind) => {
    const coverage = ctx.coverageOf(kind);
    const grants = ctx.grants.statusesOf(kind);
    if (!grants || grants.length === 0) return coverage;
    // A broad grant is never just "present": it is qualified (every one reached by its carve-outs) or not.
    return { ...coverage, qualification: grants.every((g) => g.qualified) ? 'qualified' : 'unqualified', grants };
  });
}
