/**
 * All term sets of a rule set matched in one regex scan.
 *
 * One combined alternation of every set's phrases and patterns, their shared
 * prefixes written once (see alternationTrie.ts), scans far faster than one
 * regex per set; it finds where some set matches. There, each set that can
 * start with the same word (or anywhere) is tried with its own sticky regex,
 * which also says how far it matches; and each scan restarts one character
 * after the previous match's start, so hits that begin inside another hit are
 * still found.
 *
 * Only "primary" sets go into the scan: the ones whose hits rules iterate.
 * Sets that rules only ask about inside a sentence or heading ("does this
 * sentence also say *shall not*?") are matched lazily in that span: they hold
 * the most frequent words of a contract, and scanning for them everywhere would
 * cost more than all the rest. Exceptions (look-alikes) are checked in a window
 * around each hit they could cancel.
 */
import { NormalisedText, toOriginalRange } from '../../document/normalise';
import { Span } from '../../document/lineIndex';
import { mergedOnce, patternOnce, phraseOnce } from './compiledTerms';
import { Alternative, leadingWord } from './phrase';
import { PatternError } from './safePattern';
import { compiledNatively } from './nativeRegex';

export { compilePhrase } from './phrase';

export interface TermSetSpec {
  id: string;
  phrases: string[];
  patterns: string[];
  /** Phrases or patterns whose hits cancel an overlapping hit of this set. */
  except?: { phrases: string[]; patterns: string[] };
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

const EXCEPT_SUFFIX = '#except';
/** How far before and after a hit its look-alikes are searched (in normalised characters). */
const EXCEPT_WINDOW = 400;
const LEFT = '(?<![a-z0-9])';
const RIGHT = '(?![a-z0-9])';

/** What one bounded scan of a block found and cost. */
export interface BlockScan {
  hits: ReadonlyMap<string, Span[]>;
  /** Hits kept (before look-alikes cancel some): what counts against the hit limit. */
  hitCount: number;
  attempts: number;
  /** Set when a limit stopped the scan: the block-relative offset (original text) where it stopped. */
  cutAt?: number;
}

/** Shared by every block without hits (most of them): one empty map, not one each. */
const NO_HITS: ReadonlyMap<string, Span[]> = new Map();

/**
 * V8 compiles a regex of up to 20 KB of source to machine code and interprets a larger one (about
 * 30 times slower): the combined scan is split into regexes below this size.
 */
const MAX_COMBINED_SOURCE = 19 * 1024;

/** One combined regex (where some set of `sets` matches) and its sets. */
interface CombinedScan {
  regex: RegExp;
  sets: number[];
}

export class Scanner {
  private readonly combined: CombinedScan[] = [];
  private readonly setIds: string[] = [];
  /** Per set, a sticky regex that tries the set at one position. */
  private readonly sticky: RegExp[] = [];
  /** Per combined scan, the sets that can start with a given word, and the sets that can start anywhere. */
  private readonly byFirstWord: Map<string, number[]>[] = [];
  private readonly anyStart: number[][] = [];
  /** Per set with look-alikes, the regex of its exceptions. */
  private readonly except = new Map<string, RegExp>();
  /** Sets matched on demand inside a span. */
  private readonly lazy = new Map<string, RegExp>();
  readonly errors: TermSetError[] = [];

  /** `lazy`: ids of sets only queried inside spans (never iterated); every other set is scanned. */
  constructor(specs: TermSetSpec[], lazy: ReadonlySet<string> = new Set()) {
    const scanned: CompiledSet[] = [];
    for (const spec of specs) {
      const set = this.compileSet(spec.id, spec.phrases, spec.patterns, '');
      if (spec.except && (spec.except.phrases.length > 0 || spec.except.patterns.length > 0)) {
        const ex = this.compileSet(spec.id + EXCEPT_SUFFIX, spec.except.phrases, spec.except.patterns, 'except.');
        if (ex.alternatives.length > 0) this.except.set(spec.id, new RegExp(wrap(ex.alternatives), 'g'));
      }
      if (lazy.has(spec.id)) {
        if (set.alternatives.length > 0) this.lazy.set(spec.id, new RegExp(wrap(set.alternatives), 'g'));
        continue;
      }
      scanned.push(set);
    }
    this.plan(scanned.filter((s) => s.alternatives.length > 0));
  }

