/**
 * The parsed document every rule reads: original text, its blocks and the
 * structure assembled from them. Document-wide lists are assembled on first
 * use: a keystroke's re-lint reads spans through the blocks (paragraphAt,
 * sentenceAt) and need not rebuild them.
 */
import { BlockCache, parseBlocks } from './blockCache';
import { Block, BlockAnalysis } from './blocks';
import { Definition } from './definitions';
import { lastStartingAtOrBefore, LineIndex, Span, spanIndexAt } from './lineIndex';
import { findParties, isPartyTerm, Party, Pronouns, pronounsIn } from './parties';

/** How much of a document's opening is read for "we" and "you". */
const PRONOUN_CHARS = 200_000;
const PRONOUNS = new WeakMap<BlockAnalysis, Pronouns>();
const PARTY_DEFINITIONS = new WeakMap<BlockAnalysis, Definition[]>();
import { CrossReference } from './references';
import { LabelAt, Section, sectionsFromLabels } from './structure';
import { findSuppressions, Suppression } from './suppressions';

export type DocumentFormat = 'markdown' | 'plain';

export interface ContractDocument {
  readonly path: string;
  readonly text: string;
  readonly format: DocumentFormat;
  /** Runs of lines between blank lines, each with its normalised text (see blocks.ts). */
  readonly blocks: Block[];
  readonly lines: LineIndex;
  readonly paragraphs: Span[];
  readonly sentences: Span[];
  readonly sections: Section[];
  readonly definitions: Definition[];
  readonly references: CrossReference[];
  readonly suppressions: Suppression[];
  /** The parties, from the preamble and the defined terms (see parties.ts). */
  readonly parties: Party[];
}

export function formatForPath(path: string): DocumentFormat {
  return /\.(md|markdown|mdx)$/i.test(path) ? 'markdown' : 'plain';
}

function shifted(span: Span, by: number): Span {
  return { start: span.start + by, end: span.end + by };
}

class ParsedDocument implements ContractDocument {
  private paragraphList?: Span[];
  private sentenceList?: Span[];
  private sectionList?: Section[];
  private definitionList?: Definition[];
  private referenceList?: CrossReference[];
  private suppressionList?: Suppression[];
  private partyList?: Party[];

  constructor(
    readonly path: string,
    readonly text: string,
    readonly format: DocumentFormat,
    readonly blocks: Block[],
    readonly lines: LineIndex,
  ) {}

  get paragraphs(): Span[] {
    return (this.paragraphList ??= this.collect((a, at, out) => a.paragraphs.forEach((p) => out.push(shifted(p, at)))));
  }

  get sentences(): Span[] {
    return (this.sentenceList ??= this.collect((a, at, out) => a.sentences.forEach((s) => out.push(shifted(s, at)))));
  }

  get definitions(): Definition[] {
    return (this.definitionList ??= this.collect((a, at, out) =>
      a.definitions.forEach((d) => out.push({ term: d.term, termSpan: shifted(d.termSpan, at), body: shifted(d.body, at), form: d.form })),
    ));
  }

  get references(): CrossReference[] {
    return (this.referenceList ??= this.collect((a, at, out) => a.references.forEach((r) => out.push({ span: shifted(r.span, at), targets: r.targets, family: r.family }))));
  }

  get sections(): Section[] {
    if (!this.sectionList) {
      const labels = this.collect<LabelAt>((a, at, out) => a.labels.forEach((l) => out.push({ ...l, start: l.start + at, headingEnd: l.headingEnd + at })));
      this.sectionList = sectionsFromLabels(labels, this.text.length);
    }
    return this.sectionList;
  }

  get suppressions(): Suppression[] {
    // Blocks know whether they mention a suppression: most documents need no search at all.
    return (this.suppressionList ??= this.blocks.some((b) => b.analysis.mentionsSuppression) ? findSuppressions(this.text, this.lines) : []);
  }

  get parties(): Party[] {
    // The preamble: the text before the first numbered section, at most the first few thousand characters.
    const firstSection = this.sections.find((s) => s.label);
    const end = Math.min(this.text.length, 4000, firstSection && firstSection.start > 200 ? firstSection.start : 4000);
    return (this.partyList ??= findParties(this.text.slice(0, end), this.partyDefinitions(), this.openingPronouns()));
  }

