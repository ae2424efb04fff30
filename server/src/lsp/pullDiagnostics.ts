/**
 * textDocument/diagnostic (pull diagnostics), for clients that pull
 * (clientSupport.ts). A pull is answered with the same result a push would
 * carry, at the same moment: in onType mode once the document's debounced
 * lint has run (a pull that arrives right after a keystroke waits for it, and
 * gives up if the client cancels it); in onSave mode the result of the last
 * open or save. A result the client already has (its previousResultId) is
 * answered `unchanged`.
 */
import { CancellationToken, DocumentDiagnosticReport, DocumentDiagnosticReportKind, LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { DiagnosticOptions, toDiagnostics } from './diagnostics';
import { LintSnapshot } from './documentLinter';
import { LiveLinter } from './liveLint';
import { SettingsCache } from './settings';

export interface PullHost {
  live: LiveLinter;
  settings: SettingsCache;
  diagnosticOptions: DiagnosticOptions;
}

/** The result id of a document that is not linted: nothing to report, and nothing changes while it stays so. */
export const NOT_LINTED = 'not-linted';

const resultIds = new WeakMap<LintSnapshot, string>();
let nextResultId = 1;

/** One id per lint result: a new lint (an edit, new packs or settings) is a new id. */
export function resultIdOf(snapshot: LintSnapshot): string {
  let id = resultIds.get(snapshot);
  if (!id) resultIds.set(snapshot, (id = `${snapshot.version ?? 0}-${nextResultId++}`));
  return id;
}

function cancelled(token: CancellationToken | undefined): Promise<never> {
  return new Promise((_, reject) => {
    const fail = () => reject(new ResponseError(LSPErrorCodes.RequestCancelled, 'textDocument/diagnostic: cancelled'));
    if (token?.isCancellationRequested) fail();
    else token?.onCancellationRequested(fail);
  });
}

async function resultFor(host: PullHost, uri: string, token: CancellationToken | undefined): Promise<LintSnapshot | undefined> {
  const settings = await host.settings.get(uri);
  if (settings.run === 'onSave') return host.live.lastLinted(uri) ?? host.live.snapshotFor(uri);
  const settled = host.live.whenSettled(uri);
  await (token ? Promise.race([settled, cancelled(token)]) : settled);
  return host.live.snapshotFor(uri);
}

export async function documentDiagnosticReport(host: PullHost, uri: string, previousResultId: string | undefined, token?: CancellationToken): Promise<DocumentDiagnosticReport> {
  const snapshot = await resultFor(host, uri, token);
  const resultId = snapshot ? resultIdOf(snapshot) : NOT_LINTED;
  if (previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
  return { kind: DocumentDiagnosticReportKind.Full, resultId, items: snapshot ? toDiagnostics(snapshot, host.diagnosticOptions) : [] };
}
