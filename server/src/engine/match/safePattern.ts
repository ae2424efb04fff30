/**
 * The pattern language of rule packs: a subset of regular expressions that
 * cannot backtrack catastrophically on V8.
 *
 * Every quantifier is bounded (`?`, `{m}`, `{m,n}` with n <= MAX_REPEAT), so a
 * match attempt at one position can only read a bounded stretch of text; and
 * the number of ways a pattern can match at one position (alternatives times
 * repetitions) must stay under PATH_BUDGET. Together these bound the work per
 * start position by a constant, so a scan is linear in the text. Backreferences,
 * lookarounds, anchors and unbounded quantifiers are rejected with the column
 * where they occur.
 *
 * Patterns run against normalised text (lower case, single spaces), so literal
 * letters are lower-cased when compiled and `\s` can be written as a space.
 */

export const MAX_REPEAT = 50;
export const PATH_BUDGET = 1000;
export const MAX_PATTERN_LENGTH = 500;

export class PatternError extends Error {
  constructor(message: string, readonly column: number) {
    super(message);
  }
}

export interface CompiledPattern {
  /** Regex source safe to embed in an alternation (no capturing groups). */
  source: string;
  /** Upper bound on match paths at one position. */
  paths: number;
  /** The literal words the pattern can start with, if it must start with one of them (used to plan scans). */
  firstWords?: string[];
}

interface Atom {
  out: string;
  paths: number;
  zeroWidth: boolean;
  singleChar?: boolean;
  /** The fewest characters it matches. */
  minLength: number;
}

/** Single-character atoms ("[a-z-]", "\\s") as regexes, compiled once: packs repeat the same few. */
const SINGLE_CHAR_ATOMS = new Map<string, RegExp>();

class Parser {
  pos = 0;
  constructor(readonly src: string) {}

  fail(message: string, at = this.pos): never {
    throw new PatternError(message, at);
  }

  peek(): string {
    return this.src[this.pos];
  }

  parseAlternation(): { out: string; paths: number; minLength: number } {
    let { out, paths, minLength } = this.parseSequence();
    while (this.peek() === '|') {
      this.pos++;
      const next = this.parseSequence();
      out += '|' + next.out;
      paths = cap(paths + next.paths);
      minLength = Math.min(minLength, next.minLength);
    }
    return { out, paths, minLength };
  }

  parseSequence(): { out: string; paths: number; minLength: number } {
    let out = '';
    let paths = 1;
    let minLength = 0;
    while (this.pos < this.src.length && this.peek() !== '|' && this.peek() !== ')') {
      const atomStart = this.pos;
      const atom = this.parseAtom();
      const q = this.parseQuantifier(atomStart, atom.zeroWidth);
      out += atom.out + q.out;
      minLength += atom.minLength * q.min;
      // A run of one character class that the next literal cannot continue ("[a-z]{1,20} ")
      // has one way to end before that literal: it adds steps, not branches.
      const deterministic = atom.singleChar && q.max > q.min && this.nextLiteralStops(atom.out);
      paths = cap(paths * (deterministic ? 1 : repeatPaths(atom.paths, q.min, q.max)));
    }
    return { out, paths, minLength };
  }

  /** Whether the character after a quantifier is a literal that `atomSource` cannot match. */
  nextLiteralStops(atomSource: string): boolean {
    const next = this.src[this.pos];
    if (next === undefined || '()[]{}|?*+.\\^$'.includes(next)) return false;
    let atom = SINGLE_CHAR_ATOMS.get(atomSource);
    if (!atom) {
      if (SINGLE_CHAR_ATOMS.size > 1000) SINGLE_CHAR_ATOMS.clear();
      SINGLE_CHAR_ATOMS.set(atomSource, (atom = new RegExp(`^(?:${atomSource})$`)));
    }
    return !atom.test(next.toLowerCase());
  }

