/**
 * Single-pass normalisation with an offset map.
 *
 * The matcher works on a folded copy of the text: lower case, straight quotes,
 * ASCII dashes, one space for any run of whitespace inside a paragraph, "\n"
 * for a paragraph break, hyphenation across a line break joined, Markdown
 * emphasis and HTML comments removed. `map.original(i)` is the UTF-16 offset
 * in the original text of normalised character `i` (see offsetMap.ts).
 *
 * One pass over char codes with a lookup table, writing into a typed array:
 * chained toLowerCase().replace() calls cost several copies of the text. The
 * result is a one-byte string whenever every folded character is Latin-1 (the
 * usual case, as quotes and dashes fold to ASCII): half the memory, and V8's
 * regular expressions run faster on it.
 */
import { OffsetMap } from './offsetMap';

export interface NormalisedText {
  readonly text: string;
  readonly map: OffsetMap;
  /** Markdown only: the text ends inside an unclosed HTML comment. */
  readonly endsInComment?: boolean;
}

const DROP = 0xffff; // table marker: character is removed
const SPACE = 0x20;
const NEWLINE = 0x0a;

/**
 * BMP fold table: lower case (1:1 only), quotes, dashes, spaces, invisible
 * characters. Filled on demand, per character actually met: computing all
 * 65,536 lower-case forms up front costs ~100 ms at every start.
 */
const FOLD = new Uint16Array(0x10000);
const KNOWN = new Uint8Array(0x10000);

function fixFold(codes: number[], to: number): void {
  for (const c of codes) {
    FOLD[c] = to;
    KNOWN[c] = 1;
  }
}
fixFold([0x2018, 0x2019, 0x201a, 0x201b, 0x2032], 0x27);
fixFold([0x201c, 0x201d, 0x201e, 0x201f, 0x2033, 0x00ab, 0x00bb], 0x22);
fixFold([0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe58, 0xfe63, 0xff0d], 0x2d);
fixFold([0x09, 0x0b, 0x0c, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a], SPACE);
fixFold([0x00ad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff], DROP);

function fold(c: number): number {
  if (KNOWN[c]) return FOLD[c];
  let f = c;
  if (c < 0xd800 || c > 0xdfff) {
    // Surrogates pass through untouched; elsewhere only 1:1 lower-case forms keep offsets simple.
    const lower = String.fromCharCode(c).toLowerCase();
    if (lower.length === 1) f = lower.charCodeAt(0);
  }
  FOLD[c] = f;
  KNOWN[c] = 1;
  return f;
}

function isWs(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || fold(c) === SPACE;
}

function isTagStart(c: number): boolean {
  return c === 0x2f || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

function isLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0xc0 && c <= 0x24f);
}

export interface NormaliseOptions {
  markdown: boolean;
  /** The text starts inside an HTML comment opened before it (Markdown). */
  startsInComment?: boolean;
}

/** Scratch buffers reused across calls (documents are normalised block by block). */
let scratchOut = new Uint16Array(0);
let scratchBytes = Buffer.alloc(0);

/**
 * Runs of the offset map being built (see offsetMap.ts): `runStarts[r]` is the
 * normalised index where run r begins, `runDeltas[r]` its original-minus-normalised offset.
 */
let runStarts: number[] = [];
let runDeltas: number[] = [];

const UNSHIFTED: readonly number[] = [0, 0];

/** Called where the next character would be written at `len` from original offset `i`, after anything was skipped. */
function markRun(len: number, i: number): void {
  const delta = i - len;
  const last = runStarts.length - 1;
  if (runDeltas[last] === delta) return;
  if (runStarts[last] === len) {
    runDeltas[last] = delta; // nothing was written with the previous delta
    if (last > 0 && runDeltas[last - 1] === delta) {
      runStarts.pop();
      runDeltas.pop();
    }
    return;
  }
  runStarts.push(len);
  runDeltas.push(delta);
}

/**
 * Normalise `source`, or only its part [from, to): offsets in the result are then relative to
 * `from`. A document's blocks are normalised in place in the document's text: a block cut out of
 * it is a sliced string, and reading one character at a time from a sliced string costs V8 about
 * twice as much as from the flat text it points into.
 */
