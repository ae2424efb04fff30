/** Invented contract text for the LSP tests. */

export const AI_DRAFT = `# Machine Learning Platform Agreement

This Agreement is between the Agency (the "Customer") and Acme AI Corp. (the "Provider").

## 1. The Services

1.1 The Provider shall make its artificial intelligence models and machine learning services (the "Services") available to the Customer.

## 2. Use

2.1 The Customer may use the Services for any lawful purpose.

## 3. Records

3.1 The Customer may audit the Provider's books and records at its discretion.

3.2 The Provider shall notify the Customer of security incidents where practicable.
`;

export const GRANT_PHRASE = 'any lawful purpose';

/** Offset <-> position over LF text, for applying edits in the tests. */
export function positionAt(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

export function offsetAt(text: string, pos: { line: number; character: number }): number {
  const lines = text.split('\n');
  let offset = 0;
  for (let i = 0; i < pos.line; i++) offset += lines[i].length + 1;
  return offset + pos.character;
}

export interface PlainEdit {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  newText: string;
}

/** Apply LSP text edits (as a client does: all ranges refer to the original text). */
export function applyEdits(text: string, edits: PlainEdit[]): string {
  const sorted = edits.map((e, i) => ({ e, i, start: offsetAt(text, e.range.start), end: offsetAt(text, e.range.end) }));
  sorted.sort((a, b) => b.start - a.start || b.i - a.i);
  let out = text;
  for (const { e, start, end } of sorted) out = out.slice(0, start) + e.newText + out.slice(end);
  return out;
}
