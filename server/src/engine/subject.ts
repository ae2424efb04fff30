/**
 * What a document is about, as spans: its opening (title, parties, recitals) and the bodies of the
 * definitions of what it supplies ("Platform" means the hosted large language model ...). A
 * condition can count term hits only there, so one mention of "automated decision making" in a
 * list of processing operations does not make a data processing agreement an AI contract.
 */
import { ContractDocument } from '../document/contractDocument';
import { Span } from '../document/lineIndex';

/** The opening: title, parties and recitals usually fit in the first characters of a contract. */
const OPENING_CHARS = 1500;

export function subjectSpans(doc: ContractDocument, suppliedWords: string[]): Span[] {
  const spans: Span[] = [{ start: 0, end: Math.min(doc.text.length, OPENING_CHARS) }];
  const words = new Set(suppliedWords.map((w) => w.toLowerCase()));
  for (const d of doc.definitions) {
    if (d.form !== 'means') continue;
    if (d.term.toLowerCase().split(/[\s-]+/).some((w) => words.has(w))) spans.push({ start: d.termSpan.start, end: d.body.end });
  }
  return spans;
}
