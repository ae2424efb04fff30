import * as assert from 'assert';
import * as path from 'path';
import { DiagnosticSeverity, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { AI_DRAFT, GRANT_PHRASE, positionAt } from './fixtures';
import { LspTestClient, tempWorkspace, uri } from './harness';

const ids = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => d.code).sort();

describe('LSP: live diagnostics', function () {
  // Spawns processes or works hard: no wall-clock limit (a loaded machine is only slower); hung processes are killed by the helpers.
  this.timeout(0);
  let ws: ReturnType<typeof tempWorkspace>;
  let client: LspTestClient;
  let docUri: string;

  before(async () => {
    ws = tempWorkspace();
    client = await LspTestClient.start({ root: ws.root, init: { docsScheme: true } });
    docUri = uri(path.join(ws.root, 'draft.contract.md'));
  });

  after(async () => {
    await client.dispose();
    ws.cleanup();
  });

  it('publishes findings of an unsaved buffer with rule id, range, docs link and version', async () => {
    await client.open(docUri, AI_DRAFT, 'contract', 1);
    const p = await client.waitForDiagnostics(docUri);
    assert.strictEqual(p.version, 1);
    assert.deepStrictEqual(ids(p), [
      'recommended/broad-use-grant',
      'recommended/discretionary-audit',
      'recommended/missing-audit-trigger',
      'recommended/missing-surveillance-carve-out',
      'recommended/missing-weapons-carve-out',
      'recommended/practicable-notice',
    ]);
    const grant = p.diagnostics.find((d) => d.code === 'recommended/broad-use-grant')!;
    const start = AI_DRAFT.indexOf(GRANT_PHRASE);
    assert.deepStrictEqual(grant.range, { start: positionAt(AI_DRAFT, start), end: positionAt(AI_DRAFT, start + GRANT_PHRASE.length) });
    assert.strictEqual(grant.source, 'clauselint');
    assert.strictEqual(grant.severity, DiagnosticSeverity.Warning);
    assert.match(grant.message, /list the uses it excludes/);
    assert.match(grant.codeDescription!.href, /^clauselint-docs:\/recommended\/broad-use-grant\.md\?from=/);
    const carveOut = p.diagnostics.find((d) => d.code === 'recommended/missing-surveillance-carve-out')!;
    // The finding sits on the grant itself: no related location repeats its own range.
    const sameRange = (r: { location: { range: unknown } }) => JSON.stringify(r.location.range) === JSON.stringify(carveOut.range);
    assert.ok(!(carveOut.relatedInformation ?? []).some(sameRange));
  });

  it('updates diagnostics after an incremental edit', async () => {
    // Replace "where practicable" with "within 72 hours": the weak-notice finding goes away.
    const at = AI_DRAFT.indexOf('where practicable');
    const range = { start: positionAt(AI_DRAFT, at), end: positionAt(AI_DRAFT, at + 'where practicable'.length) };
    await client.change(docUri, 2, [{ range, text: 'within 72 hours' }]);
    const p = await client.waitForDiagnostics(docUri, (x) => x.version === 2);
    assert.ok(!ids(p).includes('recommended/practicable-notice'));
    assert.ok(ids(p).includes('recommended/broad-use-grant'));
  });

  it('never publishes results for a stale version', async () => {
    // A long document, so each lint takes a while, and a burst of edits written at once with no debounce:
    // every run that linted an older version must be dropped.
    const staleUri = uri(path.join(ws.root, 'long.contract.md'));
    const filler = '\n\n4.1 The Provider shall deliver the reports described in Schedule 3 each month.'.repeat(12000);
    const text = AI_DRAFT + filler;
    await client.open(staleUri, text, 'contract', 1);
    await client.waitForDiagnostics(staleUri, (x) => x.version === 1);
    client.settings = { debounceMs: 0 };
    client.notify('workspace/didChangeConfiguration', { settings: {} });
    const before = client.published.length;
    const end = positionAt(text, text.length);
    const edit = (v: number) => client.change(staleUri, v, [{ range: { start: end, end }, text: `\nNote ${v}.` }]);
    // The first edit starts a lint; the rest arrive while it runs.
    await edit(2);
    await new Promise((r) => setTimeout(r, 5));
    await Promise.all([3, 4, 5, 6, 7, 8, 9, 10, 11].map(edit));
    const last = await client.waitForDiagnostics(staleUri, (x) => x.version === 11);
    await new Promise((r) => setTimeout(r, 100));
    const versions = client.published.slice(before).filter((p) => p.uri === staleUri).map((p) => p.version);
    assert.deepStrictEqual(versions, versions.map(() => 11), `published versions: ${versions}`);
    assert.ok(ids(last).includes('recommended/broad-use-grant'));
    client.settings = { debounceMs: 20 };
    client.notify('workspace/didChangeConfiguration', { settings: {} });
  });

  it('clears diagnostics when the document closes', async () => {
    const count = client.published.length;
    await client.close(docUri);
    const p = await client.waitForDiagnostics(docUri, (x) => client.published.indexOf(x) >= count && x.diagnostics.length === 0);
    assert.strictEqual(p.version, undefined);
  });

  it('lints Markdown only when it matches clauselint.files', async () => {
    const notes = uri(path.join(ws.root, 'notes.md'));
    const contract = uri(path.join(ws.root, 'contracts', 'msa.md'));
    await client.open(notes, AI_DRAFT, 'markdown', 1);
    await client.open(contract, AI_DRAFT, 'markdown', 1);
    const p = await client.waitForDiagnostics(contract);
    assert.ok(p.diagnostics.length > 0);
    await new Promise((r) => setTimeout(r, 100));
    assert.ok(!client.published.some((x) => x.uri === notes), 'notes.md is not a contract and must not be linted');
  });

  it('reports a file over clauselint.maxFileSizeMB with one info diagnostic instead of linting it', async () => {
    client.settings = { debounceMs: 20, maxFileSizeMB: 0.001 };
    client.notify('workspace/didChangeConfiguration', { settings: {} });
    const big = uri(path.join(ws.root, 'big.contract.md'));
    await client.open(big, AI_DRAFT.repeat(2), 'contract', 1);
    const p = await client.waitForDiagnostics(big);
    assert.strictEqual(p.diagnostics.length, 1);
    assert.strictEqual(p.diagnostics[0].severity, DiagnosticSeverity.Information);
    assert.match(p.diagnostics[0].message, /too large for live linting.*run the CLI/);
    assert.deepStrictEqual(p.diagnostics[0].range.start, { line: 0, character: 0 });
    client.settings = { debounceMs: 20 };
  });
});
