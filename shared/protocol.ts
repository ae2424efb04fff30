/**
 * The messages the ClauseLint client and server exchange beyond standard LSP:
 * method names, command ids and payload shapes, shared by both sides (the
 * client and the server both import this folder, and nothing else of each
 * other's; it must stay free of runtime dependencies and imports).
 * Positions are LSP positions: 0-based lines, UTF-16 characters.
 */

/**
 * A position in a document: 0-based line, UTF-16 character. The same shape as
 * the engine's (server/src/document/lineIndex.ts), declared here so shared/
 * imports nothing; the server's build checks they agree, as it sends the
 * engine's ranges in these payloads.
 */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** What the client tells the server at start-up (`initializationOptions`). */
export interface InitOptions {
  /** Workspace Trust: false restricts which packs may load (see packs/readPolicy.ts). */
  trusted?: boolean;
  /** The client runs CLIENT_COMMANDS.applySnippet, so quick fixes may insert snippets with placeholders. */
  snippetCommand?: boolean;
  /** The client serves DOCS_SCHEME documents, so diagnostics may link to rendered rule docs. */
  docsScheme?: boolean;
  /** The client has the coverage view and runs CLIENT_COMMANDS.showCoverage (the code lens opens it). */
  coverageView?: boolean;
  /** The client shows LINT_STATUS_NOTIFICATION (the status bar: linting, linted, not linted and why). */
  lintStatus?: boolean;
  /**
   * `clauselint.*` settings for clients that cannot answer workspace/configuration
   * (Helix sends a server's `config` here); see server/src/lsp/settings.ts.
   */
  clauselint?: unknown;
}

export const DOCS_SCHEME = 'clauselint-docs';

/** clauselint-docs:/<pack>/<rule>.md?from=<document uri>: a rule's docs, for the config of that document. */
export function docsUri(ruleId: string, fromUri?: string): string {
  const path = ruleId.split('/').map(encodeURIComponent).join('/');
  return `${DOCS_SCHEME}:/${path}.md${fromUri ? `?from=${encodeURIComponent(fromUri)}` : ''}`;
}

/** Commands the client registers (the server only refers to them in code actions and code lenses). */
export const CLIENT_COMMANDS = {
  applySnippet: 'clauselint.applySnippet',
  showCoverage: 'clauselint.showCoverage',
  showRuleDocs: 'clauselint.showRuleDocs',
} as const;

/** Arguments of CLIENT_COMMANDS.applySnippet: one snippet replacing `range` in a given document version. */
export interface ApplySnippetArgs {
  uri: string;
  version: number;
  range: Range;
  snippet: string;
}

/**
 * Commands the server runs (workspace/executeCommand), offered to clients without
 * the extension: showCoverage shows a document's clause coverage as a message.
 */
export const SERVER_COMMANDS = {
  showCoverage: 'clauselint.server.showCoverage',
} as const;

export const CODE_ACTION_KIND_FIX_ALL = 'source.fixAll.clauselint';

/**
 * present: found, nothing flagged. missing: absent and a finding says it is needed.
 * flagged: found, but a finding concerns it (a weak carve-out, an unqualified grant).
 * absent: not found, and nothing requires it.
 * qualified / unqualified: broad grants, never shown as plainly present: carve-outs reach every
 * grant (qualified), or at least one grant is left open (unqualified).
 */
export type CoverageStatus = 'present' | 'missing' | 'flagged' | 'absent' | 'qualified' | 'unqualified';

export interface CoverageKind {
  kind: string;
  title: string;
  present: boolean;
  status: CoverageStatus;
  locations: Range[];
  /** Findings whose clauseKind is this kind. */
  findings: number;
  /** Where those findings are (for a missing kind: where it is needed). */
  findingRanges: Range[];
  /** Kinds whose locations are open items (unfilled placeholders): how many remain, as the summary says it. */
  open?: { count: number; label: string };
  /** Kinds made of elements (an escalation path): complete (present), started but incomplete (weak), or absent. */
  state?: 'present' | 'weak' | 'absent';
  /** Each element of such a kind, present, weak (with why) or absent, with where. */
  elements?: CoverageElement[];
}

export interface CoverageElement {
  element: string;
  title: string;
  state: 'present' | 'weak' | 'absent';
  why?: string;
  locations: Range[];
}

export interface CoverageParams {
  uri: string;
}

export interface CoverageResult {
  uri: string;
  version: number;
  kinds: CoverageKind[];
  /** The one-line summary shown in the code lens. */
  summary: string;
}

export const COVERAGE_REQUEST = 'clauselint/coverage';

export interface RuleDocsParams {
  ruleId: string;
  /** A document whose config decides which packs (and so which rule) are meant. */
  uri?: string;
}

export interface RuleDocsResult {
  ruleId: string;
  markdown: string;
  /** A bundled docs file (file:// URL) when one exists on disk. */
  fileUrl?: string;
  /** An external docs page (http/https) when the pack names one. */
  webUrl?: string;
}

export const RULE_DOCS_REQUEST = 'clauselint/ruleDocs';

export interface RuleSummary {
  id: string;
  severity: string;
  enabled: boolean;
  summary: string;
}

export const RULES_REQUEST = 'clauselint/rules';

export interface ClauseEntry {
  id: string;
  kind: string;
  title: string;
  /** VS Code snippet syntax. */
  body: string;
  /** The body on one line, placeholders filled with their defaults (for a picker). */
  preview: string;
  pack: string;
  /** Whether the document already has a clause of this kind. */
  present: boolean;
}

export const CLAUSE_LIBRARY_REQUEST = 'clauselint/clauseLibrary';

export interface LintFilesParams {
  uris: string[];
}

export interface LintFilesResult {
  linted: number;
  findings: number;
  /** URIs not linted, with why (too large, unreadable). */
  skipped: { uri: string; reason: string }[];
}

export const LINT_FILES_REQUEST = 'clauselint/lintFiles';

export type ExportFormat = 'json' | 'sarif';

export interface ExportParams {
  uris: string[];
  format: ExportFormat;
  /** Folder that paths in the export are relative to (the workspace folder). */
  baseDir: string;
}

export interface ExportResult {
  content: string;
  files: number;
  findings: number;
}

export const EXPORT_REQUEST = 'clauselint/exportFindings';

/** linting: the first lint of a document is running (packs may be loading); skipped: not linted, `reason` says why. */
export type LintState = 'linting' | 'linted' | 'skipped';

export interface LintStatusParams {
  uri: string;
  state: LintState;
  reason?: string;
}

/** Server -> client, to clients that set InitOptions.lintStatus: each open document's lint state when it changes. */
export const LINT_STATUS_NOTIFICATION = 'clauselint/lintStatus';
