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

  /** `lineStarts`, when given, must be the text's line starts (see editedLineStarts). */
  constructor(
    readonly text: string,
    lineStarts?: number[],
  ) {
    this.lineStarts = lineStarts ?? findLineStarts(text);
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

function findLineStarts(text: string): number[] {
  const starts = [0];
  if (text.indexOf('\r') < 0) {
    // LF only (the common case): let indexOf find the breaks.
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  } else {
    pushLineStarts(text, 0, text.length + 1, starts);
  }
  return starts;
}

/** Push the line starts y with from <= y < to; a line starts after LF, CRLF or a lone CR. */
function pushLineStarts(text: string, from: number, to: number, starts: number[]): void {
  for (let x = Math.max(0, from - 1); x + 1 < to && x < text.length; x++) {
    const c = text.charCodeAt(x);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(x + 1) !== 0x0a)) starts.push(x + 1);
  }
}

/**
 * Line starts of `text`, an edit of `before.text` that kept its first `prefix`
 * and last `suffix` characters: starts in the kept head are copied, the edited
 * middle is scanned, starts in the kept tail are shifted. Whether y is a line
 * start depends on the characters at y - 1 and y only (CRLF is one break), so
 * the head keeps starts below `prefix` and the tail those whose two preceding
 * characters are inside the suffix.
 */
export function editedLineStarts(before: LineIndex, text: string, prefix: number, suffix: number): number[] {
  const old = before.lineStarts;
  const delta = text.length - before.text.length;
  const tailFrom = before.text.length - suffix + 2;
  const starts: number[] = [0];
  let k = 1;
  while (k < old.length && old[k] < prefix) starts.push(old[k++]);
  pushLineStarts(text, Math.max(prefix, 1), tailFrom + delta, starts);
  while (k < old.length && old[k] < tailFrom) k++;
  while (k < old.length) starts.push(old[k++] + delta);
  return starts;
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

/** Index of the first item whose start is at or after `offset` (items sorted by start). */
export function firstStartingAtOrAfter<T>(items: readonly T[], offset: number, startOf: (item: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (startOf(items[mid]) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
