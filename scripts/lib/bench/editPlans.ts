/** Seeded single-keystroke edits at random places in a contract, for the latency bench. */

export type EditKind = 'type letter' | 'delete letter' | 'type word';
export const EDIT_KINDS: readonly EditKind[] = ['type letter', 'delete letter', 'type word'];
const WORDS = ['promptly', 'written', 'further', 'such', 'reasonably', 'applicable'];
const LETTERS = 'etaoinsrhl';

/** One edit as offsets into the text before it: replace [start, end) by `text`. */
export interface PlannedEdit {
  kind: EditKind;
  start: number;
  end: number;
  text: string;
}

/** A small seeded PRNG (mulberry32): the same seed gives the same edits on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const isLetter = (c: string | undefined) => c !== undefined && /[A-Za-z]/.test(c);

/**
 * The first place at or after `from` (wrapping round) where `ok(i)` holds, or
 * -1 when there is none. Scans at most the whole text once.
 */
function findFrom(text: string, from: number, ok: (i: number) => boolean): number {
  const n = text.length;
  for (let k = 0; k < n; k++) {
    const i = (from + k) % n;
    if (ok(i)) return i;
  }
  return -1;
}

/**
 * A keystroke at a random place in running text: a letter typed or deleted
 * inside a word of at least three letters (so the word survives), or a word
 * typed after the space between two words. Offsets refer to `text`.
 */
export function planEdit(text: string, kind: EditKind, random: () => number): PlannedEdit {
  const from = Math.floor(random() * text.length);
  if (kind === 'type word') {
    const at = findFrom(text, from, (i) => text[i] === ' ' && isLetter(text[i - 1]) && isLetter(text[i + 1]));
    if (at < 0) throw new Error('no place to type a word');
    const word = WORDS[Math.floor(random() * WORDS.length)];
    return { kind, start: at + 1, end: at + 1, text: `${word} ` };
  }
  const at = findFrom(text, from, (i) => isLetter(text[i - 1]) && isLetter(text[i]) && isLetter(text[i + 1]));
  if (at < 0) throw new Error('no word to edit');
  if (kind === 'delete letter') return { kind, start: at, end: at + 1, text: '' };
  return { kind, start: at, end: at, text: LETTERS[Math.floor(random() * LETTERS.length)] };
}

export function applyPlannedEdit(text: string, edit: PlannedEdit): string {
  return text.slice(0, edit.start) + edit.text + text.slice(edit.end);
}
