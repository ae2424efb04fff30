/**
 * Pull diagnostics, for a client that pulls and can be asked to pull again
 * (textDocument.diagnostic + workspace.diagnostics.refreshSupport): results
 * come only as answers to textDocument/diagnostic, never also pushed, and a
 * pull after a keystroke is answered once the debounced lint has run.
 */
import * as assert from 'assert';
import { positionAt } from '../lsp/fixtures';
import { PlainClient } from '../lspClient';
import { BARE_CAPABILITIES, Diagnostic, DRAFT, GRANT, open, Session, startSession, tempFolder } from './session';
import { HANG_GUARD_MS } from '../hangGuard';

interface Report {
  kind: 'full' | 'unchanged';
  resultId?: string;
  items?: Diagnostic[];
}

const PULL_CAPABILITIES = {
  ...BARE_CAPABILITIES,
  textDocument: { ...BARE_CAPABILITIES.textDocument, diagnostic: { dynamicRegistration: false } },
  workspace: { ...BARE_CAPABILITIES.workspace, diagnostics: { refreshSupport: true } },
};

describe('standalone server: pull diagnostics', function () {
  // Spawns processes or works hard: no wall-clock limit (a loaded machine is only slower); hung processes are killed by the helpers.
  this.timeout(0);
  let folder: ReturnType<typeof tempFolder>;
  let session: Session;
  let client: PlainClient;
  let docUri: string;
  let settings: Record<string, unknown> | null = null;
  let refreshes = 0;

  const pull = (previousResultId?: string) => client.request<Report>('textDocument/diagnostic', { textDocument: { uri: docUri }, ...(previousResultId ? { previousResultId } : {}) });

  before(async () => {
    folder = tempFolder();
    docUri = folder.uri('draft.md');
    session = await startSession({ capabilities: PULL_CAPABILITIES, answerConfiguration: () => settings });
    client = session.client;
    client.onRequest('workspace/diagnostic/refresh', () => {
      refreshes++;
      return null;
    });
    open(client, docUri, DRAFT);
  });

  after(async () => {
    await client.stop();
    folder.cleanup();
  });

  it('announces a diagnostic provider to a client that pulls', () => {
    assert.deepStrictEqual(session.capabilities.diagnosticProvider, { identifier: 'clauselint', interFileDependencies: false, workspaceDiagnostics: false });
  });

  let first: Report;
  it('answers a pull with the full report of the open document', async () => {
    first = await pull();
    assert.strictEqual(first.kind, 'full');
    assert.ok(first.items!.some((d) => d.code === 'recommended/broad-use-grant'));
  });

  it('answers unchanged when nothing changed since the result the client has', async () => {
    assert.deepStrictEqual(await pull(first.resultId), { kind: 'unchanged', resultId: first.resultId });
  });

  it('answers a pull sent right after a keystroke once the debounce is over, with the last keystroke of the burst', async () => {
    const start = DRAFT.indexOf(GRANT);
    const range = { start: positionAt(DRAFT, start), end: positionAt(DRAFT, start + GRANT.length) };
    client.notify('textDocument/didChange', { textDocument: { uri: docUri, version: 2 }, contentChanges: [{ range, text: 'the purposes listed in Schedule 2' }] });
    const answer = pull(first.resultId);
    // The next keystroke comes within the debounce: the pull waits for it, as a push would.
    client.notify('textDocument/didChange', { textDocument: { uri: docUri, version: 3 }, contentChanges: [{ text: DRAFT.replace(GRANT, 'any purpose whatsoever') }] });
    const report = await answer;
    assert.strictEqual(report.kind, 'full');
    assert.notStrictEqual(report.resultId, first.resultId);
    const grant = report.items!.find((d) => d.code === 'recommended/broad-use-grant');
    assert.match(grant?.message ?? '', /any purpose whatsoever/, 'the result of version 3, not of version 2 (which has no grant)');
  });

  it('asks the client to pull again when the settings change, and the next pull has the new settings', async () => {
    const before = refreshes;
    settings = { ruleSeverities: { 'discretionary-audit': 'error' } };
    client.notify('workspace/didChangeConfiguration', { settings: null });
    await client.waitFor((r) => r.message.method === 'workspace/diagnostic/refresh', HANG_GUARD_MS, 0, 'a refresh request');
    assert.ok(refreshes > before);
    const report = await pull();
    assert.strictEqual(report.items!.find((d) => d.code === 'recommended/discretionary-audit')?.severity, 1);
  });

  it('answers for a document that is not open with an empty report', async () => {
    const report = await client.request<Report>('textDocument/diagnostic', { textDocument: { uri: folder.uri('closed.md') } });
    assert.deepStrictEqual(report.items, []);
  });

  it('never pushes diagnostics for the open document as well', () => {
    const pushed = client.notifications<{ uri: string }>('textDocument/publishDiagnostics').filter((n) => n.params.uri === docUri);
    assert.deepStrictEqual(pushed, []);
  });
});

describe('standalone server: a client that pulls but cannot be told to pull again', function () {
  // Spawns processes or works hard: no wall-clock limit (a loaded machine is only slower); hung processes are killed by the helpers.
  this.timeout(0);

  it('gets pushed diagnostics and no diagnostic provider', async () => {
    const folder = tempFolder();
    const { client, capabilities } = await startSession({
      capabilities: { ...BARE_CAPABILITIES, textDocument: { ...BARE_CAPABILITIES.textDocument, diagnostic: { dynamicRegistration: false } } },
    });
    try {
      assert.strictEqual(capabilities.diagnosticProvider, undefined);
      open(client, folder.uri('draft.md'), DRAFT);
      const p = await client.nextNotification<{ uri: string; diagnostics: Diagnostic[] }>('textDocument/publishDiagnostics', (x) => x.uri === folder.uri('draft.md'));
      assert.ok(p.diagnostics.length > 0);
    } finally {
      await client.stop();
      folder.cleanup();
    }
  });
});
