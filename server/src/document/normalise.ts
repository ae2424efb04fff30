/**
 * Single-pass normalisation with an offset map.
 *
 * The matcher works on a folded copy of the text: lower case, straight quotes,
 * ASCII dashes, one space for any run of whitespace inside a paragraph, "\n"
 * for a paragraph break, hyphenation across a line break joined, Markdown
 * emphasis and HTML comments removed. `map[i]` is the UTF-16 offset in the
 * original text of normalised character `i`; `map[text.length]` is the
 * original length, so a normalised range [s, e) maps back to
 * [map[s], map[e - 1] + 1).
 *
 * One pass over char codes with a lookup table, writing into typed arrays:
 * chained toLowerCase().replace() calls cost several copies of the text.
 */

export interface NormalisedText {
  readonly text: string;
  readonly map: Int32Array;
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
let scratchMap = new Int32Array(0);

export function normalise(source: string, options: NormaliseOptions): NormalisedText {
  const n = source.length;
  if (scratchOut.length < n + 1) {
    scratchOut = new Uint16Array(Math.max(n + 1, 4096));
    scratchMap = new Int32Array(Math.max(n + 2, 4097));
  }
  const out = scratchOut;
  const map = scratchMap;
  const markdown = options.markdown;
  let len = 0;
  let i = 0;
  let endsInComment = false;
  if (markdown && options.startsInComment) {
    const close = source.indexOf('-->');
    i = close < 0 ? n : close + 3;
    endsInComment = close < 0;
  }
  while (i < n) {
    const c = source.charCodeAt(i);

    // Fast path: lower-case letters and digits, most of any contract.
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) {
      out[len] = c;
      map[len++] = i++;
      continue;
    }
    if (c >= 0x41 && c <= 0x5a) {
      out[len] = c + 0x20;
      map[len++] = i++;
      continue;
    }

    if (c === 0x20 || c === 0x0a || c === 0x0d || fold(c) === SPACE) {
      // Collapse a whitespace run; two or more line breaks make a paragraph break.
      const start = i;
      i = endOfWhitespace(source, i);
      const breaks = runBreaks;
      if (len > 0 && out[len - 1] !== SPACE && out[len - 1] !== NEWLINE) {
        out[len] = breaks >= 2 ? NEWLINE : SPACE;
        map[len++] = start;
      } else if (breaks >= 2 && len > 0 && out[len - 1] === SPACE) {
        out[len - 1] = NEWLINE;
      }
      continue;
    }

    if (c === 0x2d || fold(c) === 0x2d) {
      // Hyphenation across a single line break ("law-\nful") joins the word.
      const j = skipLineBreak(source, i + 1);
      if (j > 0 && len > 0 && isLetter(out[len - 1]) && j < n && isLetter(source.charCodeAt(j))) {
        i = j;
        continue;
      }
      out[len] = 0x2d;
      map[len++] = i++;
      continue;
    }

    if (markdown) {
      if (c === 0x2a || c === 0x5f || c === 0x60) {
        i++; // emphasis and code markers carry no words
        continue;
      }
      if (c === 0x5c && i + 1 < n && !isWs(source.charCodeAt(i + 1))) {
        i++; // backslash escape: keep the escaped character
        continue;
      }
      if (c === 0x3c && i + 1 < n && isTagStart(source.charCodeAt(i + 1))) {
        // Inline HTML tags (<span class="...">, </b>) carry no words.
        const close = source.indexOf('>', i + 2);
        if (close > 0 && close - i < 300 && !source.slice(i, close).includes('\n')) {
          i = close + 1;
          continue;
        }
      }
      if (c === 0x3c && source.startsWith('<!--', i)) {
        const close = source.indexOf('-->', i + 4);
        const end = close < 0 ? n : close + 3;
        if (close < 0) endsInComment = true;
        // A comment separates words like whitespace does.
        if (len > 0 && out[len - 1] !== SPACE && out[len - 1] !== NEWLINE) {
          out[len] = SPACE;
          map[len++] = i;
        }
        i = end;
        continue;
      }
    }

    const f = fold(c);
    if (f === DROP) {
      i++;
      continue;
    }
    out[len] = f;
    map[len++] = i++;
  }
  // Trailing whitespace is not needed for matching.
  while (len > 0 && (out[len - 1] === SPACE || out[len - 1] === NEWLINE)) len--;
  map[len] = n;
  const text = decodeUtf16(out.subarray(0, len));
  // The scratch map is reused: keep an exact-size copy.
  return { text, map: map.slice(0, len + 1), endsInComment };
}

/** Line breaks in the run last measured by endOfWhitespace (a variable, not a result object: this is the hot loop). */
let runBreaks = 0;

/** Index after the whitespace run starting at `i`; counts its line breaks (CRLF as one) into runBreaks. */
function endOfWhitespace(source: string, i: number): number {
  const n = source.length;
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
function skipLineBreak(source: string, i: number): number {
  const end = endOfWhitespace(source, i);
  return runBreaks === 1 ? end : -1;
}

const utf16 = new TextDecoder('utf-16le');

function decodeUtf16(units: Uint16Array): string {
  // TextDecoder turns a lone surrogate into U+FFFD: still one code unit, so offsets hold.
  return utf16.decode(units);
}

/** Normalise a phrase from a rule pack the same way a document is normalised. */
export function normalisePhrase(phrase: string): string {
  return normalise(phrase, { markdown: false }).text;
}

/** Map a normalised range back to original UTF-16 offsets. */
export function toOriginalRange(norm: NormalisedText, start: number, end: number): { start: number; end: number } {
  const s = norm.map[start];
  const e = end > start ? norm.map[end - 1] + 1 : s;
  return { start: s, end: e };
}
