/**
 * Term hits of a whole document, block by block. A block's hits are kept with
 * its (cached, reused) analysis, so after an edit only the changed blocks are
 * scanned again. Lazy sets are matched on demand in the blocks a span covers.
 */
import { BlockAnalysis } from '../../document/blocks';
import { ContractDocument } from '../../document/contractDocument';
import { lastStartingAtOrBefore, Span } from '../../document/lineIndex';
import { LIMITS } from '../limits';
import { BlockScan, Scanner } from './scanner';

/**
 * What one scanner found in one block: its hits (scanned on first use) and its
 * answers for lazy sets, by set and block-relative span. Kept while the block is.
 */
interface BlockMatches {
  scanner: Scanner;
  /** A complete scan of the block (a scan cut short by a limit is not kept). */
  scan?: BlockScan;
  /** Per lazy set, answers by span (`from * (length + 1) + to`: a number, no string built per question). */
  lazy?: Map<string, Map<number, boolean>>;
  /** What upper layers derive from this block alone with this scanner (e.g. detections), by their own keys. */
  memo?: Map<string, unknown>;
}

const matchesByBlock = new WeakMap<BlockAnalysis, BlockMatches>();

function matchesOf(analysis: BlockAnalysis, scanner: Scanner): BlockMatches {
  let entry = matchesByBlock.get(analysis);
  if (!entry || entry.scanner !== scanner) matchesByBlock.set(analysis, (entry = { scanner }));
  return entry;
}

/**
 * A memo kept with a block's analysis for one scanner: for answers that depend on the block's
 * text and the rule set alone, so a keystroke recomputes them only for the blocks it changed.
 */
export function blockMemo(analysis: BlockAnalysis, scanner: Scanner): Map<string, unknown> {
  const entry = matchesOf(analysis, scanner);
  return (entry.memo ??= new Map());
}

export interface DocumentHits {
  /** Hits per scanned term set, as document spans sorted by start. */
  hits: Map<string, Span[]>;
  /** Set when a limit of engine/limits.ts stopped the scan: the document offset where it stopped. */
  cutAt?: number;
}

/**
 * Hits per scanned term set, block by block, within the document's limits.
 * A cached block counts what its scan cost, so a document stops at the same
 * place whether its blocks were scanned now or before an edit.
 */
export function documentHits(doc: ContractDocument, scanner: Scanner): DocumentHits {
  const result = new Map<string, Span[]>();
  let hitsLeft = LIMITS.hitsPerDocument;
  let attemptsLeft = LIMITS.attemptsPerDocument;
  for (const block of doc.blocks) {
    const entry = matchesOf(block.analysis, scanner);
    let scan = entry.scan;
    // Strictly under both limits: then no match of that scan met a limit, and a fresh scan would not stop either.
    if (!scan || scan.hitCount >= hitsLeft || scan.attempts >= attemptsLeft) {
      scan = scanner.scanBounded(block.analysis.norm, hitsLeft, attemptsLeft);
      if (scan.cutAt === undefined) entry.scan = scan;
    }
    for (const [id, spans] of scan.hits) {
      if (spans.length === 0) continue;
      let list = result.get(id);
      if (!list) result.set(id, (list = []));
      for (const s of spans) list.push({ start: s.start + block.start, end: s.end + block.start });
    }
    if (scan.cutAt !== undefined) return { hits: result, cutAt: block.start + scan.cutAt };
    hitsLeft -= scan.hitCount;
    attemptsLeft -= scan.attempts;
  }
  return { hits: result };
}

/** Scan every block afresh, ignoring cached hits (for measuring the scan on its own). */
export function scanEveryBlock(doc: ContractDocument, scanner: Scanner): number {
  let hits = 0;
  for (const block of doc.blocks) for (const spans of scanner.scan(block.analysis.norm).values()) hits += spans.length;
  return hits;
}

function lazyInBlock(analysis: BlockAnalysis, scanner: Scanner, setId: string, from: number, to: number): boolean {
  const entry = matchesOf(analysis, scanner);
  const lazy = (entry.lazy ??= new Map());
  let answers = lazy.get(setId);
  if (!answers) lazy.set(setId, (answers = new Map()));
  const key = from * (analysis.text.length + 1) + to;
  let answer = answers.get(key);
  if (answer === undefined) {
    const { text, map } = analysis.norm;
    const ns = map.firstAtOrAfter(from);
    const ne = map.firstAtOrAfter(to);
    answer = ne > ns && scanner.testLazy(setId, text.slice(ns, ne));
    answers.set(key, answer);
  }
  return answer;
}

/**
 * Answers "does lazy set X match inside this span?" for one document. Answers
 * are cached per block (a sentence or paragraph is inside one), so a keystroke
 * asks the matcher again only about the block it changed.
 */
export function lazyMatcher(doc: ContractDocument, scanner: Scanner): (setId: string, span: Span) => boolean {
  const blocks = doc.blocks;
  return (setId, span) => {
    if (!scanner.isLazy(setId)) return false;
    for (let i = Math.max(0, lastStartingAtOrBefore(blocks, span.start)); i < blocks.length && blocks[i].start < span.end; i++) {
      const { start, analysis } = blocks[i];
      const from = Math.max(0, span.start - start);
      const to = Math.min(analysis.text.length, span.end - start);
      if (to > from && lazyInBlock(analysis, scanner, setId, from, to)) return true;
    }
    return false;
  };
}