  isLazy(setId: string): boolean {
    return this.lazy.has(setId);
  }

  private compileSet(id: string, phrases: string[], patterns: string[], prefix: string): CompiledSet {
    const alternatives: Alternative[] = [];
    const setId = id.endsWith(EXCEPT_SUFFIX) ? id.slice(0, -EXCEPT_SUFFIX.length) : id;
    phrases.forEach((phrase, index) => {
      try {
        alternatives.push(phraseOnce(phrase));
      } catch (err) {
        this.errors.push({ setId, field: prefix + 'phrases', index, column: (err as PatternError).column ?? 0, message: (err as Error).message });
      }
    });
    patterns.forEach((pattern, index) => {
      try {
        const p = patternOnce(pattern);
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
    sets.forEach((set) => {
      this.setIds.push(set.id);
      this.sticky.push(new RegExp(wrap(set.alternatives), 'y'));
    });
    // As few scans as fit V8's compiled-regex size: the tree is split only when it is too long.
    if (sets.length > 0) this.addCombined(sets, sets.map((_, k) => k));
  }

  /** A combined regex for the sets `chunk` (indexes into `sets`), with its same-start lookups. */
  private addCombined(sets: CompiledSet[], chunk: number[]): void {
    const source = mergedOnce(chunk.flatMap((k) => sets[k].alternatives.map((a) => a.source)));
    if (source.length > MAX_COMBINED_SOURCE && chunk.length > 1) {
      // The tree is rarely longer than its alternatives listed flat, but when it is, two scans beat an interpreted one.
      const half = chunk.length >> 1;
      this.addCombined(sets, chunk.slice(0, half));
      this.addCombined(sets, chunk.slice(half));
      return;
    }
    const byFirstWord = new Map<string, number[]>();
    const anyStart: number[] = [];
    for (const k of chunk) {
      const set = sets[k];
      if (set.alternatives.some((a) => a.firstWords === undefined)) anyStart.push(k);
      for (const word of new Set(set.alternatives.flatMap((a) => a.firstWords ?? []))) {
        const list = byFirstWord.get(word) ?? [];
        list.push(k);
        byFirstWord.set(word, list);
      }
    }
    this.combined.push({ regex: new RegExp(source, 'g'), sets: chunk });
    this.byFirstWord.push(byFirstWord);
    this.anyStart.push(anyStart);
  }

  private compiledAll = false;

  /** Machine code for the scan's regexes before they first run on a (short) block: see nativeRegex.ts. */
  private compileAll(): void {
    this.compiledAll = true;
    for (const c of this.combined) compiledNatively(c.regex);
    for (const re of this.sticky) compiledNatively(re);
  }

  get scanCount(): number {
    return this.combined.length;
  }

  /** Hits per term set in a block's normalised text, as spans of the block's original text sorted by start. Never mutate the result. */
  scan(norm: NormalisedText): ReadonlyMap<string, Span[]> {
    return this.scanBounded(norm, Infinity, Infinity).hits;
  }

  /**
   * `scan` that stops once it has kept `maxHits` hits or made `maxAttempts`
   * regex attempts (see engine/limits.ts). Deterministic: the same text and
   * limits always stop at the same place, so a complete scan's cost can be
   * kept with its hits and a cached block counts the same as a fresh one.
   */
  scanBounded(norm: NormalisedText, maxHits: number, maxAttempts: number): BlockScan {
    if (!this.compiledAll) this.compileAll();
    // Documents are scanned block by block, so most scans find nothing: allocate per hit set only.
    if (this.combined.length === 0 || norm.text.length === 0) return { hits: NO_HITS, hitCount: 0, attempts: 0 };
    const raw = new Map<number, Span[]>();
    let hitCount = 0;
    let attempts = 0;
    const record = (k: number, start: number, end: number) => {
      let list = raw.get(k);
      if (!list) raw.set(k, (list = []));
      else if (start < list[list.length - 1].end) return; // inside an earlier hit of the same set
      list.push({ start, end });
      hitCount++;
    };
    const text = norm.text;
    let cutAt: number | undefined;
    // Each set is in one combined scan, so its hits come in order of start.
    for (let c = 0; c < this.combined.length && cutAt === undefined; c++) {
      const { regex } = this.combined[c];
      const byFirstWord = this.byFirstWord[c];
      const anyStart = this.anyStart[c];
      regex.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = regex.exec(text))) {
        const start = m.index;
        if (hitCount >= maxHits || attempts >= maxAttempts) {
          cutAt = start;
          break;
        }
        attempts++;
        regex.lastIndex = start + 1;
        // Some set matches here: each set that can start with this word (or anywhere) is tried.
        const candidates = byFirstWord.get(leadingWord(m[0]));
        if (candidates) for (const k of candidates) attempts += this.tryAt(k, text, start, record);
        for (const k of anyStart) attempts += this.tryAt(k, text, start, record);
      }
    }
    const cut = cutAt === undefined ? {} : { cutAt: toOriginalRange(norm, cutAt, cutAt).start };
    if (raw.size === 0) return { hits: NO_HITS, hitCount, attempts, ...cut };
    const result = new Map<string, Span[]>();
    for (const [k, hits] of raw) {
      const id = this.setIds[k];
      const except = this.except.get(id);
      const kept = except ? hits.filter((h) => !this.cancelled(except, text, h)) : hits;
      if (kept.length > 0) result.set(id, kept.map((h) => toOriginalRange(norm, h.start, h.end)));
    }
    return { hits: result, hitCount, attempts, ...cut };
  }

  /** Whether an exception (look-alike) overlaps a hit: searched in a window around it. */
  private cancelled(except: RegExp, text: string, hit: Span): boolean {
    const from = Math.max(0, hit.start - EXCEPT_WINDOW);
    const window = text.slice(from, Math.min(text.length, hit.end + EXCEPT_WINDOW));
    except.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = except.exec(window))) {
      const start = from + m.index;
      if (start >= hit.end) return false;
      if (start + m[0].length > hit.start) return true;
      except.lastIndex = m.index + 1;
    }
    return false;
  }

