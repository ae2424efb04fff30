/**
 * All term sets of a rule set compiled into as few regex scans as possible.
 *
 * One combined alternation (one capturing group per term set) scans far faster
 * than one regex per set, but an alternation reports only one alternative per
 * start position. So sets that can start with the same word go to different
 * scans; within a scan, each attempt restarts one character after the previous
 * match's start, so hits that begin inside another hit are still found.
 */
import { normalisePhrase, NormalisedText, toOriginalRange } from '../../document/normalise';
import { Span } from '../../document/lineIndex';
import { compilePattern, PatternError } from './safePattern';

export interface TermSetSpec {
  id: string;
  phrases: string[];
  patterns: string[];
  /** Phrases or patterns whose hits cancel an overlapping hit of this set. */
  except?: { phrases: string[]; patterns: string[] };
}

interface Alternative {
  source: string;
  /** Words a match must start with; undefined when it can start anywhere. */
  firstWords?: string[];
  length: number;
}

interface CompiledSet {
  id: string;
  alternatives: Alternative[];
}

export interface TermSetError {
  setId: string;
  /** 'phrases' or 'patterns' or 'except.phrases' ... and the item index. */
  field: string;
  index: number;
  column: number;
  message: string;
}

/** A phrase from a pack: words, `*` for any one word; a hyphen also matches a space or nothing. */
export function compilePhrase(phrase: string): Alternative {
  const norm = normalisePhrase(phrase);
  if (norm.length === 0) throw new PatternError('phrase is empty', 0);
  let source = '';
  for (const token of norm.split(' ')) {
    if (source) source += ' ';
    source += token === '*' ? "[a-z0-9'-]{1,40}" : token.split('-').map(escapeRegex).join('[- ]?');
  }
  const first = norm.split(' ')[0];
  return { source, firstWords: first === '*' || first.includes('-') ? undefined : [first], length: norm.length };
}

function escapeRegex(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

const EXCEPT_SUFFIX = '#except';
const LEFT = '(?<![a-z0-9])';
const RIGHT = '(?![a-z0-9])';

export class Scanner {
  private readonly scans: { regex: RegExp; sets: string[] }[] = [];
  readonly errors: TermSetError[] = [];
  private readonly hasExcept = new Set<string>();

  constructor(specs: TermSetSpec[]) {
    const compiled: CompiledSet[] = [];
    for (const spec of specs) {
      compiled.push(this.compileSet(spec.id, spec.phrases, spec.patterns, ''));
      if (spec.except && (spec.except.phrases.length > 0 || spec.except.patterns.length > 0)) {
        compiled.push(this.compileSet(spec.id + EXCEPT_SUFFIX, spec.except.phrases, spec.except.patterns, 'except.'));
        this.hasExcept.add(spec.id);
      }
    }
    this.planScans(compiled.filter((s) => s.alternatives.length > 0));
  }

  private compileSet(id: string, phrases: string[], patterns: string[], prefix: string): CompiledSet {
    const alternatives: Alternative[] = [];
    const setId = id.endsWith(EXCEPT_SUFFIX) ? id.slice(0, -EXCEPT_SUFFIX.length) : id;
    phrases.forEach((phrase, index) => {
      try {
        alternatives.push(compilePhrase(phrase));
      } catch (err) {
        this.errors.push({ setId, field: prefix + 'phrases', index, column: (err as PatternError).column ?? 0, message: (err as Error).message });
      }
    });
    patterns.forEach((pattern, index) => {
      try {
        const p = compilePattern(pattern);
        if (new RegExp(`^(?:${p.source})$`).test('')) throw new PatternError('pattern can match empty text', 0);
        alternatives.push({ source: p.source, firstWords: p.firstWords, length: pattern.length });
      } catch (err) {
        this.errors.push({ setId, field: prefix + 'patterns', index, column: (err as PatternError).column ?? 0, message: (err as Error).message });
      }
    });
    // Longest first, so the longest alternative wins at a shared start.
    alternatives.sort((a, b) => b.length - a.length);
    return { id, alternatives };
  }

  /** Greedy colouring: sets that may start at the same word never share a scan. */
  private planScans(sets: CompiledSet[]): void {
    const groups: { sets: CompiledSet[]; words: Set<string>; open: boolean }[] = [];
    for (const set of sets) {
      const unknown = set.alternatives.some((a) => a.firstWords === undefined);
      const words = set.alternatives.flatMap((a) => a.firstWords ?? []);
      let target = unknown ? undefined : groups.find((g) => g.open && words.every((w) => !g.words.has(w)));
      if (!target) {
        target = { sets: [], words: new Set(), open: !unknown };
        groups.push(target);
      }
      target.sets.push(set);
      for (const w of words) target.words.add(w);
    }
    for (const g of groups) {
      const source = g.sets.map((s) => `(${s.alternatives.map((a) => a.source).join('|')})`).join('|');
      this.scans.push({ regex: new RegExp(`${LEFT}(?:${source})${RIGHT}`, 'g'), sets: g.sets.map((s) => s.id) });
    }
  }

  get scanCount(): number {
    return this.scans.length;
  }

  /** Hits per term set id, as original-text spans sorted by start. */
  scan(norm: NormalisedText): Map<string, Span[]> {
    const raw = new Map<string, Span[]>();
    const text = norm.text;
    for (const { regex, sets } of this.scans) {
      const lastEnd = new Array<number>(sets.length).fill(-1);
      const out = sets.map((id) => {
        let list = raw.get(id);
        if (!list) raw.set(id, (list = []));
        return list;
      });
      regex.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = regex.exec(text))) {
        const start = m.index;
        const end = start + m[0].length;
        regex.lastIndex = start + 1;
        if (end === start) continue;
        let g = 1;
        while (m[g] === undefined) g++;
        const k = g - 1;
        if (start < lastEnd[k]) continue; // inside an earlier hit of the same set
        lastEnd[k] = end;
        out[k].push({ start, end });
      }
    }
    const result = new Map<string, Span[]>();
    for (const [id, spans] of raw) {
      if (id.endsWith(EXCEPT_SUFFIX)) continue;
      let kept = spans;
      if (this.hasExcept.has(id)) kept = withoutOverlaps(spans, raw.get(id + EXCEPT_SUFFIX) ?? []);
      result.set(id, kept.map((s) => toOriginalRange(norm, s.start, s.end)));
    }
    return result;
  }
}

/** Spans of `hits` that overlap none of `cancel` (both sorted by start). */
function withoutOverlaps(hits: Span[], cancel: Span[]): Span[] {
  if (cancel.length === 0) return hits;
  const kept: Span[] = [];
  let j = 0;
  for (const h of hits) {
    while (j < cancel.length && cancel[j].end <= h.start) j++;
    let overlaps = false;
    for (let k = j; k < cancel.length && cancel[k].start < h.end; k++) {
      if (cancel[k].end > h.start) {
        overlaps = true;
        break;
      }
    }
    if (!overlaps) kept.push(h);
  }
  return kept;
}