  parseAtom(): Atom {
    const c = this.peek();
    const start = this.pos;
    switch (c) {
      case '(': {
        this.pos++;
        if (this.src.startsWith('?:', this.pos)) this.pos += 2;
        else if (this.peek() === '?') {
          const kind = this.src.startsWith('?=', this.pos) || this.src.startsWith('?!', this.pos) ? 'lookahead' : this.src.startsWith('?<=', this.pos) || this.src.startsWith('?<!', this.pos) ? 'lookbehind' : 'named or flagged group';
          this.fail(`${kind} is not allowed in patterns (it can make matching slow or unpredictable)`, start);
        }
        const inner = this.parseAlternation();
        if (this.peek() !== ')') this.fail("unclosed group: missing ')'", start);
        this.pos++;
        return { out: `(?:${inner.out})`, paths: inner.paths, zeroWidth: false, minLength: inner.minLength };
      }
      case '[':
        return { out: this.parseClass(), paths: 1, zeroWidth: false, singleChar: true, minLength: 1 };
      case '\\':
        return this.parseEscape();
      case '.':
        this.pos++;
        return { out: '[^\\n]', paths: 1, zeroWidth: false, singleChar: true, minLength: 1 };
      case '^':
      case '$':
        this.fail(`anchor '${c}' is not allowed: use \\b for word boundaries`);
        break;
      case '*':
      case '+':
      case '?':
      case '{':
        this.fail(`quantifier '${c}' has nothing to repeat`);
        break;
      case ')':
        this.fail("unmatched ')'");
        break;
    }
    this.pos++;
    return { out: escapeLiteral(c.toLowerCase()), paths: 1, zeroWidth: false, singleChar: true, minLength: 1 };
  }

  parseEscape(): Atom {
    const start = this.pos;
    this.pos++;
    const e = this.src[this.pos];
    if (e === undefined) this.fail('pattern ends with a lone backslash', start);
    this.pos++;
    if (/[1-9]/.test(e)) this.fail('backreferences are not allowed in patterns (they cannot be matched in linear time)', start);
    if (e === 'k') this.fail('named backreferences are not allowed in patterns', start);
    if (e === 'b' || e === 'B') return { out: '\\' + e, paths: 1, zeroWidth: true, minLength: 0 };
    if ('sSwWdD'.includes(e)) return { out: '\\' + e, paths: 1, zeroWidth: false, singleChar: true, minLength: 1 };
    if (e === 'u' || e === 'x' || e === 'c' || e === 'p' || e === 'P') this.fail(`escape '\\${e}' is not supported in patterns: write the character itself`, start);
    if (/[a-zA-Z0-9]/.test(e)) this.fail(`unknown escape '\\${e}'`, start);
    return { out: escapeLiteral(e), paths: 1, zeroWidth: false, singleChar: true, minLength: 1 };
  }

  parseClass(): string {
    const start = this.pos;
    let out = '[';
    this.pos++;
    if (this.peek() === '^') {
      out += '^';
      this.pos++;
    }
    let first = true;
    while (this.pos < this.src.length && (this.peek() !== ']' || first)) {
      const c = this.src[this.pos];
      if (c === '\\') {
        const e = this.src[this.pos + 1];
        if (e === undefined) this.fail('pattern ends inside a character class', start);
        if (/[1-9]/.test(e) || e === 'k') this.fail('backreferences are not allowed in patterns', this.pos);
        out += '\\' + e;
        this.pos += 2;
      } else {
        out += c === '[' ? '\\[' : c.toLowerCase();
        this.pos++;
      }
      first = false;
    }
    if (this.peek() !== ']') this.fail("unclosed character class: missing ']'", start);
    this.pos++;
    return out + ']';
  }

