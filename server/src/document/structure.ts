/**
 * Paragraphs, numbered sections and headings, read line by line from the original text.
 *
 * A section starts at a heading or a numbered line (`1.`, `1.1`, `(a)`, `Section 7`,
 * `ARTICLE IV`, `SCHEDULE 2`, Markdown `#` or a line that is only bold text) and runs
 * until the next section of the same or a higher rank. Ranks: articles and schedules
 * 0, Markdown headings their depth - 1 unless they carry a number (bold lines below
 * every `#` level), numbered labels their number of components, lettered labels one
 * below the section they sit in, roman numerals one below a lettered label. A line
 * that continues a sentence cut by a line break is never a label.
 */
import { Span } from './lineIndex';

export interface Section extends Span {
  /** Label as written: "7.2", "(a)", "IV", or "" for an unnumbered Markdown heading. */
  label: string;
  /** Canonical number used by cross-references: "7.2", "iv", "a". */
  number: string;
  /** "article" for ARTICLE/PART, "schedule" for SCHEDULE/EXHIBIT/ANNEX/APPENDIX/ATTACHMENT, else "section". */
  family: SectionFamily;
  title: string;
  rank: number;
  /** End of the heading line (or of the run-in title). */
  headingEnd: number;
  parent: number; // index in the sections array, -1 for top level
  /** Full number including ancestors for lettered items: "4.2(a)". */
  path: string;
}

export type SectionFamily = 'article' | 'section' | 'schedule';

/**
 * "SCHEDULE 2 - PROHIBITED USES", "Annex A: Acceptable Use", "## Exhibit 1": a schedule heading. A
 * mixed-case word counts only when nothing but a dash, colon or full stop and a title follows the
 * number, so a wrapped line that starts "Schedule 2 applies ..." is not a heading.
 */
