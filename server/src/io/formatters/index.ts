/** The output formats, by the name given to --format. */
import { OutputFormat } from '../args';
import { Report } from '../report';
import { formatGithub } from './github';
import { formatJson } from './json';
import { formatSarif } from './sarif';
import { formatText } from './text';

export interface FormatContext {
  /** Folder that relative paths in the report are relative to. */
  cwd: string;
  color: boolean;
  toolVersion: string;
}

export type Formatter = (report: Report, ctx: FormatContext) => string;

export const FORMATTERS: Record<OutputFormat, Formatter> = {
  text: formatText,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
};
