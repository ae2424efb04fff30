/** The one call adapters (CLI, language server, scripts) make: text and path in, findings and coverage out. */
import { ContractDocument, DocumentFormat, parseDocument } from './document/contractDocument';
import { CompiledRuleSet, FullLintResult, lintDocument, LintOptions } from './engine/lint';
import { ConfigLoader, LoadedConfig } from './packs/config';

export interface FileLint {
  doc: ContractDocument;
  result: FullLintResult;
  compiled: CompiledRuleSet;
  config: LoadedConfig;
}

export function lintText(text: string, filePath: string, loader: ConfigLoader, options: LintOptions & { format?: DocumentFormat } = {}): FileLint {
  const { compiled, config } = loader.rulesFor(filePath);
  const doc = parseDocument(text, filePath, options.format);
  return { doc, result: lintDocument(doc, compiled, options), compiled, config };
}
