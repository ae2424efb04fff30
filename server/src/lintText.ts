/** The one call adapters (CLI, language server, scripts) make: text and path in, findings and coverage out. */
import { BlockCache } from './document/blockCache';
import { ContractDocument, DocumentFormat, parseDocument } from './document/contractDocument';
import { CompiledRuleSet, FullLintResult, lintDocument, LintOptions } from './engine/lint';
import { ConfigLoader, LoadedConfig } from './packs/config';

export interface FileLint {
  doc: ContractDocument;
  result: FullLintResult;
  compiled: CompiledRuleSet;
  config: LoadedConfig;
}

export interface LintTextOptions extends LintOptions {
  format?: DocumentFormat;
  /** Keep one per open document: unchanged blocks are not analysed again. */
  blocks?: BlockCache;
}

export function lintText(text: string, filePath: string, loader: ConfigLoader, options: LintTextOptions = {}): FileLint {
  const { compiled, config } = loader.rulesFor(filePath);
  const doc = parseDocument(text, filePath, options.format, options.blocks);
  return { doc, result: lintDocument(doc, compiled, options), compiled, config };
}
