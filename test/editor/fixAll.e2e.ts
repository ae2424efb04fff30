/** Fix all: the source.fixAll.clauselint action, and the same through editor.codeActionsOnSave. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import {
  activateExtension, closeAllEditors, codeActionsAt, describeDiagnostics, FIX_ALL_KIND, GRANT, isClauseLintAction, isOpenMissionFinding, openContractCopy, rangeOf,
  ruleOf, runCodeAction, USE_CLAUSE, waitForDiagnostics, waitForFixtureFindings,
} from './helpers';

// The escalation path of clause 3.2 gets only its missing elements; its review is one of them.
const INSERTED = ['Prohibited Use: Domestic Surveillance.', 'Prohibited Use: Autonomous Weapons.', 'shall first be referred for a policy, legal and risk review.'];

/** Every line of `original` is still there, in order. */
function keepsOriginal(text: string, original: string): boolean {
  let at = 0;
  for (const line of original.split('\n').filter((l) => l.trim())) {
    const i = text.indexOf(line, at);
    if (i < 0) return false;
    at = i + line.length;
  }
  return true;
}

describe('fix all in the editor', function () {
  before(activateExtension);
  afterEach(closeAllEditors);

  it('source.fixAll.clauselint inserts every missing clause once, and all mission findings go away', async () => {
    const { doc, original } = await openContractCopy('fixall');
    await waitForFixtureFindings(doc);
    const whole = new vscode.Range(0, 0, doc.lineCount, 0);
    const actions = await codeActionsAt(doc.uri, whole, FIX_ALL_KIND);
    assert.deepStrictEqual(actions.map((a) => a.kind?.value), [FIX_ALL_KIND], actions.map((a) => a.title).join('\n'));
    assert.ok(actions[0].edit, 'fix-all is a plain workspace edit (usable on save)');
    await runCodeAction(actions[0]);
    const text = doc.getText();
    for (const clause of INSERTED) assert.strictEqual(text.split(clause).length, 2, `"${clause}" inserted exactly once`);
    assert.ok(text.indexOf(INSERTED[0]) > text.indexOf(USE_CLAUSE));
    assert.ok(keepsOriginal(text, original), 'the original text is all still there, in order');
    const ds = await waitForDiagnostics(doc.uri, (list) => !list.some(isOpenMissionFinding), 'every open mission finding to go away');
    // Only the qualified grant is left, at information severity, and the placeholders the inserted
    // clauses hold ("[designated official]"), each reported until it is filled in.
    const placeholders = ds.filter((d) => ruleOf(d) === 'recommended/unfilled-placeholder');
    for (const d of placeholders) assert.match(doc.getText(d.range), /^\[[^\]]*\]$/, 'a placeholder finding covers a bracketed placeholder');
    const others = ds.filter((d) => !placeholders.includes(d));
    assert.deepStrictEqual(others.map((d) => [ruleOf(d), d.severity]), [['recommended/broad-use-grant', vscode.DiagnosticSeverity.Information]], describeDiagnostics(ds));
  });

  it('fix-all twice gives the text of fix-all once, and the inserted clauses name the Agency and the Platform', async () => {
    const { doc } = await openContractCopy('fixall-twice');
    await waitForFixtureFindings(doc);
    const whole = () => new vscode.Range(0, 0, doc.lineCount, 0);
    const [first] = await codeActionsAt(doc.uri, whole(), FIX_ALL_KIND);
    assert.ok(first?.edit, 'fix-all offered');
    await runCodeAction(first);
    const once = doc.getText();
    await waitForDiagnostics(doc.uri, (list) => !list.some(isOpenMissionFinding), 'every open mission finding to go away');
    // Numbered like their neighbours, in the fixture's own words.
    assert.match(once, /\n2\.2 Prohibited Use: Domestic Surveillance\. Notwithstanding any other provision of this Agreement, the Agency shall not use, and shall not permit any person to use, the Platform /);
    assert.match(once, /\n2\.3 Prohibited Use: Autonomous Weapons\. The Agency shall not use the Platform to operate/);
    assert.doesNotMatch(once, /\[the Customer\]|\[The Customer\]|\[Services\]|\[the Provider\]|\[The Provider\]/);
    // Fix-all again: the menu on the (now qualified) grant offers no fix-all, and the source action, if any, changes nothing.
    const menu = (await codeActionsAt(doc.uri, rangeOf(doc, GRANT))).filter(isClauseLintAction).map((a) => a.title);
    assert.ok(!menu.includes('Fix all ClauseLint problems'), `nothing left for fix-all:\n${menu.join('\n')}`);
    const second = ((await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, whole(), FIX_ALL_KIND)) ?? []).filter(isClauseLintAction);
    for (const action of second) await runCodeAction(action);
    assert.strictEqual(doc.getText(), once, `the second fix-all changed the text (${second.length} action offered)`);
  });

  it('with "editor.codeActionsOnSave": {"source.fixAll.clauselint": "explicit"}, saving fixes the draft', async () => {
    const editorConfig = vscode.workspace.getConfiguration('editor');
    await editorConfig.update('codeActionsOnSave', { [FIX_ALL_KIND]: 'explicit' }, vscode.ConfigurationTarget.Workspace);
    try {
      const { editor, doc, original } = await openContractCopy('onsave');
      await waitForFixtureFindings(doc);
      // A user edit, then Save.
      await editor.edit((b) => b.insert(rangeOf(doc, USE_CLAUSE).end, ' The Agency shall keep a record of its uses.'));
      assert.ok(doc.isDirty);
      assert.ok(await doc.save(), 'the save succeeds');
      const onDisk = fs.readFileSync(doc.uri.fsPath, 'utf8');
      assert.strictEqual(onDisk, doc.getText(), 'what was saved is what the editor shows');
      for (const clause of INSERTED) assert.strictEqual(onDisk.split(clause).length, 2, `"${clause}" inserted on save exactly once`);
      assert.ok(onDisk.includes('The Agency shall keep a record of its uses.') && keepsOriginal(onDisk, original));
      assert.ok(!doc.isDirty);
      await waitForDiagnostics(doc.uri, (list) => !list.some(isOpenMissionFinding), 'every open mission finding to go away after the save');
    } finally {
      await editorConfig.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
