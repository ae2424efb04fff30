/** clauselint/lintStatus: what the status bar shows for each open document (linting, linted, not linted and why). */
import * as assert from 'assert';
import * as path from 'path';
import { skipReason } from '../../server/src/lsp/fileScope';
import { LINT_STATUS_NOTIFICATION, LintStatusParams } from '../../shared/protocol';
import { DEFAULT_SETTINGS, VSCODE_DEFAULT_FILES } from '../../server/src/lsp/settings';
import { WorkspaceFolders } from '../../server/src/lsp/workspaceFolders';
import { AI_DRAFT } from './fixtures';
import { LspTestClient, tempWorkspace, uri } from './harness';

describe('LSP: lint status for the status bar', function () {
  // Spawns processes or works hard: no wall-clock limit (a loaded machine is only slower); hung processes are killed by the helpers.
  this.timeout(0);
  let ws: ReturnType<typeof tempWorkspace>;
  let client: LspTestClient;
  const statuses: LintStatusParams[] = [];

  before(async () => {
    ws = tempWorkspace();
    client = await LspTestClient.start({ root: ws.root, init: { lintStatus: true }, settings: { maxFileSizeMB: 0.001 } });
    client.onNotification(LINT_STATUS_NOTIFICATION, (p: LintStatusParams) => statuses.push(p));
  });

  after(async () => {
    await client.dispose();
    ws.cleanup();
  });

  async function statesOf(docUri: string, until: (s: LintStatusParams) => boolean): Promise<LintStatusParams[]> {
    for (let waited = 0; !statuses.some((s) => s.uri === docUri && until(s)); waited += 10) {
      if (waited > 60_000) assert.fail(`no such status for ${docUri}: ${JSON.stringify(statuses)}`);
      await new Promise((r) => setTimeout(r, 10));
    }
    return statuses.filter((s) => s.uri === docUri);
  }

  it('says "linting" before a document is first linted, then "linted" (a clean document too)', async () => {
    const docUri = uri(path.join(ws.root, 'clean.contract.md'));
    await client.open(docUri, '# Supply Agreement\n\n1. The Supplier shall deliver the goods.\n', 'contract');
    const states = await statesOf(docUri, (s) => s.state === 'linted');
    assert.deepStrictEqual(states.map((s) => s.state), ['linting', 'linted']);
  });

  it('says why a document is not linted: not matched by clauselint.files', async () => {
    const docUri = uri(path.join(ws.root, 'README.md'));
    await client.open(docUri, AI_DRAFT, 'markdown');
    const states = await statesOf(docUri, (s) => s.state === 'skipped');
    assert.deepStrictEqual(states[states.length - 1], { uri: docUri, state: 'skipped', reason: 'not matched by clauselint.files' });
  });

  it('says why a document is not linted: too large', async () => {
    const docUri = uri(path.join(ws.root, 'big.contract.md'));
    await client.open(docUri, AI_DRAFT.repeat(3), 'contract');
    const states = await statesOf(docUri, (s) => s.state === 'skipped');
    assert.match(states[states.length - 1].reason!, /^too large \(0\.0 MB; clauselint\.maxFileSizeMB is 0\.001\)$/);
  });

  it('names the setting that turns linting off, and what is not a document it lints', () => {
    const folders = new WorkspaceFolders(['file:///work/repo']);
    assert.strictEqual(skipReason('file:///work/repo/a.contract.md', 'contract', { ...DEFAULT_SETTINGS, enable: false }, folders), 'disabled (clauselint.enable is off)');
    assert.strictEqual(skipReason('file:///work/repo/a.json', 'json', DEFAULT_SETTINGS, folders), 'not a contract, Markdown or plain-text document');
    assert.strictEqual(skipReason('file:///work/repo/contracts/a.md', 'markdown', { ...DEFAULT_SETTINGS, files: VSCODE_DEFAULT_FILES }, folders), undefined);
  });

  it('sends nothing to a client that did not ask for it', async () => {
    const other = await LspTestClient.start({ root: ws.root });
    const got: unknown[] = [];
    other.onNotification(LINT_STATUS_NOTIFICATION, (p) => got.push(p));
    const docUri = uri(path.join(ws.root, 'other.contract.md'));
    await other.open(docUri, AI_DRAFT, 'contract');
    await other.waitForDiagnostics(docUri);
    await other.dispose();
    assert.deepStrictEqual(got, []);
  });
});
