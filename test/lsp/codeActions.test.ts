import * as assert from 'assert';
import * as path from 'path';
import { CodeAction, Diagnostic, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { applyFixes } from '../../server/src/cli/fix';
import { lintText } from '../../server/src/lintText';
import { ConfigLoader } from '../../server/src/packs/config';
import { ApplySnippetArgs } from '../../server/src/lsp/protocol';
import { AI_DRAFT, applyEdits, GRANT_PHRASE } from './fixtures';
import { LspTestClient, tempWorkspace, uri } from './harness';

const MISSION_RULES = ['broad-use-grant', 'missing-surveillance-carve-out', 'missing-weapons-carve-out', 'missing-audit-trigger'].map((r) => `recommended/${r}`);

function editsOf(action: CodeAction, docUri: string, version: number) {
  const change = action.edit!.documentChanges![0] as TextDocumentEdit;
  assert.strictEqual(change.textDocument.uri, docUri);
  assert.strictEqual(change.textDocument.version, version, 'edits must be tied to the linted version');
  return change.edits;
}

describe('LSP: code actions', function () {
  // Spawns processes or works hard: no wall-clock limit (a loaded machine is only slower); hung processes are killed by the helpers.
  this.timeout(0);
  let ws: ReturnType<typeof tempWorkspace>;
  let client: LspTestClient;
  let n = 0;

  before(async () => {
    ws = tempWorkspace();
    client = await LspTestClient.start({ root: ws.root });
  });

  after(async () => {
    await client.dispose();
    ws.cleanup();
  });

  async function openDraft(text = AI_DRAFT) {
    const docUri = uri(path.join(ws.root, `draft${++n}.contract.md`));
    await client.open(docUri, text, 'contract', 1);
    const p = await client.waitForDiagnostics(docUri, (x) => x.version === 1);
    return { docUri, diagnostics: p.diagnostics };
  }

  function actionsAt(docUri: string, diagnostics: Diagnostic[], only?: string[]) {
    const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: docUri }, range, context: { diagnostics, ...(only ? { only } : {}) } });
  }

  async function relint(docUri: string, version: number, text: string) {
    await client.change(docUri, version, [{ text }]);
    return client.waitForDiagnostics(docUri, (x) => x.version === version);
  }

  it('offers each clause insertion once, the preferred fix first and suppressions last', async () => {
    const { docUri, diagnostics } = await openDraft();
    const atGrant = diagnostics.filter((d) => d.range.start.line === 10);
    const actions = await actionsAt(docUri, atGrant);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Insert prohibited-use carve-out (domestic mass surveillance) after this clause'), titles.join('\n'));
    assert.ok(titles.includes('Insert escalation and sign-off trigger after this clause'));
    assert.strictEqual(new Set(titles).size, titles.length, 'no duplicate actions');
    const firstSuppress = titles.findIndex((t) => t.startsWith('Suppress'));
    assert.ok(firstSuppress > 0 && titles.slice(firstSuppress).every((t) => t.startsWith('Suppress')));
    assert.ok(actions.some((a) => a.isPreferred && a.kind === 'quickfix'));
    assert.ok(actions.every((a) => a.edit && !a.command), 'plain edits for a client without the snippet command');
    const grantFix = actions.find((a) => a.title.startsWith('Insert prohibited-use carve-out (domestic mass surveillance) and'))!;
    assert.strictEqual(grantFix.diagnostics![0].code, 'recommended/broad-use-grant');
  });

  it('applying the carve-out fix and re-linting removes that finding and leaves the rest of the text alone', async () => {
    const { docUri, diagnostics } = await openDraft();
    const target = diagnostics.find((d) => d.code === 'recommended/missing-surveillance-carve-out')!;
    const actions = await actionsAt(docUri, [target]);
    const fix = actions.find((a) => a.title === 'Insert prohibited-use carve-out (domestic mass surveillance) after this clause')!;
    const edits = editsOf(fix, docUri, 1);
    const fixed = applyEdits(AI_DRAFT, edits);
    assert.ok(fixed.startsWith(AI_DRAFT.slice(0, AI_DRAFT.indexOf(GRANT_PHRASE))));
    assert.ok(fixed.endsWith(AI_DRAFT.slice(AI_DRAFT.indexOf('## 3. Records') - 2)));
    const after = await relint(docUri, 2, fixed);
    const ids = after.diagnostics.map((d) => d.code);
    assert.ok(!ids.includes('recommended/missing-surveillance-carve-out'), ids.join(', '));
    assert.ok(ids.includes('recommended/missing-audit-trigger'));
  });

  it('a suppression applies only once its reason is written', async () => {
    const { docUri, diagnostics } = await openDraft();
    const target = diagnostics.find((d) => d.code === 'recommended/practicable-notice')!;
    const suppress = (await actionsAt(docUri, [target])).find((a) => a.title.startsWith('Suppress recommended/practicable-notice'))!;
    const inserted = applyEdits(AI_DRAFT, editsOf(suppress, docUri, 1));
    assert.match(inserted, /<!-- clauselint-disable-next-line recommended\/practicable-notice -- reason: ; approved-by:  -->\n3\.2 /);
    const unfilled = (await relint(docUri, 2, inserted)).diagnostics.map((d) => d.code);
    assert.ok(unfilled.includes('recommended/practicable-notice') && unfilled.includes('clauselint/suppression-without-reason'), unfilled.join(', '));
    const filled = inserted.replace('reason: ;', 'reason: the notice period is agreed in Schedule 3;');
    const ids = (await relint(docUri, 3, filled)).diagnostics.map((d) => d.code);
    assert.ok(!ids.includes('recommended/practicable-notice') && !ids.includes('clauselint/suppression-without-reason'), ids.join(', '));
  });

  it('source.fixAll.clauselint applies every fix as the CLI does, inserting each clause once', async () => {
    const { docUri } = await openDraft();
    const actions = await actionsAt(docUri, [], ['source.fixAll.clauselint']);
    assert.strictEqual(actions.length, 1);
    assert.strictEqual(actions[0].kind, 'source.fixAll.clauselint');
    const fixed = applyEdits(AI_DRAFT, editsOf(actions[0], docUri, 1));
    const engine = lintText(AI_DRAFT, path.join(ws.root, 'x.contract.md'), new ConfigLoader());
    assert.strictEqual(fixed, applyFixes(AI_DRAFT, engine.result.findings).text);
    assert.strictEqual(fixed.split('Escalation and Sign-off.').length, 2, 'the audit trigger clause is inserted once');
    const diagnostics = (await relint(docUri, 2, fixed)).diagnostics;
    const ids = diagnostics.map((d) => d.code as string);
    // The grant stays visible once the carve-outs are in: qualified, at information severity (3).
    const qualified = diagnostics.filter((d) => d.code === 'recommended/broad-use-grant').map((d) => d.severity);
    assert.deepStrictEqual(qualified, [3]);
    assert.deepStrictEqual(diagnostics.filter((d) => MISSION_RULES.includes(d.code as string) && d.severity !== 3).map((d) => d.code), []);
    assert.ok(!ids.includes('recommended/practicable-notice'));
  });

  it('answers only what was asked for: source.fixAll alone, or quick fixes alone', async () => {
    const { docUri, diagnostics } = await openDraft();
    const source = await actionsAt(docUri, diagnostics, ['source.fixAll']);
    assert.deepStrictEqual(source.map((a) => a.kind), ['source.fixAll.clauselint']);
    const quick = await actionsAt(docUri, diagnostics, ['quickfix']);
    assert.ok(quick.length > 0 && quick.every((a) => a.kind === 'quickfix'));
  });

  it('offers "fix all" of a rule with several fixable findings', async () => {
    const text = AI_DRAFT + '\n3.3 The Provider shall notify the Customer of outages where practicable.\n';
    const { docUri, diagnostics } = await openDraft(text);
    const weak = diagnostics.filter((d) => d.code === 'recommended/practicable-notice');
    assert.strictEqual(weak.length, 2);
    const all = (await actionsAt(docUri, [weak[0]])).find((a) => a.title === 'Fix all recommended/practicable-notice problems (2)')!;
    const fixed = applyEdits(text, editsOf(all, docUri, 1));
    assert.ok(!fixed.includes('where practicable'));
    const ids = (await relint(docUri, 2, fixed)).diagnostics.map((d) => d.code);
    assert.ok(!ids.includes('recommended/practicable-notice'));
  });
});

