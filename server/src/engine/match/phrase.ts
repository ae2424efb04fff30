/**
 * A pack's phrase as one alternative of a scan: its regex source, and the word a match
 * must start with (which other sets are tried at the same place, see scanner.ts).
 */
import { normalisePhrase } from '../../document/normalise';
import { PatternError } from './safePattern';

export interface Alternative {
  source: string;
  /** Words a match must start with; undefined when it can start anywhere. */
  firstWords?: string[];
  length: number;
}

/** The leading letters and digits of a word: what a match at that position must start with. */
export function leadingWord(text: string): string {
  return /^[a-z0-9]*/.exec(text)![0];
}

/** A phrase from a pack: words, `*` for any one word; a hyphen also matches a space or nothing. */
export function compilePhrase(phrase: string): Alternative {
  const norm = normalisePhrase(phrase);
  if (norm.length === 0) throw new PatternError('phrase is empty', 0);
  let source = '';
  for (const token of norm.split(' ')) {
    if (source) source += ' ';
    source += token === '*' ? "[a-z0-9'-]{1,40}" : token.split('-').map(escapeRegex).join('[- ]?');
  }
  return { source, firstWords: firstWordsOf(norm.split(' ')[0]), length: norm.length };
}

/**
 * The words a match of a phrase whose first token is `token` can start with: "a.i." starts
 * with "a"; "high-risk" with "high" or, typed without its hyphen, "highrisk"; "*" with anything.
 */
function firstWordsOf(token: string): string[] | undefined {
  const words: string[] = [];
  let glued = '';
  for (const part of token.split('-')) {
    const word = leadingWord(part);
    if (word === '') break;
    glued += word;
    words.push(glued);
    // A word that ends before the part does ("e.g" in "e.g-x") ends the match's first word there.
    if (word !== part) break;
  }
  return words.length > 0 ? words : undefined;
}

export function escapeRegex(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}
