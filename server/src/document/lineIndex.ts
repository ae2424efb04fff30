/** Offsets <-> LSP positions (0-based line, UTF-16 character) over the original text. */

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A half-open span of UTF-16 offsets in the original text. */
export interface Span {
  start: number;
  end: number;
}

export class LineIndex {
  /** Offset at which each line starts; CRLF, LF and lone CR all end a line. */
  readonly lineStarts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    const n = text.length;
    if (text.indexOf('\r') < 0) {
      // LF only (the common case): let indexOf find the breaks.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    } else {
      for (let i = 0; i < n; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x0d) {
          if (i + 1 < n && text.charCodeAt(i + 1) === 0x0a) i++;
          starts.push(i + 1);
        } else if (c === 0x0a) {
          starts.push(i + 1);
        }
      }
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  lineOf(offset: number): number {
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineOf(clamped);
    return { line, character: clamped - this.lineStarts[line] };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[Math.max(0, position.line)];
    return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
  }

  /** Offset of the end of a line's content, before its line break. */
  lineEnd(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    let end = next;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 0x0a) end--;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 0x0d) end--;
    return end;
  }

  rangeOf(span: Span): Range {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }

  private eolCache?: string;

  /** The document's line break, as its first line break is written ("\n" if it has none). */
  eol(): string {
    if (this.eolCache === undefined) {
      const first = this.lineStarts.length > 1 ? this.lineStarts[1] : -1;
      this.eolCache = first < 0 ? '\n' : this.text.slice(first - (this.text[first - 2] === '\r' && this.text[first - 1] === '\n' ? 2 : 1), first);
    }
    return this.eolCache;
  }
}

/** Index of the span containing `offset` in a sorted, non-overlapping list, or -1. */
export function spanIndexAt(spans: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid];
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** Index of the last item starting at or before `offset` in a list sorted by start, or -1. */
export function lastStartingAtOrBefore(spans: readonly { start: number }[], offset: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
