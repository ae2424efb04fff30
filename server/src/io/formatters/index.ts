/** The output formats, by the name given to --format (and to the editor's export). */
import { Formatter, OutputFormat } from './formatter';
import { formatGithub } from './github';
import { formatJson } from './json';
import { formatSarif } from './sarif';
import { formatText } from './text';

export const FORMATTERS: Record<OutputFormat, Formatter> = {
  text: formatText,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
};