describe('LSP: code actions for a client that inserts snippets', function () {
  // Spawns processes or works hard: no wall-clock limit (a loaded machine is only slower); hung processes are killed by the helpers.
  this.timeout(0);
  let ws: ReturnType<typeof tempWorkspace>;
  let client: LspTestClient;

  before(async () => {
    ws = tempWorkspace();
    client = await LspTestClient.start({ root: ws.root, init: { snippetCommand: true, docsScheme: true } });
  });

  after(async () => {
    await client.dispose();
    ws.cleanup();
  });

  it('turns placeholder fixes into the applySnippet command, one snippet per plan, and keeps plain edits otherwise', async () => {
    const docUri = uri(path.join(ws.root, 'draft.contract.md'));
    await client.open(docUri, AI_DRAFT, 'contract', 1);
    const { diagnostics } = await client.waitForDiagnostics(docUri);
    const range = { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } };
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: docUri }, range, context: { diagnostics } });
    const both = actions.find((a) => a.title.startsWith('Insert prohibited-use carve-out (domestic mass surveillance) and'))!;
    assert.strictEqual(both.edit, undefined);
    assert.strictEqual(both.command!.command, 'clauselint.applySnippet');
    const args = both.command!.arguments![0] as ApplySnippetArgs;
    assert.strictEqual(args.version, 1);
    assert.deepStrictEqual(args.range.start, args.range.end);
    // Two clauses in one snippet: the second clause's tab stops continue after the first's.
    assert.match(args.snippet, /^\n\n\$\{1:Prohibited Use: Domestic Surveillance\.\}/);
    assert.match(args.snippet, /\$\{6:Prohibited Use: Autonomous Weapons\.\}/);
    const replace = actions.find((a) => a.title.startsWith('Replace "where practicable"'))!;
    assert.ok(replace.edit && !replace.command, 'a replacement without placeholders stays a plain edit');
    const docs = actions.find((a) => a.title === 'Show documentation for recommended/broad-use-grant')!;
    assert.deepStrictEqual(docs.command!.arguments, ['recommended/broad-use-grant', docUri]);
  });
});