  /** The definitions that name a party, found per block and kept with it (a keystroke reads one block again). */
  private partyDefinitions(): Definition[] {
    return this.collect((a, at, out) => {
      let named = PARTY_DEFINITIONS.get(a);
      if (!named) PARTY_DEFINITIONS.set(a, (named = a.definitions.filter((d) => isPartyTerm(d.term))));
      for (const d of named) out.push({ term: d.term, termSpan: shifted(d.termSpan, at), body: shifted(d.body, at), form: d.form });
    });
  }

  /** Whether the opening 200,000 characters speak as "we" or to "you": answered per block and kept with it. */
  private openingPronouns(): Pronouns {
    const speaks = { we: false, you: false };
    for (const block of this.blocks) {
      if (block.start >= PRONOUN_CHARS) break;
      let found = PRONOUNS.get(block.analysis);
      if (!found) PRONOUNS.set(block.analysis, (found = pronounsIn(block.analysis.norm.text)));
      speaks.we ||= found.we;
      speaks.you ||= found.you;
    }
    return speaks;
  }

  private collect<T>(add: (analysis: BlockAnalysis, at: number, out: T[]) => void): T[] {
    const out: T[] = [];
    for (const block of this.blocks) add(block.analysis, block.start, out);
    return out;
  }
}

/**
 * Parse a document. Pass the same `cache` for successive versions of one
 * document (an editor buffer) and only the part that changed is analysed.
 */
export function parseDocument(text: string, path = 'untitled.txt', format: DocumentFormat = formatForPath(path), cache?: BlockCache): ContractDocument {
  const markdown = format === 'markdown';
  const { blocks, lines } = cache ? cache.blocksOf(text, markdown) : parseBlocks(text, markdown);
  return new ParsedDocument(path, text, format, blocks, lines);
}

/** The last paragraph starting at or before `offset`, found through the blocks. */
export function paragraphStartingAtOrBefore(doc: ContractDocument, offset: number): Span | undefined {
  for (let b = lastStartingAtOrBefore(doc.blocks, offset); b >= 0; b--) {
    const { start, analysis } = doc.blocks[b];
    const i = lastStartingAtOrBefore(analysis.paragraphs, offset - start);
    if (i >= 0) return shifted(analysis.paragraphs[i], start);
  }
  return undefined;
}

/** Cross-references starting inside `span`, in order, found through the blocks it covers. */
export function referencesIn(doc: ContractDocument, span: Span): CrossReference[] {
  const out: CrossReference[] = [];
  for (let b = Math.max(0, lastStartingAtOrBefore(doc.blocks, span.start)); b < doc.blocks.length && doc.blocks[b].start < span.end; b++) {
    const { start, analysis } = doc.blocks[b];
    for (const r of analysis.references) {
      if (r.span.start + start >= span.start && r.span.start + start < span.end) out.push({ span: shifted(r.span, start), targets: r.targets, family: r.family });
    }
  }
  return out;
}

/** The paragraph or sentence containing `offset`, found through its block; undefined between them. */
export function spanAt(doc: ContractDocument, kind: 'paragraphs' | 'sentences', offset: number): Span | undefined {
  const b = lastStartingAtOrBefore(doc.blocks, offset);
  if (b < 0) return undefined;
  const { start, analysis } = doc.blocks[b];
  const spans = analysis[kind];
  const i = spanIndexAt(spans, offset - start);
  return i >= 0 ? shifted(spans[i], start) : undefined;
}

/** The innermost section containing `offset`, or undefined. */
export function sectionAt(doc: ContractDocument, offset: number): Section | undefined {
  // Sections nest, so the innermost one containing `offset` is the last one starting
  // before it, or one of that section's ancestors.
  let i = lastStartingAtOrBefore(doc.sections, offset);
  while (i >= 0) {
    const s = doc.sections[i];
    if (offset < s.end) return s;
    i = s.parent;
  }
  return undefined;
}