export function normalise(source: string, options: NormaliseOptions, from = 0, to = source.length): NormalisedText {
  const n = to;
  const size = to - from;
  if (scratchOut.length < size + 1) scratchOut = new Uint16Array(Math.max(size + 1, 4096));
  const out = scratchOut;
  runStarts = [0];
  runDeltas = [from];
  const markdown = options.markdown;
  let len = 0;
  let i = from;
  let wide = 0; // any written code above 0xff
  let endsInComment = false;
  if (markdown && options.startsInComment) {
    const close = source.indexOf('-->', from);
    const closed = close >= 0 && close + 3 <= n;
    i = closed ? close + 3 : n;
    endsInComment = !closed;
    markRun(len, i);
  }
  while (i < n) {
    const c = source.charCodeAt(i);

    // Fast path: lower-case letters and digits, most of any contract.
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) {
      out[len++] = c;
      i++;
      continue;
    }
    if (c >= 0x41 && c <= 0x5a) {
      out[len++] = c + 0x20;
      i++;
      continue;
    }
    // Fast path: one space or one line feed between words stays one space, offsets unchanged.
    if ((c === 0x20 || c === 0x0a) && len > 0 && i + 1 < n && out[len - 1] !== SPACE && out[len - 1] !== NEWLINE) {
      const d = source.charCodeAt(i + 1);
      if (d > 0x20 && d < 0x7f) {
        out[len++] = SPACE;
        i++;
        continue;
      }
    }

    if (c === 0x20 || c === 0x0a || c === 0x0d || fold(c) === SPACE) {
      // Collapse a whitespace run; two or more line breaks make a paragraph break.
      const start = i;
      i = endOfWhitespace(source, i, n);
      const breaks = runBreaks;
      if (len > 0 && out[len - 1] !== SPACE && out[len - 1] !== NEWLINE) {
        markRun(len, start);
        out[len++] = breaks >= 2 ? NEWLINE : SPACE;
      } else if (breaks >= 2 && len > 0 && out[len - 1] === SPACE) {
        out[len - 1] = NEWLINE;
      }
      markRun(len, i);
      continue;
    }

    if (c === 0x2d || fold(c) === 0x2d) {
      // Hyphenation across a single line break ("law-\nful") joins the word.
      const j = skipLineBreak(source, i + 1, n);
      if (j > 0 && len > 0 && isLetter(out[len - 1]) && j < n && isLetter(source.charCodeAt(j))) {
        i = j;
        markRun(len, i);
        continue;
      }
      out[len++] = 0x2d;
      i++;
      continue;
    }

    if (markdown) {
      if (c === 0x2a || c === 0x5f || c === 0x60) {
        markRun(len, ++i); // emphasis and code markers carry no words
        continue;
      }
      if (c === 0x5c && i + 1 < n && !isWs(source.charCodeAt(i + 1))) {
        markRun(len, ++i); // backslash escape: keep the escaped character
        continue;
      }
      if (c === 0x3c && i + 1 < n && isTagStart(source.charCodeAt(i + 1))) {
        // Inline HTML tags (<span class="...">, </b>) carry no words.
        const close = source.indexOf('>', i + 2);
        if (close > 0 && close < n && close - i < 300 && !source.slice(i, close).includes('\n')) {
          i = close + 1;
          markRun(len, i);
          continue;
        }
      }
      if (c === 0x3c && i + 4 <= n && source.startsWith('<!--', i)) {
        const close = source.indexOf('-->', i + 4);
        const closed = close >= 0 && close + 3 <= n;
        const end = closed ? close + 3 : n;
        if (!closed) endsInComment = true;
        // A comment separates words like whitespace does.
        if (len > 0 && out[len - 1] !== SPACE && out[len - 1] !== NEWLINE) {
          markRun(len, i);
          out[len++] = SPACE;
        }
        i = end;
        markRun(len, i);
        continue;
      }
    }

    const f = fold(c);
    if (f === DROP) {
      markRun(len, ++i);
      continue;
    }
    wide |= f & 0xff00;
    out[len++] = f;
    i++;
  }
  // Trailing whitespace is not needed for matching.
  while (len > 0 && (out[len - 1] === SPACE || out[len - 1] === NEWLINE)) len--;
  while (runStarts.length > 1 && runStarts[runStarts.length - 1] >= len && len > 0) {
    runStarts.pop();
    runDeltas.pop();
  }
  // A small exact-size array of small integers (a typed array would cost its buffer's
  // ~100 bytes per block); the common single unshifted run is shared.
  let runs = UNSHIFTED;
  if (runStarts.length > 1 || runDeltas[0] !== from) {
    const exact = new Array<number>(2 * runStarts.length);
    for (let r = 0; r < runStarts.length; r++) {
      exact[2 * r] = runStarts[r];
      exact[2 * r + 1] = runDeltas[r] - from;
    }
    runs = exact;
  }
  const map = new OffsetMap(runs, len, size);
  return { text: wide ? decodeUtf16(out.subarray(0, len)) : decodeLatin1(out, len), map, endsInComment };
}

/** Line breaks in the run last measured by endOfWhitespace (a variable, not a result object: this is the hot loop). */
let runBreaks = 0;

/** Index after the whitespace run starting at `i`; counts its line breaks (CRLF as one) into runBreaks. */
function endOfWhitespace(source: string, i: number, n: number): number {
  runBreaks = 0;
  while (i < n) {
    const d = source.charCodeAt(i);
    if (d === 0x0a) runBreaks++;
    else if (d === 0x0d) {
      runBreaks++;
      if (i + 1 < n && source.charCodeAt(i + 1) === 0x0a) i++;
    } else if (!(d === 0x20 || fold(d) === SPACE)) break;
    i++;
  }
  return i;
}

/** If a run of spaces containing exactly one line break starts at `i`, return the index after it, else -1. */
function skipLineBreak(source: string, i: number, n: number): number {
  const end = endOfWhitespace(source, i, n);
  return runBreaks === 1 ? end : -1;
}

const utf16 = new TextDecoder('utf-16le');

function decodeUtf16(units: Uint16Array): string {
  // TextDecoder turns a lone surrogate into U+FFFD: still one code unit, so offsets hold.
  return utf16.decode(units);
}

/** Every code in out[0, len) is at most 0xff: make a one-byte string. */
function decodeLatin1(out: Uint16Array, len: number): string {
  if (scratchBytes.length < len) scratchBytes = Buffer.allocUnsafe(Math.max(len, 4096));
  scratchBytes.set(out.subarray(0, len));
  return scratchBytes.toString('latin1', 0, len);
}

/** Normalise a phrase from a rule pack the same way a document is normalised. */
export function normalisePhrase(phrase: string): string {
  return normalise(phrase, { markdown: false }).text;
}

/** Map a normalised range back to original UTF-16 offsets. */
export function toOriginalRange(norm: NormalisedText, start: number, end: number): { start: number; end: number } {
  const s = norm.map.original(start);
  const e = end > start ? norm.map.original(end - 1) + 1 : s;
  return { start: s, end: e };
}
