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
import { SUPPRESSION_MARK } from './suppressions';

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
  /** Split on first use: rules ask only about sentences around their hits. */
  readonly sentences: Span[];
  readonly definitions: Definition[];
  /** Found on first use, like sentences. */
  readonly references: CrossReference[];
  /** The block mentions `clauselint-` (a suppression comment may start here). */
  readonly mentionsSuppression: boolean;
  readonly exit: BlockState;
}

export interface Block {
  /** Offset of the block in the document. */
  readonly start: number;
  /** The state the block was analysed in (what the text before it left open). */
  readonly entry: BlockState;
  readonly analysis: BlockAnalysis;
}

/** The four states, shared by every block (one object each instead of one per block). */
const STATES: readonly BlockState[] = [false, true].flatMap((inFence) => [false, true].map((inComment) => Object.freeze({ inFence, inComment })));

function stateOf(inFence: boolean, inComment: boolean): BlockState {
  return STATES[(inFence ? 2 : 0) + (inComment ? 1 : 0)];
}

export const START_STATE: BlockState = stateOf(false, false);

function isBlankLine(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d && c !== 0x0a && c !== 0xa0 && c !== 0x0b && c !== 0x0c) return false;
  }
  return true;
}

/**
 * Find the blocks among the lines from `fromLine` that start before `to`, analyse
 * each in the state the previous one left, and append them to `into`.
 * Returns the state after the last one.
 */
export function analyseBlocksIn(text: string, lineStarts: readonly number[], markdown: boolean, fromLine: number, to: number, entry: BlockState, into: Block[]): BlockState {
  let state = entry;
  const add = (start: number, end: number) => {
    const analysis = analyseBlock(text, markdown, state, start, end);
    into.push({ start, entry: state, analysis });
    state = analysis.exit;
  };
  let start = -1;
  let end = -1;
  for (let line = fromLine; line < lineStarts.length && lineStarts[line] < to; line++) {
    const ls = lineStarts[line];
    const next = line + 1 < lineStarts.length ? lineStarts[line + 1] : text.length;
    let le = next;
    while (le > ls && (text.charCodeAt(le - 1) === 0x0a || text.charCodeAt(le - 1) === 0x0d)) le--;
    if (isBlankLine(text, ls, le)) {
      if (start >= 0) add(start, end);
      start = -1;
    } else {
      if (start < 0) start = ls;
      end = le;
    }
  }
  if (start >= 0) add(start, end);
  return state;
}

/** Every block of a text, analysed. */
export function analyseBlocks(text: string, lineStarts: readonly number[], markdown: boolean): Block[] {
  const blocks: Block[] = [];
  analyseBlocksIn(text, lineStarts, markdown, 0, text.length + 1, START_STATE, blocks);
  return blocks;
}

const NONE: never[] = [];

/**
 * A list kept for the block's lifetime, at its exact size: an array grown by push
 * keeps spare capacity (17 slots for one item), and a document has tens of
 * thousands of blocks with a few lists each, most of them empty.
 */
function kept<T>(list: T[]): T[] {
  return list.length === 0 ? NONE : list.slice();
}

class AnalysedBlock implements BlockAnalysis {
  private sentenceList?: Span[];
  private referenceList?: CrossReference[];
  readonly definitions: Definition[];
  readonly mentionsSuppression: boolean;

  constructor(
    readonly text: string,
    readonly norm: NormalisedText,
    readonly paragraphs: Span[],
    readonly labels: LabelAt[],
    readonly exit: BlockState,
  ) {
    this.definitions = kept(findDefinitions(text, () => this.sentences, paragraphs));
    this.mentionsSuppression = text.includes(SUPPRESSION_MARK);
  }

  get sentences(): Span[] {
    return (this.sentenceList ??= kept(splitSentences(this.text, this.paragraphs)));
  }

  /** Found on first use: rules follow the references of the sentences they check. */
  get references(): CrossReference[] {
    return (this.referenceList ??= kept(findReferences(this.text)));
  }
}

/** The block [from, to) of `source` (the whole of it by default), analysed; the block's offsets start at `from`. */
export function analyseBlock(source: string, markdown: boolean, entry: BlockState, from = 0, to = source.length): BlockAnalysis {
  const text = source.slice(from, to);
  // Normalised in the document's own text: read character by character, the slice would cost more (normalise.ts).
  const norm = normalise(source, { markdown, startsInComment: entry.inComment }, from, to);
  const lines = scanLines(text, markdown, entry.inFence);
  return new AnalysedBlock(text, norm, kept(lines.paragraphs), kept(lines.labels), stateOf(lines.endsInFence, norm.endsInComment === true));
}
