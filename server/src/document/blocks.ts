/**
 * A document is analysed block by block: a block is a run of lines between
 * blank lines. Everything local to a block (normalised text, paragraphs, line
 * labels, sentences, definitions, references, and the engine's term hits) is
 * computed once per distinct block text and entry state, and reused while the
 * block is unchanged: after a keystroke only the edited block is analysed
 * again. Full and incremental analysis take this same path, so they agree by
 * construction. Phrases never cross a blank line.
 */
import { Definition, findDefinitions } from './definitions';
import { Span } from './lineIndex';
import { normalise, NormalisedText } from './normalise';
import { CrossReference, findReferences } from './references';
import { splitSentences } from './sentences';
import { LabelAt, scanLines } from './structure';

/** What a block inherits from the text before it. */
export interface BlockState {
  inFence: boolean;
  inComment: boolean;
}

export interface BlockAnalysis {
  readonly text: string;
  readonly norm: NormalisedText;
  /** All offsets below are relative to the block's start. */
  readonly paragraphs: Span[];
  readonly labels: LabelAt[];
  readonly sentences: Span[];
  readonly definitions: Definition[];
  readonly references: CrossReference[];
  readonly exit: BlockState;
}

export interface Block {
  /** Offset of the block in the document. */
  start: number;
  analysis: BlockAnalysis;
}

export const START_STATE: BlockState = { inFence: false, inComment: false };

function isBlankLine(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d && c !== 0x0a && c !== 0xa0 && c !== 0x0b && c !== 0x0c) return false;
  }
  return true;
}

/** Ranges of the text's blocks: runs of non-blank lines. */
export function blockRanges(text: string, lineStarts: readonly number[]): Span[] {
  const ranges: Span[] = [];
  let start = -1;
  let end = -1;
  for (let line = 0; line < lineStarts.length; line++) {
    const ls = lineStarts[line];
    const next = line + 1 < lineStarts.length ? lineStarts[line + 1] : text.length;
    let le = next;
    while (le > ls && (text.charCodeAt(le - 1) === 0x0a || text.charCodeAt(le - 1) === 0x0d)) le--;
    if (isBlankLine(text, ls, le)) {
      if (start >= 0) ranges.push({ start, end });
      start = -1;
    } else {
      if (start < 0) start = ls;
      end = le;
    }
  }
  if (start >= 0) ranges.push({ start, end });
  return ranges;
}

export function analyseBlock(text: string, markdown: boolean, entry: BlockState): BlockAnalysis {
  const norm = normalise(text, { markdown, startsInComment: entry.inComment });
  const lines = scanLines(text, markdown, entry.inFence);
  const sentences = splitSentences(text, lines.paragraphs);
  return {
    text,
    norm,
    paragraphs: lines.paragraphs,
    labels: lines.labels,
    sentences,
    definitions: findDefinitions(text, sentences, lines.paragraphs),
    references: findReferences(text),
    exit: { inFence: lines.endsInFence, inComment: norm.endsInComment === true },
  };
}

/**
 * Analyses of the blocks of one document's latest version, keyed by text and
 * entry state. Each parse keeps only the blocks it used, so memory follows the
 * document rather than its history.
 */
export class BlockCache {
  private current = new Map<string, BlockAnalysis>();
  private next = new Map<string, BlockAnalysis>();

  analyse(text: string, markdown: boolean, entry: BlockState): BlockAnalysis {
    const key = `${markdown ? 'm' : 'p'}${entry.inFence ? 1 : 0}${entry.inComment ? 1 : 0}${text}`;
    let analysis = this.next.get(key) ?? this.current.get(key);
    if (!analysis) analysis = analyseBlock(text, markdown, entry);
    this.next.set(key, analysis);
    return analysis;
  }

  /** Called after a parse: forget the blocks the new version no longer has. */
  settle(): void {
    this.current = this.next;
    this.next = new Map();
  }
}
