import * as assert from 'assert';
import * as path from 'path';
import { DiagnosticSeverity, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { AI_DRAFT, GRANT_PHRASE, positionAt } from './fixtures';
import { LspTestClient, SERVER_JS, tempWorkspace, uri } from './harness';

const THROWING_RULE = 'recommended/practicable-notice';
const PRELOAD = path.join(__dirname, 'throwingRulePreload.js');
const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => String(d.code)).sort();

describe('LSP: a rule that throws', function () {
  // Spawns processes or works hard: no wall-clock limit (a loaded machine is only slower); hung processes are killed by the helpers.
  this.timeout(0);
  let ws: ReturnType<typeof tempWorkspace>;
  let client: LspTestClient;
  let docUri: string;

  before(async function () {
    // The preload patches the engine module of this tsc build; a bundle (CLAUSELINT_SERVER_JS) has none to patch.
    if (SERVER_JS !== path.resolve(__dirname, '../../server/src/server.js')) this.skip();
    ws = tempWorkspace();
    client = await LspTestClient.start({ root: ws.root, nodeArgs: ['--require', PRELOAD], env: { CLAUSELINT_TEST_THROWING_RULE: THROWING_RULE } });
    docUri = uri(path.join(ws.root, 'draft.contract.md'));
  });

  after(async () => {
    await client?.dispose();
    ws?.cleanup();
  });

  it('is published as one internal-error diagnostic naming that rule, next to the findings of every other rule', async () => {
    await client.open(docUri, AI_DRAFT, 'contract', 1);
    const p = await client.waitForDiagnostics(docUri);
    assert.deepStrictEqual(codes(p), [
      'clauselint/internal-error',
      'recommended/broad-use-grant',
      'recommended/discretionary-audit',
      'recommended/missing-audit-trigger',
      'recommended/missing-surveillance-carve-out',
      'recommended/missing-weapons-carve-out',
    ]);
    const internal = p.diagnostics.find((d) => d.code === 'clauselint/internal-error')!;
    assert.strictEqual(internal.severity, DiagnosticSeverity.Error);
    assert.strictEqual(internal.message, `Rule ${THROWING_RULE} failed and was skipped: ${THROWING_RULE} throws on purpose (test)`);
    assert.deepStrictEqual(internal.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
  });

  it('leaves the server running: the next edit is linted as usual', async () => {
    // Narrow the grant: broad-use-grant and both carve-out findings go; the internal error stays.
    const at = AI_DRAFT.indexOf(GRANT_PHRASE);
    const range = { start: positionAt(AI_DRAFT, at), end: positionAt(AI_DRAFT, at + GRANT_PHRASE.length) };
    await client.change(docUri, 2, [{ range, text: 'the purposes in Schedule 2' }]);
    const p = await client.waitForDiagnostics(docUri, (x) => x.version === 2);
    assert.ok(codes(p).includes('clauselint/internal-error'), codes(p).join(', '));
    assert.ok(!codes(p).includes('recommended/broad-use-grant'), codes(p).join(', '));
    assert.ok(codes(p).includes('recommended/discretionary-audit'), codes(p).join(', '));
  });
});
