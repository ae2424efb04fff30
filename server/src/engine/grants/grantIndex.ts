/**
 * The grants of one document, read on demand for the sentences a detector's
 * candidate hits fall in (`recognise: grant`), and whom each prohibition binds:
 * cached for the lint, so every rule asks the same questions for free.
 */
import { ContractDocument, paragraphStartingAtOrBefore, spanAt } from '../../document/contractDocument';
import { BlockAnalysis } from '../../document/blocks';
import { lastStartingAtOrBefore, Span } from '../../document/lineIndex';
import type { Detection } from '../context';
import { Binding, bindingAt } from './binding';
import { GrantReading, readGrant, readHolder } from './grantReading';
import { originalSpan, sentenceText, SentenceText } from './sentenceText';

export interface FoundGrant extends GrantReading {
  /** The breadth words in the document. */
  span: Span;
  sentence: Span;
}

/** A broad grant as coverage shows it: qualified or not, and by what. */
export interface GrantStatus {
  span: Span;
  holder?: string;
  qualified: boolean;
  /** Where the carve-outs that reach it are. */
  qualifiers: Span[];
}

/** A list item's label: "(c) ", "iv. ", "2) ". */
const LIST_LABEL = /^\(?[a-z0-9]{1,4}[).] /;

/** Readings of sentences on their own, per block analysis (shared by the documents and versions that reuse the block). */
const READINGS = new WeakMap<BlockAnalysis, Map<number, GrantReading | null>>();

/** Per block analysis: list items' readings (by the item's offset in the block) with the lead-in text they were read under. */
const ITEM_READINGS = new WeakMap<BlockAnalysis, Map<number, { intro: string; reading: GrantReading | undefined }>>();

/** Per block analysis: whether a list item (by its offset in the block) could be a grant under some lead-in. */
const ITEM_ANSWERS = new WeakMap<BlockAnalysis, Map<number, boolean>>();

export class GrantIndex {
  private readonly statuses = new Map<string, GrantStatus[]>();
  private readonly bySentence = new Map<number, FoundGrant | null>();
  private readonly byHit = new Map<number, FoundGrant>();
  private readonly holders = new Map<number, string | null>();
  private readonly bindings = new Map<number, Binding>();

  constructor(private readonly doc: ContractDocument) {}

  /** The grant a sentence makes, if any (read once per sentence). */
  grantIn(sentence: Span): FoundGrant | undefined {
    let found = this.bySentence.get(sentence.start);
    if (found === undefined) {
      found = null;
      // Most candidate sentences are no grant, and their block remembers it: answer without slicing the text.
      const known = this.knownOwn(sentence);
      const listItem = LIST_LABEL.test(this.doc.text.slice(sentence.start, sentence.start + 8).toLowerCase());
      const s = known === null && !listItem ? undefined : sentenceText(this.doc, sentence);
      const reading = s && (this.readOwn(sentence, s) ?? this.readListItem(sentence, s));
      if (s && reading) {
        // The finding sits on the breadth words themselves ("any lawful purpose", not "for").
        const lead = /^for /.exec(reading.open.text)?.[0].length ?? 0;
        found = { ...reading, span: originalSpan(s, reading.open.start + lead, reading.open.end), sentence };
        this.byHit.set(found.span.start, found);
      }
      this.bySentence.set(sentence.start, found);
    }
    return found ?? undefined;
  }

  /**
   * The sentence read on its own, kept with its block (as term hits are): a keystroke's lint
   * reads again only the sentences of the blocks it changed.
   */
  private readOwn(sentence: Span, s: SentenceText): GrantReading | undefined {
    const { readings, key } = this.blockReadings(sentence);
    let reading = readings.get(key);
    if (reading === undefined) readings.set(key, (reading = readGrant(s.text, s.cased) ?? null));
    return reading ?? undefined;
  }

  /** What the sentence's block remembers of it: a reading, null (no grant), or undefined (not read yet). */
  private knownOwn(sentence: Span): GrantReading | null | undefined {
    const { readings, key } = this.blockReadings(sentence);
    return readings.get(key);
  }

  private blockReadings(sentence: Span): { readings: Map<number, GrantReading | null>; key: number } {
    const block = this.doc.blocks[lastStartingAtOrBefore(this.doc.blocks, sentence.start)];
    let readings = READINGS.get(block.analysis);
    if (!readings) READINGS.set(block.analysis, (readings = new Map()));
    return { readings, key: sentence.start - block.start };
  }

  /**
   * A list item written as a sentence of its own ("(c) publish ... the Content in any manner"),
   * read with the sentence that introduces the list ("Licensee may:") in front of it.
   */
  private readListItem(sentence: Span, item: SentenceText): GrantReading | undefined {
    if (!LIST_LABEL.test(item.text) || !this.couldBeGrantedItem(sentence, item)) return undefined;
    const intro = this.listIntro(sentence);
    if (!intro) return undefined;
    // The item's block remembers its reading under the lead-in it was read with (the lead-in may be in another block).
    const block = this.doc.blocks[lastStartingAtOrBefore(this.doc.blocks, sentence.start)];
    let known = ITEM_READINGS.get(block.analysis);
    if (!known) ITEM_READINGS.set(block.analysis, (known = new Map()));
    const key = sentence.start - block.start;
    const introAsWritten = intro.cased(0, intro.text.length);
    const before = known.get(key);
    if (before && before.intro === introAsWritten) return before.reading;
    const reading = this.readItemUnder(intro, item);
    known.set(key, { intro: introAsWritten, reading });
    return reading;
  }