const SCHEDULE_UPPER = /^[ \t]*(?:#{1,6}[ \t]+)?(?:\*\*|__)?(?:[A-Z][A-Z-]{1,20}[ \t]+)?(SCHEDULE|EXHIBIT|ANNEX|APPENDIX|ATTACHMENT|ANNEXURE)[ \t]+([A-Z]|\d{1,3}|[IVX]{1,5})(?![\w(])/y;
const SCHEDULE_MIXED = /^[ \t]*(?:#{1,6}[ \t]+)?(?:\*\*|__)?(Schedule|Exhibit|Annex|Appendix|Attachment|Annexure)[ \t]+([A-Z]|\d{1,3}|[IVX]{1,5})(?=(?:\*\*|__)?[ \t]*(?:$|[-\u2013\u2014:.][ \t]*(?:\*\*|__)?(?:[A-Z][^.]{0,80})?$))/y;
/** Canonical number of a schedule: its kind word and id, so "Schedule 2" and "Exhibit 2" differ. */
export function scheduleNumber(word: string, id: string): string {
  const kind = word.toLowerCase() === 'annexure' ? 'annex' : word.toLowerCase();
  return `${kind} ${id.toLowerCase()}`;
}

const ARTICLE = /^[ \t]*(?:#{1,6}[ \t]+)?(?:\*\*|__)?(?:ARTICLE|Article|PART|Part)[ \t]+([IVXLC]+|\d+)\b(?![)\]])[.:]?/y;
const SECTION_WORD = /^[ \t]*(?:#{1,6}[ \t]+)?(?:\*\*|__)?(?:SECTION|Section|CLAUSE|Clause|§)[ \t]*(\d+(?:\.\d+)*)\.?(?=[ \t]|$)/y;
const NUMBERED = /^[ \t]*(?:#{1,6}[ \t]+)?(?:\*\*|__)?(\d{1,3}(?:\.\d{1,3})*)(?:(\.)|\))?(?:\*\*|__)?[ \t]+(?=\S)/y;
const PAREN = /^[ \t]*(?:\*\*|__)?\(([a-z]{1,2}|[ivxlc]{1,6}|\d{1,2}|[A-Z])\)[ \t]+/y;
const MD_HEADING = /^[ \t]{0,3}(#{1,6})[ \t]+/y;
const BULLET = /^[ \t]*[-*+•][ \t]+/y;
/** A Markdown line that is only bold text ("**Security**"): a heading below every # level. */
const BOLD_HEADING = /^[ \t]{0,3}(\*\*|__)(?=\S)([^*_\n]{2,80}?)\1[ \t]*[:.]?[ \t]*$/;
const BOLD_HEADING_DEPTH = 7;

const ROMAN = /^[ivxlc]+$/;

function blank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d && c !== 0x0a && c !== 0xa0) return false;
  }
  return true;
}

export interface LineLabel {
  label: string;
  number: string;
  family: SectionFamily;
  kind: 'article' | 'numbered' | 'letter' | 'roman' | 'markdown';
  mdDepth: number;
  bodyStart: number; // offset after the label
}

/** First visible characters that can start a label or heading: A-Z, 0-9, # * _ ( §. Other lines run no regex. */
const LABEL_START = /[A-Z0-9#*_(\u00a7]/;
function readLabel(text: string, start: number, end: number, markdown: boolean): LineLabel | undefined {
  let first = start;
  while (first < end && (text.charCodeAt(first) === 0x20 || text.charCodeAt(first) === 0x09)) first++;
  if (first === end || !LABEL_START.test(text[first])) return undefined;
  const line = text.slice(start, Math.min(end, start + 200));
  let mdDepth = 0;
  if (markdown) {
    MD_HEADING.lastIndex = 0;
    const h = MD_HEADING.exec(line);
    if (h) mdDepth = h[1].length;
  }
  let m: RegExpExecArray | null;
  ARTICLE.lastIndex = 0;
  if ((m = ARTICLE.exec(line))) {
    return { label: m[1], number: m[1].toLowerCase(), family: 'article', kind: 'article', mdDepth, bodyStart: start + m[0].length };
  }
  SCHEDULE_UPPER.lastIndex = 0;
  SCHEDULE_MIXED.lastIndex = 0;
  if ((m = SCHEDULE_UPPER.exec(line) ?? SCHEDULE_MIXED.exec(line))) {
    const label = `${m[1]} ${m[2]}`;
    return { label, number: scheduleNumber(m[1], m[2]), family: 'schedule', kind: 'article', mdDepth, bodyStart: start + m[0].length };
  }
  SECTION_WORD.lastIndex = 0;
  if ((m = SECTION_WORD.exec(line))) {
    return { label: m[1], number: m[1], family: 'section', kind: 'numbered', mdDepth, bodyStart: start + m[0].length };
  }
  NUMBERED.lastIndex = 0;
  if ((m = NUMBERED.exec(line)) && (m[0].includes('.') || m[0].includes(')') || m[2])) {
    // "12 months" is not a label: a bare number needs a dot or a parenthesis.
    return { label: m[1], number: m[1], family: 'section', kind: 'numbered', mdDepth, bodyStart: start + m[0].length };
  }
  PAREN.lastIndex = 0;
  if ((m = PAREN.exec(line))) {
    const id = m[1];
    const kind = ROMAN.test(id) ? 'roman' : /^\d+$/.test(id) ? 'letter' : 'letter';
    return { label: `(${id})`, number: id.toLowerCase(), family: 'section', kind, mdDepth, bodyStart: start + m[0].length };
  }
  if (mdDepth > 0) {
    return { label: '', number: '', family: 'section', kind: 'markdown', mdDepth, bodyStart: start + MD_HEADING.lastIndex };
  }
  if (markdown && BOLD_HEADING.test(line)) {
    return { label: '', number: '', family: 'section', kind: 'markdown', mdDepth: BOLD_HEADING_DEPTH, bodyStart: start };
  }
  return undefined;
}

/** Whether the paragraph's text so far stops mid-sentence (a lower-case word or a comma, but not a list's "; and"). */
function continuesSentence(text: string, paraStart: number, paraEnd: number): boolean {
  const tail = text.slice(Math.max(paraStart, paraEnd - 12), paraEnd);
  if (!/[a-z,]$/.test(tail)) return false;
  return !/(?:^|[\s;,])(?:and|or|and\/or)$/.test(tail);
}

/** Modal verbs (and the copula) of an operative sentence. */
const CLAUSE_MODALS = new Set(['shall', 'must', 'will', 'may', 'is', 'are']);

/** A short Title-Case run-in heading ("Audit Rights." ) or a line that is only a heading. */
function readTitle(text: string, bodyStart: number, lineEnd: number, isMarkdownHeading: boolean): { title: string; end: number } {
  // A title is short: never read more than a few hundred characters of a (possibly huge) line.
  const body = text
    .slice(bodyStart, Math.min(lineEnd, bodyStart + 240))
    .replace(/[*_#]+/g, ' ')
    .replace(/^[\s\u2013\u2014:-]+/, '')
    .trim();
  if (isMarkdownHeading) return { title: body, end: lineEnd };
  const stop = body.search(/[.:](\s|$)/);
  const candidate = (stop < 0 ? body : body.slice(0, stop)).trim();
  const words = candidate.split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 8 || candidate.length > 80) return { title: '', end: bodyStart };
  const capitalised = words.filter((w) => /^[A-Z0-9("“]/.test(w)).length;
  const lineIsOnlyTitle = stop < 0 || stop >= body.length - 1;
  if (capitalised * 2 < words.length && !lineIsOnlyTitle) return { title: '', end: bodyStart };
  // A short clause ("7.2 The Secretary shall approve each use.") is a sentence, not a title: titles name a topic, they bind no one.
  if (stop >= 0 && words.slice(1).some((w) => CLAUSE_MODALS.has(w.toLowerCase()))) return { title: '', end: bodyStart };
  if (stop < 0 && !lineIsOnlyTitle) return { title: '', end: bodyStart };
  const idx = text.indexOf(candidate.slice(0, 20), bodyStart);
  return { title: candidate, end: idx >= 0 ? Math.min(lineEnd, idx + candidate.length + 1) : lineEnd };
}

/** A section label found at the start of a line; its rank depends on the labels before it. */
export interface LabelAt {
  start: number;
  kind: LineLabel['kind'];
  label: string;
  number: string;
  family: SectionFamily;
  mdDepth: number;
  title: string;
  headingEnd: number;
}

/** What one run of lines yields on its own: paragraphs, labels, and whether a code fence is left open. */
export interface LineStructure {
  paragraphs: Span[];
  labels: LabelAt[];
  endsInFence: boolean;
}

export function scanLines(text: string, markdown: boolean, startsInFence = false): LineStructure {
  const paragraphs: Span[] = [];
  const labels: LabelAt[] = [];
  const n = text.length;
  let paraStart = -1;
  let paraEnd = -1;
  let inFence = startsInFence;

  const closeParagraph = () => {
    if (paraStart >= 0) paragraphs.push({ start: paraStart, end: paraEnd });
    paraStart = -1;
  };

  let lineStart = 0;
  // Next CR and LF positions, found once each and reused: searching afresh for a character
  // the text lacks would rescan the rest of the text on every line.
  let nextLf = -2;
  let nextCr = -2;
  while (lineStart <= n) {
    if (nextLf !== -1 && nextLf < lineStart) nextLf = text.indexOf('\n', lineStart);
    if (nextCr !== -1 && nextCr < lineStart) nextCr = text.indexOf('\r', lineStart);
    let nl = nextLf;
    if (nextCr >= 0 && (nl < 0 || nextCr < nl)) nl = nextCr;
    const lineEnd = nl < 0 ? n : nl;
    const next = nl < 0 ? n + 1 : text.charCodeAt(nl) === 0x0d && text.charCodeAt(nl + 1) === 0x0a ? nl + 2 : nl + 1;

    if (markdown && /^[ \t]{0,3}(```|~~~)/.test(text.slice(lineStart, lineStart + 8))) {
      inFence = !inFence;
      closeParagraph();
    } else if (blank(text, lineStart, lineEnd)) {
      closeParagraph();
    } else if (!inFence) {
      let label = readLabel(text, lineStart, lineEnd, markdown);
      // "... except as provided in\nSection 6." and "within five\n(5) business days": a wrapped
      // line that starts with a number is not a new section.
      if (label && label.mdDepth === 0 && paraStart >= 0 && continuesSentence(text, paraStart, paraEnd)) label = undefined;
      BULLET.lastIndex = 0;
      const bullet = !label && markdown && BULLET.test(text.slice(lineStart, lineStart + 8));
      if (label || bullet) closeParagraph();
      if (paraStart < 0) {
        paraStart = lineStart;
        while (paraStart < lineEnd && /\s/.test(text[paraStart])) paraStart++;
      }
      paraEnd = lineEnd;
      while (paraEnd > paraStart && /\s/.test(text[paraEnd - 1])) paraEnd--;

      if (label) {
        const isMdHeading = label.mdDepth > 0;
        const { title, end: headingEnd } = readTitle(text, label.bodyStart, lineEnd, isMdHeading);
        const wholeLineHeading = isMdHeading || (title.length > 0 && headingEnd >= lineEnd - 1);
        labels.push({
          start: lineStart,
          kind: label.kind,
          label: label.label,
          number: label.number,
          family: label.family,
          mdDepth: label.mdDepth,
          title,
          headingEnd: Math.max(headingEnd, label.bodyStart),
        });
        if (wholeLineHeading) closeParagraph();
      }
    }
    lineStart = next;
  }
  closeParagraph();
  return { paragraphs, labels, endsInFence: inFence };
}

/**
 * Sections from the labels of the whole document, in order: ranks need the labels
 * before them ("(i)" after "(h)" is a letter; lettered items sit one below the
 * numbered section they follow).
 */
export function sectionsFromLabels(labels: LabelAt[], textEnd: number): Section[] {
  let numericRank = 0;
  let letterRank = -1;
  let lastLetter = '';
  const sections: Section[] = labels.map((l) => {
    let rank: number;
    if (l.kind === 'article') {
      rank = 0;
      numericRank = 0;
      letterRank = -1;
    } else if (l.kind === 'numbered') {
      rank = l.number.split('.').length;
      numericRank = rank;
      letterRank = -1;
      lastLetter = '';
    } else if (l.kind === 'markdown') {
      rank = l.mdDepth - 1;
      numericRank = rank;
      letterRank = -1;
    } else {
      // "(c)" after "(b)", "(i)" after "(h)": the next letter, not a roman numeral.
      const nextLetter = l.number.length === 1 && lastLetter.length === 1 && l.number.charCodeAt(0) === lastLetter.charCodeAt(0) + 1;
      const romanAfterLetter = l.kind === 'roman' && !nextLetter;
      if (romanAfterLetter && letterRank >= 0) rank = letterRank + 1;
      else {
        rank = numericRank + 1;
        letterRank = rank;
        lastLetter = l.number;
      }
    }
    return { start: l.start, end: textEnd, label: l.label, number: l.number, family: l.family, title: l.title, rank, headingEnd: l.headingEnd, parent: -1, path: l.number };
  });
  linkSections(sections, textEnd);
  return sections;
}


/** Set each section's end, parent and full path with a rank stack. */
function linkSections(sections: Section[], textEnd: number): void {
  const stack: number[] = [];
  for (let i = 0; i < sections.length; i++) {
    const s = sections[i];
    while (stack.length > 0 && sections[stack[stack.length - 1]].rank >= s.rank) {
      sections[stack.pop()!].end = s.start;
    }
    s.parent = stack.length > 0 ? stack[stack.length - 1] : -1;
    if (s.parent >= 0 && s.label.startsWith('(')) s.path = `${sections[s.parent].path}(${s.number})`;
    stack.push(i);
  }
  for (const i of stack) sections[i].end = textEnd;
}
