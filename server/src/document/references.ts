/**
 * Cross-references: "Section 9", "subject to Section 4.2(a)", "Sections 4 and 5",
 * "Article IV", "Clause 3", "§ 7", "Schedule 2", "Exhibits A and B". Each target is resolved to a
 * section by number.
 */
import { Span } from './lineIndex';
import { scheduleNumber, Section, SectionFamily } from './structure';

export interface CrossReference {
  span: Span;
  /** Target numbers as written, canonicalised ("4.2(a)", "iv", "schedule 2"). */
  targets: string[];
  family: SectionFamily;
}

const SCHEDULE_REFERENCE = /\b(Schedules?|SCHEDULES?|Exhibits?|EXHIBITS?|Annex(?:es)?|ANNEX(?:ES)?|Appendix|APPENDIX|Appendices|APPENDICES|Attachments?|ATTACHMENTS?|Annexures?)[ \t]+((?:[A-Z]|\d{1,3})\b(?:(?:,[ \t]*|[ \t]+(?:and|or|to)[ \t]+)(?:[A-Z]|\d{1,3})\b)*)/g;
const SCHEDULE_TARGET = /[A-Z]|\d{1,3}/g;

function singular(word: string): string {
  const w = word.toLowerCase();
  if (w === 'appendices') return 'appendix';
  if (w === 'annexes') return 'annex';
  return w.replace(/s$/, '');
}

const REFERENCE = /\b(Sections?|SECTIONS?|Clauses?|CLAUSES?|Articles?|ARTICLES?|§§?)[ \t]*((?:\d+(?:\.\d+)*(?:\([a-z0-9]+\))*|[IVXLC]+)(?:(?:,[ \t]*|[ \t]+(?:and|or|through|to)[ \t]+|[ \t]*-[ \t]*)(?:\d+(?:\.\d+)*(?:\([a-z0-9]+\))*|[IVXLC]+))*)/g;
const TARGET = /\d+(?:\.\d+)*(?:\([a-z0-9]+\))*|\b[IVXLC]+\b/g;

export function findReferences(text: string): CrossReference[] {
  const refs: CrossReference[] = [];
  let m: RegExpExecArray | null;
  REFERENCE.lastIndex = 0;
  while ((m = REFERENCE.exec(text))) {
    const word = m[1].toLowerCase();
    const family = word.startsWith('article') ? 'article' : 'section';
    if (startsLine(text, m.index)) continue; // "Section 7. Audit" at a line start is a heading, not a reference
    const targets = (m[2].match(TARGET) ?? []).map((t) => t.toLowerCase().replace(/\.$/, ''));
    if (targets.length > 0) refs.push({ span: { start: m.index, end: m.index + m[0].length }, targets, family });
  }
  SCHEDULE_REFERENCE.lastIndex = 0;
  while ((m = SCHEDULE_REFERENCE.exec(text))) {
    if (startsLine(text, m.index)) continue; // a schedule's own heading
    const word = singular(m[1]);
    const targets = (m[2].match(SCHEDULE_TARGET) ?? []).map((id) => scheduleNumber(word, id));
    refs.push({ span: { start: m.index, end: m.index + m[0].length }, targets, family: 'schedule' });
  }
  refs.sort((a, b) => a.span.start - b.span.start);
  return refs;
}

function startsLine(text: string, index: number): boolean {
  for (let i = index - 1; i >= 0; i--) {
    const c = text[i];
    if (c === '\n' || c === '\r') return true;
    if (c !== ' ' && c !== '\t' && c !== '#' && c !== '*' && c !== '_') return false;
  }
  return true;
}

/** Sections a reference points at (a lettered target resolves to its item, else to the numbered section). */
export function resolveReference(ref: CrossReference, sections: Section[]): Section[] {
  const out: Section[] = [];
  for (const target of ref.targets) {
    if (ref.family === 'schedule') {
      const schedule = sections.find((s) => s.family === 'schedule' && s.number === target);
      if (schedule) out.push(schedule);
      continue;
    }
    const exact = sections.find((s) => (s.path === target || s.number === target) && (ref.family === 'article' ? s.family === 'article' : s.family === 'section' || /^\d+$/.test(target)));
    if (exact) {
      out.push(exact);
      continue;
    }
    const base = target.replace(/\(.*$/, '');
    const fallback = sections.find((s) => s.number === base && s.family === (ref.family === 'article' ? 'article' : 'section'));
    if (fallback) out.push(fallback);
  }
  return out;
}
