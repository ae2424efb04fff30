/**
 * Where each clause kind's own detections are, for "is kind K found in this span?" (a detector's
 * `withKinds`), asked once per hit: answered by a binary search over the containers sorted by start.
 */
import { lastStartingAtOrBefore, Span } from '../document/lineIndex';
import type { Detection } from './context';

export class KindSpans {
  /** Per kind, its detections' containers sorted by start, with the running maximum of their ends. */
  private readonly index = new Map<string, { spans: Span[]; maxEnd: number[] }>();
  /** Kinds being detected right now: a kind that needs itself (a pack error) is absent, not a loop. */
  private readonly detecting = new Set<string>();

  constructor(private readonly ownDetections: (kindId: string) => Detection[]) {}

  /** Whether a kind's own detections have a location overlapping `span`. */
  overlaps(kindId: string, span: Span): boolean {
    let index = this.index.get(kindId);
    if (!index) {
      if (this.detecting.has(kindId)) return false;
      this.detecting.add(kindId);
      try {
        const spans = this.ownDetections(kindId).map((d) => d.container);
        let max = -1;
        index = { spans, maxEnd: spans.map((c) => (max = Math.max(max, c.end))) };
        this.index.set(kindId, index);
      } finally {
        this.detecting.delete(kindId);
      }
    }
    const { spans, maxEnd } = index;
    for (let i = lastStartingAtOrBefore(spans, span.end - 1); i >= 0 && maxEnd[i] > span.start; i--) {
      if (spans[i].end > span.start) return true;
    }
    return false;
  }
}