  parseQuantifier(atomStart: number, zeroWidth: boolean): { out: string; min: number; max: number } {
    const c = this.peek();
    const start = this.pos;
    let min = 1;
    let max = 1;
    let out = '';
    if (c === '*' || c === '+') {
      this.fail(`unbounded quantifier '${c}' is not allowed: use a bounded one such as {${c === '*' ? 0 : 1},${20}} (patterns must run in linear time)`);
    } else if (c === '?') {
      this.pos++;
      min = 0;
      out = '?';
    } else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.pos));
      if (!m) this.fail("malformed quantifier: expected {m} or {m,n}");
      min = Number(m[1]);
      if (m[2] === undefined) max = min;
      else if (m[3] === '') this.fail(`unbounded quantifier '${m[0]}' is not allowed: give an upper bound (at most ${MAX_REPEAT})`);
      else max = Number(m[3]);
      if (max < min) this.fail(`quantifier '${m[0]}' has its bounds the wrong way round`);
      if (max > MAX_REPEAT) this.fail(`quantifier '${m[0]}' repeats more than ${MAX_REPEAT} times`);
      this.pos += m[0].length;
      out = m[0];
    } else {
      return { out: '', min: 1, max: 1 };
    }
    if (zeroWidth) this.fail('a word boundary cannot be repeated', atomStart);
    if (this.peek() === '?') {
      this.pos++;
      out += '?';
    }
    const next = this.peek();
    if (next === '*' || next === '+' || next === '?' || next === '{') this.fail('a quantifier cannot follow a quantifier', start);
    return { out, min, max };
  }
}

function cap(n: number): number {
  return Math.min(n, PATH_BUDGET * 1000);
}

/** Ways to match X{min,max} when X alone has `paths` ways. */
function repeatPaths(paths: number, min: number, max: number): number {
  let total = 0;
  let power = 1;
  for (let k = 0; k <= max; k++) {
    if (k >= min) total = cap(total + power);
    power = cap(power * paths);
  }
  return Math.max(1, total);
}

function escapeLiteral(c: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(c) ? '\\' + c : c;
}

export function compilePattern(src: string): CompiledPattern {
  if (typeof src !== 'string' || src.length === 0) throw new PatternError('pattern is empty', 0);
  if (src.length > MAX_PATTERN_LENGTH) throw new PatternError(`pattern is longer than ${MAX_PATTERN_LENGTH} characters`, MAX_PATTERN_LENGTH);
  const p = new Parser(src);
  const { out, paths, minLength } = p.parseAlternation();
  if (p.pos < src.length) p.fail("unmatched ')'");
  if (paths > PATH_BUDGET) {
    throw new PatternError(`pattern can match in more than ${PATH_BUDGET} ways at one position (estimated ${paths >= PATH_BUDGET * 1000 ? 'over a million' : paths}); narrow its repetitions or alternatives`, 0);
  }
  try {
    new RegExp(out);
  } catch (err) {
    throw new PatternError(`invalid pattern: ${(err as Error).message}`, 0);
  }
  if (minLength === 0) throw new PatternError('pattern can match empty text', 0);
  return { source: out, paths, firstWords: firstWordsOf(out) };
}

/** "any (...)" -> [any]; "(?:mass|bulk) ..." -> [mass, bulk]; otherwise undefined. */
function firstWordsOf(source: string): string[] | undefined {
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === '|' && depth === 0) return undefined;
  }
  const single = SINGLE_FIRST_WORD.exec(source);
  if (single) return single[2] ? [single[1], `${single[1]}s`] : [single[1]];
  const group = LEADING_GROUP.exec(source);
  if (!group) return undefined;
  const words: string[] = [];
  for (const member of group[1].split('|')) {
    const word = MEMBER_FIRST_WORD.exec(member);
    if (!word) return undefined;
    words.push(word[1]);
  }
  return [...new Set(words)];
}

/** What can follow a pattern's first word and end it there: a space, hyphen, apostrophe, slash or full stop, or the pattern's end. */
const WORD_END = String.raw`(?:[ '/-]|\\[/.'-]|\(\?:-\| \)|\(\?: \|-\)|$)`;
/** "any (...)", "requires? (...)" (two words), "high-(?:risk|...)", "ai(?:-| )...". */
const SINGLE_FIRST_WORD = new RegExp(String.raw`^([a-z0-9]+)(s\?)?(?=${WORD_END})`);
/** "(?:mass|bulk|any and all) ...": a leading group of plain members, not optional or repeated. */
const LEADING_GROUP = new RegExp(String.raw`^\(\?:([^()[\]{}?*+]+)\)(?=${WORD_END})`);
/** A group member's first word, ended by the member's end or a character that is not a letter or digit. */
const MEMBER_FIRST_WORD = /^([a-z0-9]+)(?:$|[ '/-]|\\[/.'-])/;
