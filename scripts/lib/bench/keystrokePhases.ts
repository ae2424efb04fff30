/**
 * The server's path for one keystroke, phase by phase, run in the bench's own
 * process through the engine's public API (server/src/api.ts) and the text
 * document library the server uses.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { BlockCache, ConfigLoader, ContractDocument, DocumentFormat, FullLintResult, lintDocument, parseDocument } from '../../../server/src/api';
import { median } from '../stats';
import { planEdit, seededRandom } from './editPlans';

/** CPU ms (user + system, all threads of this process) of each phase of one keystroke's server path: medians over runs. */
export interface InProcessPhases {
  runs: number;
  /** Applying one keystroke to a TextDocument (the server's text sync). */
  textSync: number;
  /** getText() and its first read: V8 joins the edited string into one flat copy here. */
  readText: number;
  /** parseDocument with the document's block cache: only the edited part is analysed. */
  parse: number;
  /** lintDocument: the changed blocks' scan, every rule (with its lazy term matching), suppressions, coverage. */
  lint: number;
  /** Findings to LSP diagnostics: each finding's and related location's range, with its rule and message. */
  diagnostics: number;
  /** JSON.stringify of the publishDiagnostics message. */
  serialise: number;
  /** For comparison, the previous path: a full parse and lint of the same text, no cache. */
  fullParse: number;
  fullLint: number;
}

/**
 * CPU ms of one call: user + system time of this process (all threads, so GC
 * helper threads count, as in the server's "all threads" figure). Wall time
 * would count waiting for a CPU on a busy machine; reading our own /proc
 * schedstat would lag by up to a scheduler tick.
 */
function cpuMsOf(fn: () => unknown): number {
  const c0 = process.cpuUsage();
  fn();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

/** Findings as the server publishes them: LSP ranges (line and character) for each finding and its related locations. */
function toDiagnostics(doc: ContractDocument, result: FullLintResult) {
  return result.findings.map((f) => ({
    range: doc.lines.rangeOf(f.span),
    severity: f.severity,
    code: f.ruleId,
    source: 'clauselint',
    message: f.message,
    relatedInformation: f.related.map((r) => ({ range: doc.lines.rangeOf(r.span), message: r.message })),
  }));
}

/**
 * The server's path for one keystroke, run in this process on the same text
 * with the default config: apply the edit, read the text, parse it
 * incrementally (one block cache, as the server keeps per open document),
 * lint, convert to diagnostics, serialise. Each run times every phase once,
 * then medians over the runs; a full parse and lint of the same text (the
 * path before incremental linting) is timed beside it.
 */
export function inProcessPhases(text: string, file: string, languageId: string, runs: number): InProcessPhases {
  const { compiled } = new ConfigLoader().rulesFor(file);
  const format: DocumentFormat = languageId === 'markdown' ? 'markdown' : 'plain';
  const docUri = `file://${file}`;
  const textDoc = TextDocument.create(docUri, languageId, 1, text);
  const blocks = new BlockCache();
  const random = seededRandom(7);
  let version = 1;
  let current = text;
  let doc = parseDocument(current, file, format, blocks);
  let result = lintDocument(doc, compiled);
  let diagnostics = toDiagnostics(doc, result);

  let change = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '' };
  const planKeystroke = () => {
    const edit = planEdit(current, 'type letter', random);
    const at = textDoc.positionAt(edit.start);
    change = { range: { start: at, end: at }, text: edit.text };
  };
  const phases = {
    textSync: () => TextDocument.update(textDoc, [change], ++version),
    readText: () => {
      current = textDoc.getText();
      return current.charCodeAt(current.length >> 1);
    },
    parse: () => (doc = parseDocument(current, file, format, blocks)),
    lint: () => (result = lintDocument(doc, compiled)),
    diagnostics: () => (diagnostics = toDiagnostics(doc, result)),
    serialise: () => JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: docUri, version, diagnostics } }),
    fullParse: () => parseDocument(current, file, format),
    fullLint: () => lintDocument(parseDocument(current, file, format), compiled),
  };
  const out: Record<Exclude<keyof InProcessPhases, 'runs'>, number[]> = { textSync: [], readText: [], parse: [], lint: [], diagnostics: [], serialise: [], fullParse: [], fullLint: [] };
  for (let k = -3; k < runs; k++) {
    planKeystroke();
    const times = Object.fromEntries(Object.entries(phases).map(([name, fn]) => [name, cpuMsOf(fn)])) as Record<keyof typeof phases, number>;
    if (k < 0) continue; // warm-up
    for (const name of Object.keys(out) as (keyof typeof out)[]) out[name].push(name === 'fullLint' ? Math.max(0, times.fullLint - times.fullParse) : times[name]);
  }
  return {
    runs,
    textSync: median(out.textSync),
    readText: median(out.readText),
    parse: median(out.parse),
    lint: median(out.lint),
    diagnostics: median(out.diagnostics),
    serialise: median(out.serialise),
    fullParse: median(out.fullParse),
    fullLint: median(out.fullLint),
  };
}
