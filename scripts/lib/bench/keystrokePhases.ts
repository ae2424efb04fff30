/** The server's path for one keystroke, phase by phase, run in the bench's own process. */
import * as path from 'path';
import { pathToFileURL } from 'url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { BlockCache } from '../../../server/src/document/blockCache';
import { parseDocument } from '../../../server/src/document/contractDocument';
import { lintDocument } from '../../../server/src/engine/lint';
import { ConfigLoaders } from '../../../server/src/lsp/configLoaders';
import { toDiagnostics } from '../../../server/src/lsp/diagnostics';
import { DocumentLinter } from '../../../server/src/lsp/documentLinter';
import { formatOf } from '../../../server/src/lsp/fileScope';
import { DEFAULT_SETTINGS, Settings } from '../../../server/src/lsp/settings';
import { WorkspaceFolders } from '../../../server/src/lsp/workspaceFolders';
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
  /** toDiagnostics: findings to LSP diagnostics (ranges, related information, docs links). */
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

/**
 * The server's path for one keystroke, run in this process on the same text
 * with the loader the server uses: apply the edit, read the text, parse it
 * incrementally (one block cache, as the server keeps per open document),
 * lint, convert to diagnostics, serialise. Each run times every phase once,
 * then medians over the runs; a full parse and lint of the same text (the
 * path before incremental linting) is timed beside it.
 */
export function inProcessPhases(text: string, file: string, languageId: string, runs: number): InProcessPhases {
  const folders = new WorkspaceFolders([pathToFileURL(path.dirname(path.dirname(file))).href]);
  const loaders = new ConfigLoaders(folders, true);
  const { compiled } = loaders.forFile(file, []).rulesFor(file);
  const format = formatOf(languageId, file);
  const linter = new DocumentLinter(loaders, folders);
  const settings: Settings = { ...DEFAULT_SETTINGS };
  const docUri = pathToFileURL(file).href;
  const options = { docsScheme: false, relatedInformation: true, codeDescription: true };
  const textDoc = TextDocument.create(docUri, languageId, 1, text);
  const blocks = new BlockCache();
  const random = seededRandom(7);
  let version = 1;
  let current = text;
  let doc = parseDocument(current, file, format, blocks);
  let result = lintDocument(doc, compiled);
  let snapshot = linter.lintText(docUri, version, current, languageId, settings);
  let diagnostics = toDiagnostics(snapshot, options);

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
    diagnostics: () => {
      snapshot = { ...snapshot, version, lint: { ...snapshot.lint!, doc, result } };
      diagnostics = toDiagnostics(snapshot, options);
    },
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
