/**
 * The engine's public API, for scripts (eval, bench) and anyone embedding
 * ClauseLint: text and path in, findings and coverage out (lintText), with the
 * pieces it is made of for callers that keep a parse (an editor's block cache)
 * or time its phases. Adapters' internals (lsp/, cli/) are not part of it.
 */
export { lintText } from './lintText';
export type { FileLint, LintTextOptions } from './lintText';
export { ConfigLoader } from './packs/config';
export { BlockCache } from './document/blockCache';
export { parseDocument, spanAt } from './document/contractDocument';
export type { ContractDocument, DocumentFormat } from './document/contractDocument';
export { LineIndex } from './document/lineIndex';
export type { Span } from './document/lineIndex';
export { lintDocument } from './engine/lint';
export type { CompiledRuleSet, FullLintResult, LintOptions } from './engine/lint';
export type { Finding } from './engine/types';

/** The phases of a lint, one by one, for profiling: normalising the text, and one scan of every term set. */
export { normalise } from './document/normalise';
export { scanEveryBlock } from './engine/match/documentHits';
