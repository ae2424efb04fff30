/**
 * All term sets of a rule set matched in one regex scan.
 *
 * One combined alternation (one capturing group per term set) scans far faster
 * than one regex per set, but an alternation reports only one alternative per
 * start position. So at each match, the other sets that can start with the same
 * word (or anywhere) are tried at that position with their own sticky regex;
 * and each attempt restarts one character after the previous match's start, so
 * hits that begin inside another hit are still found.
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

/** The leading letters and digits of a word: what a match at that position must start with. */
function leadingWord(text: string): string {
  return /^[a-z0-9]*/.exec(text)![0];
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
  // "high-risk" starts with "high" however the hyphen is typed.
  const first = leadingWord(norm);
  return { source, firstWords: norm.startsWith('*') || first === '' ? undefined : [first], length: norm.length };
}

function escapeRegex(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

const EXCEPT_SUFFIX = '#except';
const LEFT = '(?<![a-z0-9])';
const RIGHT = '(?![a-z0-9])';

export class Scanner {
  private combined?: RegExp;
  private readonly setIds: string[] = [];
  /** Per set, a sticky regex that tries the set at one position. */
  private readonly sticky: RegExp[] = [];
  /** Sets that can start with a given word, and sets that can start anywhere. */
  private readonly byFirstWord = new Map<string, number[]>();
  private readonly anyStart: number[] = [];
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
    this.plan(compiled.filter((s) => s.alternatives.length > 0));
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

  private plan(sets: CompiledSet[]): void {
    sets.forEach((set, k) => {
      const body = set.alternatives.map((a) => a.source).join('|');
      this.setIds.push(set.id);
      this.sticky.push(new RegExp(`${LEFT}(?:${body})${RIGHT}`, 'y'));
      if (set.alternatives.some((a) => a.firstWords === undefined)) this.anyStart.push(k);
      for (const word of new Set(set.alternatives.flatMap((a) => a.firstWords ?? []))) {
        const list = this.byFirstWord.get(word) ?? [];
        list.push(k);
        this.byFirstWord.set(word, list);
      }
    });
    if (sets.length > 0) {
      this.combined = new RegExp(`${LEFT}(?:${sets.map((s) => `(${s.alternatives.map((a) => a.source).join('|')})`).join('|')})${RIGHT}`, 'g');
    }
  }

  get scanCount(): number {
    return this.combined ? 1 : 0;
  }

  /** Hits per term set id, as original-text spans sorted by start. */
  scan(norm: NormalisedText): Map<string, Span[]> {
    const n = this.setIds.length;
    const raw: Span[][] = Array.from({ length: n }, () => []);
    const lastEnd = new Int32Array(n).fill(-1);
    const record = (k: number, start: number, end: number) => {
      if (start < lastEnd[k]) return; // inside an earlier hit of the same set
      lastEnd[k] = end;
      raw[k].push({ start, end });
    };
    const text = norm.text;
    const regex = this.combined;
    if (regex) {
      regex.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = regex.exec(text))) {
        const start = m.index;
        regex.lastIndex = start + 1;
        let g = 1;
        while (m[g] === undefined) g++;
        const winner = g - 1;
        record(winner, start, start + m[0].length);
        // Other sets that may match at this same position.
        const others = this.byFirstWord.get(leadingWord(m[0]));
        if (others) for (const k of others) if (k !== winner) this.tryAt(k, text, start, record);
        for (const k of this.anyStart) if (k !== winner) this.tryAt(k, text, start, record);
      }
    }
    const byId = new Map<string, Span[]>();
    this.setIds.forEach((id, k) => byId.set(id, raw[k]));
    const result = new Map<string, Span[]>();
    for (const [id, spans] of byId) {
      if (id.endsWith(EXCEPT_SUFFIX)) continue;
      let kept = spans;
      if (this.hasExcept.has(id)) kept = withoutOverlaps(spans, byId.get(id + EXCEPT_SUFFIX) ?? []);
      result.set(id, kept.map((s) => toOriginalRange(norm, s.start, s.end)));
    }
    return result;
  }

  private tryAt(k: number, text: string, at: number, record: (k: number, start: number, end: number) => void): void {
    const re = this.sticky[k];
    re.lastIndex = at;
    const m = re.exec(text);
    if (m && m[0].length > 0) record(k, at, at + m[0].length);
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
