/**
 * A rule's `when`: named document conditions (any of / all of / none of: term hits, counted
 * and distinct, optionally only where the document says what it is about; clause kinds; other
 * conditions), each decided once per lint.
 */
import { ContractDocument } from '../document/contractDocument';
import { Span } from '../document/lineIndex';
import type { Detection } from './context';
import { subjectSpans } from './subject';
import { ConditionItem, ConditionSpec, KindCoverage, RuleSet } from './types';

/** What conditions read from one lint. */
export interface ConditionSource {
  readonly doc: ContractDocument;
  readonly ruleSet: RuleSet;
  hitsOf(termSet: string): Span[];
  kindDetections(kindId: string, ownOnly: boolean): Detection[];
  coverageOf(kindId: string): KindCoverage;
}

export class Conditions {
  private readonly decided = new Map<string, boolean>();
  /** What the document is about, per list of supplied words (several conditions ask). */
  private readonly subjects = new Map<string, Span[]>();

  constructor(private readonly source: ConditionSource) {}

  met(id: string | undefined): boolean {
    if (!id || id === 'always') return true;
    const cached = this.decided.get(id);
    if (cached !== undefined) return cached;
    const spec: ConditionSpec | undefined = this.source.ruleSet.conditions.get(id);
    // Provisionally false, so a condition that refers back to itself (a pack error) ends.
    this.decided.set(id, false);
    const met = (item: ConditionItem) => this.itemMet(item);
    const value = !!spec && (spec.anyOf.length === 0 || spec.anyOf.some(met)) && spec.allOf.every(met) && !spec.noneOf.some(met);
    this.decided.set(id, value);
    return value;
  }

  private itemMet(item: ConditionItem): boolean {
    const { doc, ruleSet } = this.source;
    if ('condition' in item) return this.met(item.condition);
    // A kind's own detections only: contributions depend on the order rules run in.
    if ('kind' in item) return ruleSet.kinds.get(item.kind)?.elements ? this.source.coverageOf(item.kind).present : this.source.kindDetections(item.kind, true).length > 0;
    let hits = this.source.hitsOf(item.terms);
    if (item.inSubject) {
      const key = item.inSubject.join('\u0000');
      let spans = this.subjects.get(key);
      if (!spans) this.subjects.set(key, (spans = subjectSpans(doc, item.inSubject)));
      hits = hits.filter((h) => spans.some((s) => h.start >= s.start && h.start < s.end));
    }
    if (hits.length < item.minCount) return false;
    if (item.minDistinct <= 1) return true;
    // "Cloud Service" and "cloud services" are one term, not two.
    const distinct = new Set(hits.map((h) => doc.text.slice(h.start, h.end).toLowerCase().replace(/\s+/g, ' ').replace(/s$/, '')));
    return distinct.size >= item.minDistinct;
  }
}
