/** Word documents for tests, built with the `docx` package, and the same text as a plain-text contract. */
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';

export interface DocxParagraph {
  text: string;
  heading?: boolean;
}

export async function buildDocx(paragraphs: DocxParagraph[]): Promise<Buffer> {
  const children = paragraphs.map((p) =>
    p.heading
      ? new Paragraph({ text: p.text, heading: HeadingLevel.HEADING_1 })
      // Split into runs, as Word does with formatting: the extracted text must not care.
      : new Paragraph({ children: p.text.split(/(?<=, )/).map((part, i) => new TextRun({ text: part, bold: i === 1 })) }),
  );
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

/** The plain-text version of the same contract: one paragraph per blank-line-separated block. */
export function asPlainText(paragraphs: DocxParagraph[]): string {
  return paragraphs.map((p) => p.text).join('\n\n') + '\n';
}

/** An invented AI services contract with headings, numbered clauses, curly quotes and an empty paragraph. */
export const AI_CONTRACT: DocxParagraph[] = [
  { text: 'AI Services Agreement', heading: true },
  { text: 'This AI Services Agreement is made between the Department of Example (the \u201cGovernment\u201d) and Example Labs, Inc. (the \u201cContractor\u201d) for machine learning services.' },
  { text: '1. Use', heading: true },
  { text: '1.1 The Government may use the Services for any lawful purpose.' },
  { text: '' },
  { text: '1.2 \u201cPermitted Purpose\u201d means any lawful purpose. The Contractor shall support the Government\u2019s use of the Services for the Permitted Purpose.' },
  { text: '2. Notices', heading: true },
  { text: '2.1 The Contractor will, where practicable, notify the Government of any material model change.' },
  { text: '[clauselint-disable-next-line recommended/practicable-notice -- reason: timing is set by the Change Control Plan; approved-by: A. Reyes]' },
  { text: '2.2 The Government will, where practicable, give the Contractor prior notice of any new use of the AI services.' },
];
