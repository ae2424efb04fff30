import * as assert from 'assert';
import * as path from 'path';
import { CodeAction, Diagnostic, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { applyFixes } from '../../server/src/engine/fixes/apply';
import { lintText } from '../../server/src/lintText';
import { ConfigLoader } from '../../server/src/packs/config';
import { ApplySnippetArgs } from '../../shared/protocol';
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

  it('offers each fix at the cursor once with a short title, then one suppression, then fix-all', async () => {
    const { docUri, diagnostics } = await openDraft();
    const atGrant = diagnostics.filter((d) => d.range.start.line === 10);
    assert.ok(atGrant.length >= 3, 'several findings at the grant');
    const actions = await actionsAt(docUri, atGrant);
    const titles = actions.map((a) => a.title);
    assert.deepStrictEqual(titles.slice(-2), ['Suppress 4 rules on this line, with a reason', 'Fix all ClauseLint problems'], titles.join('\n'));
    assert.ok(titles.includes('Insert carve-outs: domestic mass surveillance, autonomous weapons'), titles.join('\n'));
    assert.ok(titles.includes('Insert carve-out: domestic mass surveillance'), titles.join('\n'));
    assert.ok(titles.includes('Insert escalation and sign-off trigger'), titles.join('\n'));
    assert.ok(titles.every((t) => t.length <= 72 && !t.endsWith('…')), titles.join('\n'));
    assert.strictEqual(titles.filter((t) => t.startsWith('Suppress')).length, 1, 'one suppression entry');
    assert.strictEqual(new Set(titles).size, titles.length, 'no duplicate actions');
    assert.ok(!titles.some((t) => /practicable/.test(t)), 'no fix of a finding elsewhere in the document');
    assert.ok(actions[0].isPreferred && actions[0].kind === 'quickfix', 'the preferred fix first');
    assert.ok(actions.every((a) => a.edit && !a.command), 'plain edits for a client without the snippet command');
    const grantFix = actions.find((a) => a.title === 'Insert carve-outs: domestic mass surveillance, autonomous weapons')!;
    assert.strictEqual(grantFix.diagnostics![0].code, 'recommended/broad-use-grant');
  });

  it('the one suppression names every rule flagged on the line', async () => {
    const { docUri, diagnostics } = await openDraft();
    const atGrant = diagnostics.filter((d) => d.range.start.line === 10);
    const suppress = (await actionsAt(docUri, atGrant)).find((a) => a.title.startsWith('Suppress'))!;
    const inserted = applyEdits(AI_DRAFT, editsOf(suppress, docUri, 1));
    const comment = /<!-- clauselint-disable-next-line (.*?) -- /.exec(inserted)![1];
    assert.deepStrictEqual(comment.split(', ').sort(), [...new Set(atGrant.map((d) => d.code as string))].sort());
    assert.strictEqual(suppress.diagnostics!.length, atGrant.length);
  });

  it('applying the carve-out fix and re-linting removes that finding and leaves the rest of the text alone', async () => {
    const { docUri, diagnostics } = await openDraft();
    const target = diagnostics.find((d) => d.code === 'recommended/missing-surveillance-carve-out')!;
    const actions = await actionsAt(docUri, [target]);
    const fix = actions.find((a) => a.title === 'Insert carve-out: domestic mass surveillance')!;
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
    const suppress = (await actionsAt(docUri, [target])).find((a) => a.title === 'Suppress on this line, with a reason')!;
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

  it('the quick-fix "Fix all ClauseLint problems" applies the same edits as source.fixAll', async () => {
    const { docUri, diagnostics } = await openDraft();
    const target = diagnostics.find((d) => d.code === 'recommended/practicable-notice')!;
    const quick = (await actionsAt(docUri, [target])).find((a) => a.title === 'Fix all ClauseLint problems')!;
    assert.strictEqual(quick.kind, 'quickfix');
    const source = (await actionsAt(docUri, [], ['source.fixAll.clauselint']))[0];
    assert.strictEqual(applyEdits(AI_DRAFT, editsOf(quick, docUri, 1)), applyEdits(AI_DRAFT, editsOf(source, docUri, 1)));
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
    const both = actions.find((a) => a.title === 'Insert carve-outs: domestic mass surveillance, autonomous weapons')!;
    assert.strictEqual(both.edit, undefined);
    assert.strictEqual(both.command!.command, 'clauselint.applySnippet');
    const args = both.command!.arguments![0] as ApplySnippetArgs;
    assert.strictEqual(args.version, 1);
    assert.deepStrictEqual(args.range.start, args.range.end);
    // Two clauses in one snippet, numbered after clause 2.1: the second clause's tab stops continue after the first's.
    assert.match(args.snippet, /^\n\n2\.2 \$\{1:Prohibited Use: Domestic Surveillance\.\}/);
    assert.match(args.snippet, /\n\n2\.3 \$\{4:Prohibited Use: Autonomous Weapons\.\}/);
    const replace = actions.find((a) => a.title.startsWith('Replace with'))!;
    assert.ok(replace.edit && !replace.command, 'a replacement without placeholders stays a plain edit');
  });
});
