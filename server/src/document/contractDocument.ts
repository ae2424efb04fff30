/** The parsed document every rule reads: original text, its blocks and the structure assembled from them. */
import { analyseBlock, Block, BlockCache, blockRanges, START_STATE } from './blocks';
import { Definition } from './definitions';
import { lastStartingAtOrBefore, LineIndex, Span } from './lineIndex';
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
}

export function formatForPath(path: string): DocumentFormat {
  return /\.(md|markdown|mdx)$/i.test(path) ? 'markdown' : 'plain';
}

function shifted(span: Span, by: number): Span {
  return { start: span.start + by, end: span.end + by };
}

/**
 * Parse a document. Pass the same `cache` for successive versions of one
 * document (an editor buffer) and only the blocks that changed are analysed.
 */
export function parseDocument(text: string, path = 'untitled.txt', format: DocumentFormat = formatForPath(path), cache?: BlockCache): ContractDocument {
  const markdown = format === 'markdown';
  const lines = new LineIndex(text);
  const blocks: Block[] = [];
  let state = START_STATE;
  for (const range of blockRanges(text, lines.lineStarts)) {
    const blockText = text.slice(range.start, range.end);
    const analysis = cache ? cache.analyse(blockText, markdown, state) : analyseBlock(blockText, markdown, state);
    blocks.push({ start: range.start, analysis });
    state = analysis.exit;
  }
  cache?.settle();

  const paragraphs: Span[] = [];
  const sentences: Span[] = [];
  const definitions: Definition[] = [];
  const references: CrossReference[] = [];
  const labels: LabelAt[] = [];
  for (const { start: at, analysis: a } of blocks) {
    for (const p of a.paragraphs) paragraphs.push(shifted(p, at));
    for (const s of a.sentences) sentences.push(shifted(s, at));
    for (const d of a.definitions) definitions.push({ term: d.term, termSpan: shifted(d.termSpan, at), body: shifted(d.body, at) });
    for (const r of a.references) references.push({ span: shifted(r.span, at), targets: r.targets, family: r.family });
    for (const l of a.labels) labels.push({ ...l, start: l.start + at, headingEnd: l.headingEnd + at });
  }
  return {
    path,
    text,
    format,
    blocks,
    lines,
    paragraphs,
    sentences,
    sections: sectionsFromLabels(labels, text.length),
    definitions,
    references,
    suppressions: findSuppressions(text, lines),
  };
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
