/** The quick fix: insert the missing clause from the pack's library, and the finding goes away. */
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ApplySnippetArgs } from '../../shared/protocol';
import {
  activateExtension, closeAllEditors, codeActionsAt, describeDiagnostics, ESCALATION_ANCHOR, GRANT, isOpenMissionFinding, openContractCopy, rangeOf, ruleOf, runCodeAction,
  snippetPlainText, USE_CLAUSE, waitForDiagnostics, waitForFixtureFindings,
} from './helpers';

const SURVEILLANCE = 'recommended/missing-surveillance-carve-out';
const INSERT_SURVEILLANCE = 'Insert carve-out: domestic mass surveillance';

describe('quick fixes in the editor', function () {
  before(activateExtension);
  afterEach(closeAllEditors);

  it('offers the fixes at the finding with short titles, then one suppression, then fix-all', async () => {
    const { doc } = await openContractCopy('menu');
    const ds = await waitForFixtureFindings(doc);
    const actions = await codeActionsAt(doc.uri, rangeOf(doc, GRANT));
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes(INSERT_SURVEILLANCE), titles.join('\n'));
    // The escalation finding sits on clause 3.2's consent gate: its fix inserts what that path lacks.
    const atGate = (await codeActionsAt(doc.uri, rangeOf(doc, ESCALATION_ANCHOR))).map((a) => a.title);
    assert.ok(atGate.some((t) => t.startsWith('Insert') && /escalation/.test(t)), atGate.join('\n'));
    // Other providers add actions of their own (the snippet "Surround with" ones); ClauseLint's are the quick fixes here,
    // and it offers no source action unless one is asked for.
    const ours = actions.filter((a) => a.kind?.value === 'quickfix');
    console.log(`    (other actions: ${actions.filter((a) => !ours.includes(a)).map((a) => `${a.title} [${a.kind?.value}]`).join('; ') || 'none'})`);
    assert.deepStrictEqual(actions.filter((a) => a.kind?.value.startsWith('source')).map((a) => a.title), []);
    // In the order the menu shows them: every clause insertion before every suppression; the preferred fix inserts a clause.
    const ourTitles = ours.map((a) => a.title);
    const lastInsert = Math.max(...ourTitles.map((t, i) => (t.startsWith('Insert') ? i : -1)));
    const firstSuppress = ourTitles.findIndex((t) => t.startsWith('Suppress'));
    assert.ok(firstSuppress > lastInsert && lastInsert >= 0, ourTitles.join('\n'));
    assert.strictEqual(ourTitles.filter((t) => t.startsWith('Suppress')).length, 1, `one suppression entry:\n${ourTitles.join('\n')}`);
    assert.strictEqual(ourTitles[ourTitles.length - 1], 'Fix all ClauseLint problems');
    assert.ok(ourTitles.every((t) => t.length <= 72), ourTitles.join('\n'));
    console.log(`    (ClauseLint's menu: ${ours.length} entries: ${ourTitles.join(' | ')})`);
    assert.ok(ours.filter((a) => a.isPreferred).every((a) => a.title.startsWith('Insert')) && ours.some((a) => a.isPreferred), ourTitles.join('\n'));
    // (vscode.executeCodeActionProvider does not return an action's diagnostics, so which finding a fix answers is checked by applying it, below.)
    assert.ok(ds.length >= 4);
  });

  it('inserts the carve-out clause (as a snippet) after clause 2.1, and that finding goes away', async () => {
    const { doc, original } = await openContractCopy('quickfix');
    await waitForFixtureFindings(doc);
    const actions = await codeActionsAt(doc.uri, rangeOf(doc, GRANT));
    const fix = actions.find((a) => a.title === INSERT_SURVEILLANCE);
    assert.ok(fix, `"${INSERT_SURVEILLANCE}" offered; got:\n${actions.map((a) => a.title).join('\n')}`);
    // Clause placeholders (party names, the designated official) become tab stops through the client's snippet command.
    assert.strictEqual(fix.command?.command, 'clauselint.applySnippet');
    const args = fix.command.arguments?.[0] as ApplySnippetArgs;
    assert.strictEqual(args.version, doc.version, 'the fix is for the document version on screen');
    const clause = snippetPlainText(args.snippet).trim();
    // Numbered after 2.1, naming the fixture's own parties and defined term: the Agency, the Platform.
    assert.match(clause, /^2\.2 Prohibited Use: Domestic Surveillance\. Notwithstanding any other provision of this Agreement, the Agency shall not use, and shall not permit any person to use, the Platform or any output of the Platform for mass surveillance/);
    assert.doesNotMatch(clause, /\[the Customer\]|\[Services\]|\[the Provider\]/);
    // What only the drafter knows stays a tab stop.
    assert.match(args.snippet, /\$\{\d+:individualised legal\s+authority and the documented approval of \[designated official\]\}/);

    await runCodeAction(fix);

    const text = doc.getText();
    assert.ok(text.includes(clause), `the clause is in the document:\n${text}`);
    assert.ok(text.indexOf(clause) > text.indexOf(USE_CLAUSE) && text.indexOf(clause) < text.indexOf('## 3. The Services'), 'inserted after clause 2.1, inside section 2');
    assert.strictEqual(text.replace(clause, '').replace(/\n{3,}/g, '\n\n'), original, 'nothing else changed');
    assert.ok(doc.isDirty);
    const ds = await waitForDiagnostics(
      doc.uri,
      (list) => !list.some((d) => ruleOf(d) === SURVEILLANCE) && list.some((d) => ruleOf(d) === 'recommended/missing-weapons-carve-out'),
      `${SURVEILLANCE} to go away (and the weapons carve-out finding to stay)`,
    );
    // One carve-out still leaves the grant broad: it stays reported until both prohibited uses are excluded.
    assert.ok(ds.some((d) => ruleOf(d) === 'recommended/broad-use-grant'), describeDiagnostics(ds));
    assert.ok(ds.some((d) => ruleOf(d) === 'recommended/missing-audit-trigger'), describeDiagnostics(ds));
  });

  it('on a draft that already prohibits one use, the grant\'s fix inserts only the missing carve-out', async () => {
    const { editor, doc } = await openContractCopy('one-carve-out');
    await waitForFixtureFindings(doc);
    const own = '2.2 The Agency shall not use the Platform for domestic mass surveillance.';
    await editor.edit((b) => b.insert(rangeOf(doc, USE_CLAUSE).end, `\n\n${own}`));
    await waitForDiagnostics(
      doc.uri,
      (list) => !list.some((d) => ruleOf(d) === SURVEILLANCE) && list.some((d) => ruleOf(d) === 'recommended/broad-use-grant' && d.severity === vscode.DiagnosticSeverity.Warning),
      'the surveillance finding to go away, the grant staying broad',
    );
    const titles = (await codeActionsAt(doc.uri, rangeOf(doc, GRANT))).map((a) => a.title);
    assert.ok(!titles.some((t) => /surveillance/.test(t)), `no surveillance fix offered:\n${titles.join('\n')}`);
    const fix = (await codeActionsAt(doc.uri, rangeOf(doc, GRANT))).find((a) => a.title === 'Insert carve-out: autonomous weapons');
    assert.ok(fix, titles.join('\n'));
    await runCodeAction(fix);
    const text = doc.getText();
    assert.strictEqual(text.split('Prohibited Use: Autonomous Weapons.').length, 2, text);
    assert.strictEqual(text.split('mass surveillance').length, 2, `the draft's own prohibition stays the only one:\n${text}`);
    // After the draft's own 2.2, numbered 2.3, in the draft's own words.
    assert.ok(text.includes(`${own}\n\n2.3 Prohibited Use: Autonomous Weapons. The Agency shall not use the Platform to operate`), text);
    const ds = await waitForDiagnostics(
      doc.uri,
      (list) => !list.some((d) => ruleOf(d) === 'recommended/missing-weapons-carve-out') && !list.some((d) => ruleOf(d) === 'recommended/broad-use-grant' && isOpenMissionFinding(d)),
      'the weapons finding to go away and the grant to be qualified',
    );
    assert.ok(ds.some((d) => ruleOf(d) === 'recommended/missing-audit-trigger'), describeDiagnostics(ds));
  });

  it('inserts the escalation clause, and the audit-trigger finding goes away', async () => {
    const { doc } = await openContractCopy('quickfix-audit');
    await waitForFixtureFindings(doc);
    const actions = await codeActionsAt(doc.uri, rangeOf(doc, ESCALATION_ANCHOR));
    const fix = actions.find((a) => a.title.startsWith('Insert') && /escalation/.test(a.title));
    assert.ok(fix, actions.map((a) => a.title).join('\n'));
    const before = doc.getText();
    await runCodeAction(fix);
    assert.ok(doc.getText().length > before.length && doc.getText().includes(ESCALATION_ANCHOR), 'the missing elements are inserted, the gate kept');
    await waitForDiagnostics(
      doc.uri,
      (list) => !list.some((d) => ruleOf(d) === 'recommended/missing-audit-trigger') && list.some((d) => ruleOf(d) === SURVEILLANCE),
      'the audit-trigger finding to go away',
    );
  });
});
