/**
 * Where a clause goes: at the end of a section whose title names its place
 * ("Audit", "Restrictions"), else right after the paragraph that needs it,
 * else at the end of the document. Always between paragraphs, never inside a
 * sentence.
 */
import { BlockAnalysis } from '../../document/blocks';
import { ContractDocument, paragraphStartingAtOrBefore, spanAt } from '../../document/contractDocument';
import { lastStartingAtOrBefore, Span } from '../../document/lineIndex';
import { Section } from '../../document/structure';

export interface InsertionPoint {
  offset: number;
  /** Text to put before the clause so it becomes its own paragraph. */
  prefix: string;
  /** Text to put after it (when it goes in front of something on the same line). */
  suffix: string;
  /** Why this place was chosen, for the fix title. */
  where: string;
}

/** Per document, the section chosen for each placement list: findings share it. */
const placementCache = new WeakMap<ContractDocument, Map<string, Section | null>>();

function sectionForPlacement(doc: ContractDocument, placement: string[]): Section | undefined {
  if (placement.length === 0) return undefined;
  let cache = placementCache.get(doc);
  if (!cache) placementCache.set(doc, (cache = new Map()));
  const key = placement.join('\u0000');
  if (cache.has(key)) return cache.get(key) ?? undefined;
  const words = placement.map((p) => p.toLowerCase());
  // Look for the title in the blocks' labels (answers kept per block), and build the
  // document's sections only when one matches.
  let found: Section | undefined;
  for (const block of doc.blocks) {
    if (block.analysis.labels.length === 0) continue;
    const i = titledLabelIn(block.analysis, key, words);
    if (i < 0) continue;
    const start = block.start + block.analysis.labels[i].start;
    found = doc.sections[lastStartingAtOrBefore(doc.sections, start)];
    break;
  }
  cache.set(key, found ?? null);
  return found;
}

const titledByBlock = new WeakMap<BlockAnalysis, Map<string, number>>();

/** Index of the first label in the block whose title contains one of `words`, or -1. */
function titledLabelIn(analysis: BlockAnalysis, key: string, words: string[]): number {
  let answers = titledByBlock.get(analysis);
  if (!answers) titledByBlock.set(analysis, (answers = new Map()));
  let index = answers.get(key);
  if (index === undefined) {
    index = analysis.labels.findIndex((l) => l.title && words.some((w) => l.title.toLowerCase().includes(w)));
    answers.set(key, index);
  }
  return index;
}

/** End of the last paragraph that starts before `end`. */
function contentEndBefore(doc: ContractDocument, end: number): number {
  return paragraphStartingAtOrBefore(doc, end - 1)?.end ?? end;
}

export function findInsertionPoint(doc: ContractDocument, anchor: Span | undefined, placement: string[]): InsertionPoint {
  return blankLineAfter(doc, outsideComments(doc, placeClause(doc, anchor, placement)));
}

/** The place right after paragraph `para` (outside comments, with the blank line a paragraph needs). */
export function pointAfterParagraph(doc: ContractDocument, para: Span, where: string): InsertionPoint {
  const eol = doc.lines.eol();
  return blankLineAfter(doc, outsideComments(doc, { offset: para.end, prefix: eol + eol, suffix: '', where }));
}

/**
 * A paragraph can end at a single line break (a heading line ends its own
 * paragraph): then the text after the insertion would join the new clause's
 * paragraph. The clause gets line breaks after it up to a blank line
 * (nothing is added when only white space follows).
 */
function blankLineAfter(doc: ContractDocument, point: InsertionPoint): InsertionPoint {
  if (point.suffix !== '' || !/\S/.test(doc.text.slice(point.offset, point.offset + 200))) return point;
  const next = /^(?:\r\n|\r|\n)?(?:[ \t]*(\r\n|\r|\n))?/.exec(doc.text.slice(point.offset, point.offset + 8))!;
  if (next[1] !== undefined) return point;
  const eol = doc.lines.eol();
  return { ...point, suffix: next[0] === '' ? eol + eol : eol };
}

function placeClause(doc: ContractDocument, anchor: Span | undefined, placement: string[]): InsertionPoint {
  const eol = doc.lines.eol();
  const paragraphBreak = eol + eol;
  const section = sectionForPlacement(doc, placement);
  if (section) {
    return { offset: contentEndBefore(doc, section.end), prefix: paragraphBreak, suffix: '', where: `at the end of "${section.title}"` };
  }
  if (anchor) {
    const para = spanAt(doc, 'paragraphs', anchor.start);
    if (para) return { offset: para.end, prefix: paragraphBreak, suffix: '', where: 'after this clause' };
  }
  const last = paragraphStartingAtOrBefore(doc, doc.text.length);
  if (!last) return { offset: doc.text.length, prefix: doc.text.length > 0 ? paragraphBreak : '', suffix: '', where: 'at the end of the document' };
  return { offset: last.end, prefix: paragraphBreak, suffix: '', where: 'at the end of the document' };
}

const commentCache = new WeakMap<ContractDocument, Span[]>();

/** Markdown comments, including one left open at the end: a clause inside one would be invisible. */
function htmlComments(doc: ContractDocument): Span[] {
  let spans = commentCache.get(doc);
  if (!spans) {
    spans = [];
    if (doc.format === 'markdown') {
      for (let i = doc.text.indexOf('<!--'); i >= 0; i = doc.text.indexOf('<!--', i + 4)) {
        const close = doc.text.indexOf('-->', i + 4);
        const end = close < 0 ? doc.text.length : close + 3;
        spans.push({ start: i, end });
        if (close < 0) break;
        i = end - 4;
      }
    }
    commentCache.set(doc, spans);
  }
  return spans;
}

function outsideComments(doc: ContractDocument, point: InsertionPoint): InsertionPoint {
  const comment = htmlComments(doc).find((c) => point.offset > c.start && point.offset < c.end + (c.end === doc.text.length ? 1 : 0));
  if (!comment) return point;
  const eol = doc.lines.eol();
  return { ...point, offset: comment.start, suffix: eol + eol };
}
