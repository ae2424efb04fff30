/** The parsed document every rule reads: original text, normalised text and structure. */
import { findDefinitions, Definition } from './definitions';
import { lastStartingAtOrBefore, LineIndex, Span } from './lineIndex';
import { normalise, NormalisedText } from './normalise';
import { CrossReference, findReferences } from './references';
import { splitSentences } from './sentences';
import { parseStructure, Section } from './structure';
import { findSuppressions, Suppression } from './suppressions';

export type DocumentFormat = 'markdown' | 'plain';

export interface ContractDocument {
  readonly path: string;
  readonly text: string;
  readonly format: DocumentFormat;
  readonly norm: NormalisedText;
  readonly lines: LineIndex;
  readonly paragraphs: Span[];
  readonly headingParagraphs: Set<number>;
  readonly sentences: Span[];
  readonly sections: Section[];
  readonly definitions: Definition[];
  readonly references: CrossReference[];
  readonly suppressions: Suppression[];
}

export function formatForPath(path: string): DocumentFormat {
  return /\.(md|markdown|mdx)$/i.test(path) ? 'markdown' : 'plain';
}

export function parseDocument(text: string, path = 'untitled.txt', format: DocumentFormat = formatForPath(path)): ContractDocument {
  const markdown = format === 'markdown';
  const lines = new LineIndex(text);
  const structure = parseStructure(text, markdown);
  const sentences = splitSentences(text, structure.paragraphs);
  return {
    path,
    text,
    format,
    norm: normalise(text, { markdown }),
    lines,
    paragraphs: structure.paragraphs,
    headingParagraphs: structure.headingParagraphs,
    sentences,
    sections: structure.sections,
    definitions: findDefinitions(text, sentences, structure.paragraphs),
    references: findReferences(text),
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
