/**
 * Where a clause goes: at the end of a section whose title names its place
 * ("Audit", "Restrictions"), else right after the paragraph that needs it,
 * else at the end of the document. Always between paragraphs, never inside a
 * sentence.
 */
import { ContractDocument } from '../../document/contractDocument';
import { lastStartingAtOrBefore, Span, spanIndexAt } from '../../document/lineIndex';

export interface InsertionPoint {
  offset: number;
  /** Text to put before the clause so it becomes its own paragraph. */
  prefix: string;
  /** Why this place was chosen, for the fix title. */
  where: string;
}

/** Per document, the section chosen for each placement list: findings share it. */
const placementCache = new WeakMap<ContractDocument, Map<string, (Span & { title: string }) | null>>();

function sectionForPlacement(doc: ContractDocument, placement: string[]): (Span & { title: string }) | undefined {
  if (placement.length === 0) return undefined;
  let cache = placementCache.get(doc);
  if (!cache) placementCache.set(doc, (cache = new Map()));
  const key = placement.join('\u0000');
  if (cache.has(key)) return cache.get(key) ?? undefined;
  const words = placement.map((p) => p.toLowerCase());
  const found = doc.sections.find((s) => s.title && words.some((w) => s.title.toLowerCase().includes(w)));
  cache.set(key, found ?? null);
  return found;
}

/** End of the last paragraph that starts before `end`. */
function contentEndBefore(doc: ContractDocument, end: number): number {
  const i = lastStartingAtOrBefore(doc.paragraphs, end - 1);
  return i >= 0 ? doc.paragraphs[i].end : end;
}

export function findInsertionPoint(doc: ContractDocument, anchor: Span | undefined, placement: string[]): InsertionPoint {
  const eol = doc.lines.eol();
  const paragraphBreak = eol + eol;
  const section = sectionForPlacement(doc, placement);
  if (section) {
    return { offset: contentEndBefore(doc, section.end), prefix: paragraphBreak, where: `at the end of "${section.title}"` };
  }
  if (anchor) {
    const i = spanIndexAt(doc.paragraphs, anchor.start);
    const para = i >= 0 ? doc.paragraphs[i] : undefined;
    if (para) return { offset: para.end, prefix: paragraphBreak, where: 'after this clause' };
  }
  const last = doc.paragraphs[doc.paragraphs.length - 1];
  if (!last) return { offset: doc.text.length, prefix: doc.text.length > 0 ? paragraphBreak : '', where: 'at the end of the document' };
  return { offset: last.end, prefix: paragraphBreak, where: 'at the end of the document' };
}