  private readItemUnder(intro: SentenceText, item: SentenceText): GrantReading | undefined {
    const lead = intro.text.trimEnd();
    const text = `${lead} ${item.text}`;
    const offset = lead.length + 1;
    const cased = (from: number, to: number) =>
      to <= offset ? intro.cased(from, Math.min(to, offset - 1)) : from >= offset ? item.cased(from - offset, to - offset) : `${intro.cased(from, offset - 1)} ${item.cased(0, to - offset)}`;
    const reading = readGrant(text, cased);
    if (!reading || reading.open.start < offset) return undefined;
    return { ...reading, open: { ...reading.open, start: reading.open.start - offset, end: reading.open.end - offset } };
  }

  /**
   * Whether any lead-in could make the item a grant: read with the most permissive one
   * ("The holder may use:"). Depends on the item alone, so its block keeps the answer; most
   * items fail here and the lead-in is never looked for.
   */
  private couldBeGrantedItem(sentence: Span, item: SentenceText): boolean {
    const block = this.doc.blocks[lastStartingAtOrBefore(this.doc.blocks, sentence.start)];
    let answers = ITEM_ANSWERS.get(block.analysis);
    if (!answers) ITEM_ANSWERS.set(block.analysis, (answers = new Map()));
    const key = sentence.start - block.start;
    let answer = answers.get(key);
    if (answer === undefined) {
      const lead = 'the holder may use: ';
      const text = lead + item.text;
      answers.set(key, (answer = !!readGrant(text, (from, to) => text.slice(from, to))));
    }
    return answer;
  }

  /**
   * The sentence ending in ":" that introduces the list an item belongs to: back over the
   * list's earlier items, and over one short stray line (a page footer left by conversion).
   */
  private listIntro(item: Span): SentenceText | undefined {
    let at = item.start;
    let strays = 0;
    for (let back = 0; back < 8; back++) {
      at--;
      while (at > 0 && /\s/.test(this.doc.text[at])) at--;
      const span = at > 0 ? spanAt(this.doc, 'sentences', at) ?? paragraphStartingAtOrBefore(this.doc, at) : undefined;
      if (!span || span.start >= item.start) return undefined;
      const s = sentenceText(this.doc, span);
      if (!s) return undefined;
      if (/:$/.test(s.text.trimEnd())) return s;
      if (!LIST_LABEL.test(s.text) && (s.text.length > 80 || ++strays > 1)) return undefined;
      at = span.start;
    }
    return undefined;
  }

  /** For `recognise: grant`: the grant of the sentence at `offset`, unless that sentence is in `read` already. */
  recogniseAt(offset: number, read: Set<number>): { hit: Span; container: Span } | undefined {
    const sentence = spanAt(this.doc, 'sentences', offset);
    if (!sentence || read.has(sentence.start)) return undefined;
    read.add(sentence.start);
    const grant = this.grantIn(sentence);
    return grant && { hit: grant.span, container: sentence };
  }

  /** The grant whose breadth words start at `offset` (a detection of `recognise: grant`). */
  grantAt(offset: number): FoundGrant | undefined {
    return this.byHit.get(offset);
  }

  /** Who holds a grant located at `offset`: the recognised grant's holder, else the subject of its sentence's permission. */
  holderAt(offset: number): string | undefined {
    const grant = this.byHit.get(offset);
    if (grant) return grant.holder;
    const sentence = spanAt(this.doc, 'sentences', offset);
    if (!sentence) return undefined;
    let holder = this.holders.get(sentence.start);
    if (holder === undefined) {
      const s = sentenceText(this.doc, sentence);
      holder = (s && readHolder(s.text, s.cased)) ?? null;
      this.holders.set(sentence.start, holder);
    }
    return holder ?? undefined;
  }

  /** Whom the prohibition whose category words are at `hit` binds. */
  bindingOf(hit: Span): Binding {
    let binding = this.bindings.get(hit.start);
    if (!binding) this.bindings.set(hit.start, (binding = bindingAt(this.doc, hit)));
    return binding;
  }

  private readonly detections = new Map<string, Detection[]>();

  /** A qualifying kind's own detections, assembled once per lint (every grant asks for them). */
  ownDetections(kind: string, assemble: () => Detection[]): Detection[] {
    let list = this.detections.get(kind);
    if (!list) this.detections.set(kind, (list = assemble()));
    return list;
  }

  /** Rules that judge grants (flag with `qualifiedBy`) note each one for coverage. */
  noteStatus(kind: string, status: GrantStatus): void {
    const list = this.statuses.get(kind) ?? [];
    if (!list.some((s) => s.span.start === status.span.start)) list.push(status);
    this.statuses.set(kind, list);
  }

  statusesOf(kind: string): GrantStatus[] | undefined {
    return this.statuses.get(kind);
  }
}
