/**
 * The normalised text of one sentence, taken from its block's normalised text (the
 * document layer's: lower case, whitespace runs collapsed, hyphenation joined, Markdown
 * emphasis dropped), with the way back to the original text.
 */
import { ContractDocument } from '../../document/contractDocument';
import { lastStartingAtOrBefore, Span } from '../../document/lineIndex';

export interface SentenceText {
  /** Normalised text of the sentence. */
  text: string;
  /** Original offset (in the document) of normalised character `k` of `text`. */
  original(k: number): number;
  /** The original words of a normalised stretch. */
  cased(from: number, to: number): string;
}

export function sentenceText(doc: ContractDocument, sentence: Span): SentenceText | undefined {
  const b = lastStartingAtOrBefore(doc.blocks, sentence.start);
  if (b < 0) return undefined;
  const block = doc.blocks[b];
  const { text, map } = block.analysis.norm;
  const ns = map.firstAtOrAfter(sentence.start - block.start);
  const ne = map.firstAtOrAfter(Math.min(sentence.end, block.start + block.analysis.text.length) - block.start);
  if (ne <= ns) return undefined;
  const original = (k: number) => block.start + map.original(ns + k);
  return {
    text: text.slice(ns, ne),
    original,
    cased: (from, to) => doc.text.slice(original(from), to >= ne - ns ? sentence.end : original(to)),
  };
}

/** The original span of a normalised stretch [from, to). */
export function originalSpan(s: SentenceText, from: number, to: number): Span {
  return { start: s.original(from), end: s.original(to - 1) + 1 };
}
