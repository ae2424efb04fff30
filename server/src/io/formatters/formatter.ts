/**
 * What every formatter is: a report and a context in, the text to print out.
 * Apart from index.ts so the formatters import this, not the table that
 * imports them (no import cycle).
 */
import { Report } from '../report';

export const OUTPUT_FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** The formats that print clause coverage: for the others a lint's coverage is never worked out. */
export const FORMATS_WITH_COVERAGE: ReadonlySet<OutputFormat> = new Set(['json']);

export interface FormatContext {
  /** Folder that relative paths in the report are relative to. */
  cwd: string;
  color: boolean;
  toolVersion: string;
}

export type Formatter = (report: Report, ctx: FormatContext) => string;
