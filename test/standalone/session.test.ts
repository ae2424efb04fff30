/**
 * Issue 11, end to end: the bundled server (node dist/server.js --stdio) driven
 * by a plain JSON-RPC client that sends no workspace folders (rootUri null),
 * no initializationOptions, and answers workspace/configuration with null:
 * open, hover, code lens, incremental and full changes, a quick fix and fix
 * all (their edits applied here and sent back), close.
 */
import * as assert from 'assert';
import { offsetAt, positionAt } from '../lsp/fixtures';
import { PlainClient } from '../lspClient';
import { HANG_GUARD_MS } from '../hangGuard';
import { Diagnostic, DRAFT, GRANT, open, published, Session, startSession, tempFolder } from './session';
import { applyWorkspaceEdit, PlainWorkspaceEdit } from './workspaceEdits';

interface CodeAction {
  title: string;
  kind?: string;
  isPreferred?: boolean;
  diagnostics?: Diagnostic[];
  edit?: PlainWorkspaceEdit;
  command?: unknown;
}

const MISSION_RULES = ['broad-use-grant', 'missing-surveillance-carve-out', 'missing-weapons-carve-out', 'missing-audit-trigger'].map((r) => `recommended/${r}`);
const codes = (d: Diagnostic[]) => d.map((x) => String(x.code));

