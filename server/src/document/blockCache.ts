/**
 * Incremental parsing of successive versions of one document (an editor buffer).
 *
 * The new version is compared with the previous one to find the edited middle
 * (everything between their common prefix and common suffix). Blocks wholly in
 * the prefix are kept as they are, blocks wholly in the suffix are kept with
 * their offsets shifted, and only the lines in between are split into blocks
 * and analysed. A kept tail block is analysed again only if the state it
 * starts in (an open code fence or HTML comment) changed. Line starts are
 * updated the same way. No step reads the whole text except the native
 * comparison of the two versions, so a keystroke costs what its paragraph costs.
 *
 * The result equals a full parse by construction of the conditions below (and is
 * tested against one with random edits, test/property/incremental.property.test.ts).
 */
import { analyseBlock, analyseBlocks, analyseBlocksIn, Block, BlockState, START_STATE } from './blocks';
import { editedLineStarts, LineIndex } from './lineIndex';

export interface ParsedBlocks {
  readonly blocks: Block[];
  readonly lines: LineIndex;
}

interface Version extends ParsedBlocks {
  readonly text: string;
  readonly markdown: boolean;
}

export class BlockCache {
  private previous: Version | undefined;

  /** The blocks and line index of `text`, reusing what it shares with the previous version. */
  blocksOf(text: string, markdown: boolean): ParsedBlocks {
    const before = this.previous;
    const parsed = before && before.markdown === markdown ? reparse(before, text, markdown) : parseBlocks(text, markdown);
    this.previous = { text, markdown, ...parsed };
    return parsed;
  }
}

export function parseBlocks(text: string, markdown: boolean): ParsedBlocks {
  const lines = new LineIndex(text);
  return { blocks: analyseBlocks(text, lines.lineStarts, markdown), lines };
}

function blockEnd(block: Block): number {
  return block.start + block.analysis.text.length;
}

function sameState(a: BlockState, b: BlockState): boolean {
  return a.inFence === b.inFence && a.inComment === b.inComment;
}

function reparse(before: Version, text: string, markdown: boolean): ParsedBlocks {
  const oldText = before.text;
  const prefix = commonPrefix(oldText, text);
  if (prefix === oldText.length && prefix === text.length) return before;
  const suffix = commonSuffix(oldText, text, Math.min(oldText.length, text.length) - prefix);
  const lines = new LineIndex(text, editedLineStarts(before.lines, text, prefix, suffix));
  const old = before.blocks;
  const delta = text.length - oldText.length;
  const suffixStart = oldText.length - suffix;

  // Block i is kept from the head when the next block starts inside the prefix: its
  // text and the blank line ending it are unchanged.
  let head = 0;
  while (head + 1 < old.length && old[head + 1].start < prefix) head++;
  // Block j is kept from the tail when its text and the blank line before it are in
  // the suffix, with the character before that line break too (so a CR stays a CR).
  let tail = old.length;
  while (tail - 1 >= Math.max(head, 1) && blockEnd(old[tail - 2]) > suffixStart) tail--;

  const blocks = old.slice(0, head);
  const from = head > 0 ? blockEnd(old[head - 1]) : 0;
  const fromLine = head > 0 ? lines.lineOf(from) + 1 : 0;
  const to = tail < old.length ? old[tail].start + delta : text.length + 1;
  let state = analyseBlocksIn(text, lines.lineStarts, markdown, fromLine, to, head > 0 ? old[head - 1].analysis.exit : START_STATE, blocks);
  for (let j = tail; j < old.length; j++) {
    const kept = old[j];
    const analysis = sameState(kept.entry, state) ? kept.analysis : analyseBlock(kept.analysis.text, markdown, state);
    blocks.push({ start: kept.start + delta, entry: state, analysis });
    state = analysis.exit;
  }
  return { blocks, lines };
}

/** Chunks compared natively before the character loop finds the exact point. */
const CHUNK = 2048;

function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i + CHUNK <= n && a.substring(i, i + CHUNK) === b.substring(i, i + CHUNK)) i += CHUNK;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Length of the common suffix of `a` and `b`, at most `max`. */
function commonSuffix(a: string, b: string, max: number): number {
  let k = 0;
  while (k + CHUNK <= max && a.substring(a.length - k - CHUNK, a.length - k) === b.substring(b.length - k - CHUNK, b.length - k)) k += CHUNK;
  while (k < max && a.charCodeAt(a.length - k - 1) === b.charCodeAt(b.length - k - 1)) k++;
  return k;
}
