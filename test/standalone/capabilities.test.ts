/** What the server sends depends on what the client announced, and on nothing else (lsp/clientSupport.ts). */
import * as assert from 'assert';
import { positionAt } from '../lsp/fixtures';
import { Diagnostic, DRAFT, GRANT, open, published, startSession, tempFolder } from './session';

describe('standalone server: shaped by the client capabilities', function () {
  // Spawns processes or works hard: no wall-clock limit (a loaded machine is only slower); hung processes are killed by the helpers.
  this.timeout(0);
  let folder: ReturnType<typeof tempFolder>;

  before(() => (folder = tempFolder()));
  after(() => folder.cleanup());

  it('a minimal client (no capabilities at all): pushed diagnostics with the default settings, without extras, and no code actions', async () => {
    const { client, capabilities } = await startSession({ capabilities: {} });
    try {
      assert.strictEqual(capabilities.codeActionProvider, undefined, 'code actions need CodeAction literals');
      const uri = folder.uri('minimal.md');
      open(client, uri, DRAFT);
      const p = await published(client, uri);
      assert.ok(p.diagnostics.length > 0, 'a client without workspace/configuration gets the defaults');
      assert.ok(p.diagnostics.every((d) => d.relatedInformation === undefined && d.codeDescription === undefined));
      const configurationRequests = client.received.filter((r) => r.message.method === 'workspace/configuration');
      assert.deepStrictEqual(configurationRequests, [], 'no workspace/configuration to a client that did not announce it');
    } finally {
      await client.stop();
    }
  });

  it('a client that renders only plain text gets hovers as plain text', async () => {
    const { client } = await startSession({ capabilities: { textDocument: { hover: { contentFormat: ['plaintext'] } } } });
    try {
      const uri = folder.uri('plain-hover.md');
      open(client, uri, DRAFT);
      await published(client, uri);
      const hover = await client.request<{ contents: { kind: string; value: string } }>('textDocument/hover', { textDocument: { uri }, position: positionAt(DRAFT, DRAFT.indexOf(GRANT) + 1) });
      assert.strictEqual(hover.contents.kind, 'plaintext');
      assert.match(hover.contents.value, /recommended\/broad-use-grant/);
    } finally {
      await client.stop();
    }
  });

  it('a client that announces related information, code descriptions and versioned edits gets them', async () => {
    const { client } = await startSession({
      capabilities: {
        workspace: { workspaceEdit: { documentChanges: true } },
        textDocument: {
          publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
        },
      },
    });
    try {
      const uri = folder.uri('rich.md');
      open(client, uri, DRAFT, 'markdown', 7);
      const p = await published(client, uri);
      const grant = p.diagnostics.find((d) => d.code === 'recommended/broad-use-grant')!;
      assert.match(grant.codeDescription?.href ?? '', /^https:\/\/github\.com\/clauselint\/clauselint\/blob\/v\d+\.\d+\.\d+\/docs\/rules\/recommended\/broad-use-grant\.md$/, 'the rule id links to its docs page');
      const carveOut = p.diagnostics.find((d) => d.code === 'recommended/missing-surveillance-carve-out')!;
      const actions = await client.request<{ edit?: { documentChanges?: { textDocument: { version: number } }[]; changes?: unknown } }[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: carveOut.range,
        context: { diagnostics: [carveOut] as Diagnostic[] },
      });
      const edit = actions.find((a) => a.edit)!.edit!;
      assert.strictEqual(edit.changes, undefined);
      assert.strictEqual(edit.documentChanges![0].textDocument.version, 7, 'edits are tied to the linted version');
      // A plain client without documentChanges gets `changes` (session.test.ts applies them).
    } finally {
      await client.stop();
    }
  });
});