describe('standalone server: a plain client with no folders, no init options and null settings', function () {
  // Spawns processes or works hard: no wall-clock limit (a loaded machine is only slower); hung processes are killed by the helpers.
  this.timeout(0);
  let folder: ReturnType<typeof tempFolder>;
  let session: Session;
  let client: PlainClient;
  let docUri: string;
  let text = DRAFT;
  let version = 1;
  let lastDiagnostics: Diagnostic[] = [];

  /** Send `change` as version+1 and return the diagnostics published for that version. */
  async function change(contentChanges: unknown[], newText: string): Promise<Diagnostic[]> {
    const since = client.received.length;
    version++;
    client.notify('textDocument/didChange', { textDocument: { uri: docUri, version }, contentChanges });
    text = newText;
    const v = version;
    lastDiagnostics = (await published(client, docUri, (p) => p.version === v, since)).diagnostics;
    return lastDiagnostics;
  }

  function codeActions(range: Diagnostic['range'], diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    return client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: docUri }, range, context: { diagnostics, ...(only ? { only } : {}) } });
  }

  before(async () => {
    // The draft is a plain Markdown file: not *.contract.md, not under contracts/.
    folder = tempFolder({ 'drafts/draft.md': DRAFT });
    docUri = folder.uri('drafts/draft.md');
    session = await startSession({ rootUri: null, workspaceFolders: null });
    client = session.client;
  });

  after(async () => {
    const exit = await client.stop();
    assert.deepStrictEqual(exit, { code: 0, signal: null }, 'shutdown then exit ends the server with code 0');
    folder.cleanup();
  });

  it('announces sync, code actions (with fix-all), hover, a code lens and its command, and pushes diagnostics', () => {
    const caps = session.capabilities as Record<string, any>;
    assert.deepStrictEqual(caps.textDocumentSync, { openClose: true, change: 2, save: { includeText: false } });
    assert.deepStrictEqual(caps.codeActionProvider.codeActionKinds, ['quickfix', 'source.fixAll.clauselint']);
    assert.strictEqual(caps.hoverProvider, true);
    assert.deepStrictEqual(caps.executeCommandProvider.commands, ['clauselint.server.showCoverage']);
    assert.strictEqual(caps.diagnosticProvider, undefined, 'a client that does not pull gets pushed diagnostics');
  });

  it('publishes diagnostics for the opened draft: message, range, severity, code', async () => {
    open(client, docUri, DRAFT, 'markdown', 1);
    lastDiagnostics = (await published(client, docUri, (p) => p.version === 1)).diagnostics;
    assert.deepStrictEqual(codes(lastDiagnostics).filter((c) => MISSION_RULES.includes(c)).sort(), [...MISSION_RULES].sort());
    const grant = lastDiagnostics.find((d) => d.code === 'recommended/broad-use-grant')!;
    const at = DRAFT.indexOf(GRANT);
    assert.deepStrictEqual(grant.range, { start: positionAt(DRAFT, at), end: positionAt(DRAFT, at + GRANT.length) });
    assert.strictEqual(grant.severity, 2, 'warning');
    assert.strictEqual(grant.source, 'clauselint');
    assert.match(grant.message, /^Broad-use grant: the Government's right to use the Services for any lawful purpose\./);
    assert.ok(lastDiagnostics.every((d) => d.relatedInformation === undefined && d.codeDescription === undefined), 'fields the client did not announce are left out');
  });

  it('explains the flagged phrase on hover', async () => {
    const hover = await client.request<{ contents: { kind: string; value: string }; range: Diagnostic['range'] }>('textDocument/hover', {
      textDocument: { uri: docUri },
      position: positionAt(text, text.indexOf(GRANT) + 3),
    });
    assert.strictEqual(hover.contents.kind, 'markdown');
    assert.match(hover.contents.value, /\*\*warning\*\* `recommended\/broad-use-grant`: /);
    assert.match(hover.contents.value, /\[Rule docs\]\(https:/);
    assert.deepStrictEqual(hover.range.start, positionAt(text, text.indexOf(GRANT)));
  });

  it('summarises coverage in a code lens whose command shows the coverage as a message', async () => {
    const lenses = await client.request<{ command: { title: string; command: string; arguments: unknown[] } }[]>('textDocument/codeLens', { textDocument: { uri: docUri } });
    assert.strictEqual(lenses.length, 1);
    assert.match(lenses[0].command.title, /^ClauseLint: broad-use grant unqualified · 2 carve-outs missing · audit trigger missing/);
    const since = client.received.length;
    assert.strictEqual(await client.request('workspace/executeCommand', { command: lenses[0].command.command, arguments: lenses[0].command.arguments }), null);
    const shown = await client.nextNotification<{ type: number; message: string }>('window/showMessage', () => true, HANG_GUARD_MS, since);
    assert.match(shown.message, /^ClauseLint coverage of draft\.md: broad-use grant unqualified/);
    assert.match(shown.message, /\n✗ .*surveillance.*: missing/i);
  });

  it('re-lints an incremental change: narrowing the grant removes the grant and carve-out findings', async () => {
    const start = text.indexOf(GRANT);
    const replacement = 'the purposes listed in Schedule 2';
    const range = { start: positionAt(text, start), end: positionAt(text, start + GRANT.length) };
    const after = await change([{ range, text: replacement }], text.slice(0, start) + replacement + text.slice(start + GRANT.length));
    const grantRules = ['recommended/broad-use-grant', 'recommended/missing-surveillance-carve-out', 'recommended/missing-weapons-carve-out'];
    assert.deepStrictEqual(codes(after).filter((c) => grantRules.includes(c)), []);
    assert.ok(codes(after).includes('recommended/discretionary-audit'), 'the rest is still linted');
  });

  it('re-lints a full-text change', async () => {
    const after = await change([{ text: DRAFT }], DRAFT);
    assert.ok(codes(after).includes('recommended/broad-use-grant'));
  });

  it('offers a quick fix whose edit, applied and sent back, removes the finding it fixes', async () => {
    const target = lastDiagnostics.find((d) => d.code === 'recommended/missing-surveillance-carve-out')!;
    const actions = await codeActions(target.range, [target]);
    const fix = actions.find((a) => a.kind === 'quickfix' && a.edit && a.diagnostics?.some((d) => d.code === target.code) && !a.title.startsWith('Suppress'))!;
    assert.ok(fix, actions.map((a) => a.title).join('\n'));
    assert.ok(actions.every((a) => !a.command), 'no client commands for a client without the extension');
    const fixed = applyWorkspaceEdit(text, docUri, version, fix.edit!);
    assert.ok(fixed.startsWith(text.slice(0, text.indexOf('## 3.'))) || fixed.includes(text.slice(0, text.indexOf(GRANT))), 'text before the fix is kept');
    const after = await change([{ text: fixed }], fixed);
    assert.ok(!codes(after).includes('recommended/missing-surveillance-carve-out'), codes(after).join(', '));
    assert.ok(codes(after).includes('recommended/missing-weapons-carve-out'), 'one fix fixes one thing');
  });

  it('fixes everything fixable with source.fixAll.clauselint', async () => {
    const whole = { start: { line: 0, character: 0 }, end: positionAt(text, text.length) };
    const actions = await codeActions(whole, [], ['source.fixAll.clauselint']);
    assert.deepStrictEqual(actions.map((a) => a.kind), ['source.fixAll.clauselint']);
    const fixed = applyWorkspaceEdit(text, docUri, version, actions[0].edit!);
    for (const line of DRAFT.split('\n')) assert.ok(fixed.includes(line), `kept: ${line}`);
    const after = await change([{ text: fixed }], fixed);
    // The grant stays visible, qualified by the inserted carve-outs: information severity (3); what
    // the inserted clauses leave in brackets is reported until it is filled in.
    const placeholders = after.filter((d) => d.code === 'recommended/unfilled-placeholder');
    for (const d of placeholders) assert.match(fixed.slice(offsetAt(fixed, d.range.start), offsetAt(fixed, d.range.end)), /^\[[^\]]*\]$/);
    assert.deepStrictEqual(after.filter((d) => !placeholders.includes(d)).map((d) => [d.code, d.severity]), [['recommended/broad-use-grant', 3]]);
  });

  it('keeps positions in UTF-16 code units after an edit with characters outside the BMP', async () => {
    const withEmoji = DRAFT.replace('# AI Services Agreement', '# AI Services Agreement 📄📄');
    const after = await change([{ text: withEmoji }], withEmoji);
    const grant = after.find((d) => d.code === 'recommended/broad-use-grant')!;
    assert.strictEqual(offsetAt(withEmoji, grant.range.start), withEmoji.indexOf(GRANT));
  });

  it('clears the diagnostics when the document closes', async () => {
    const since = client.received.length;
    client.notify('textDocument/didClose', { textDocument: { uri: docUri } });
    const cleared = await published(client, docUri, () => true, since);
    assert.deepStrictEqual(cleared.diagnostics, []);
  });
});