  /** Whether lazy set `setId` matches somewhere in a piece of normalised text. */
  testLazy(setId: string, normalisedText: string): boolean {
    const regex = this.lazy.get(setId);
    if (regex === undefined || normalisedText.length === 0) return false;
    const except = this.except.get(setId);
    regex.lastIndex = 0;
    let m: RegExpExecArray | null;
    // Any match that no look-alike covers will do; each start is tried, so a cancelled match does not hide a later one.
    while ((m = regex.exec(normalisedText))) {
      if (!except || !this.cancelled(except, normalisedText, { start: m.index, end: m.index + m[0].length })) return true;
      regex.lastIndex = m.index + 1;
    }
    return false;
  }

  /** Try set `k` at one position; returns the attempts made (one). */
  private tryAt(k: number, text: string, at: number, record: (k: number, start: number, end: number) => void): number {
    const re = this.sticky[k];
    re.lastIndex = at;
    const m = re.exec(text);
    if (m && m[0].length > 0) record(k, at, at + m[0].length);
    return 1;
  }
}

/** `\b` is cheaper than a lookbehind at every position, and means the same when every alternative starts with a letter or digit. */
function leftBoundary(alternatives: Alternative[]): string {
  return alternatives.every((a) => a.firstWords !== undefined || /^[a-z0-9]/.test(a.source)) ? '\\b' : LEFT;
}

function wrap(alternatives: Alternative[]): string {
  return `${leftBoundary(alternatives)}(?:${alternatives.map((a) => a.source).join('|')})${RIGHT}`;
}
