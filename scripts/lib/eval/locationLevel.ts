/**
 * Location-level recall: of the labelled excerpts, how many overlap a location
 * where the detector found the clause. Excerpts are located in the contract by
 * a whitespace-, case- and quote-insensitive search (parts of an excerpt
 * split by `<omitted>` are found in turn); those not found are
 * counted apart, never as misses.
 */
import { Span } from '../../../server/src/api';
import { foldForSearch, locateExcerpt, overlaps } from '../excerpts';

export interface LabelledContract {
  name: string;
  text: string;
  excerpts: string[];
  detected: Span[];
}

export interface ExcerptRef {
  name: string;
  excerpt: string;
  spans?: Span[];
}

export interface LocationScore {
  excerpts: number;
  located: number;
  hit: number;
  missed: ExcerptRef[];
  unlocated: ExcerptRef[];
  /** Detected locations (in every contract given, with excerpts or not), and how many overlap a located excerpt. */
  detectedLocations: number;
  detectedOnGold: number;
}

export function scoreLocations(contracts: LabelledContract[]): LocationScore {
  const score: LocationScore = { excerpts: 0, located: 0, hit: 0, missed: [], unlocated: [], detectedLocations: 0, detectedOnGold: 0 };
  for (const c of contracts) {
    score.detectedLocations += c.detected.length;
    if (c.excerpts.length === 0) continue;
    const folded = foldForSearch(c.text);
    const goldSpans: Span[] = [];
    for (const excerpt of c.excerpts) {
      score.excerpts++;
      const spans = locateExcerpt(folded, excerpt);
      if (!spans) {
        score.unlocated.push({ name: c.name, excerpt });
        continue;
      }
      score.located++;
      goldSpans.push(...spans);
      if (c.detected.some((d) => spans.some((g) => overlaps(d, g)))) score.hit++;
      else score.missed.push({ name: c.name, excerpt, spans });
    }
    score.detectedOnGold += c.detected.filter((d) => goldSpans.some((g) => overlaps(d, g))).length;
  }
  return score;
}
