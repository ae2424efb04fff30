/** Live diagnostics in the editor: on open, for unsaved edits, only for contract files; hover and code lens. */
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  activateExtension, clauselintDiagnostics, closeAllEditors, describeDiagnostics, GRANT, GRANT_RULES, MISSION_RULES, openContractCopy, poll,
  rangeOf, ruleOf, sameRange, USE_CLAUSE, waitForDiagnostics, waitForFixtureFindings, workspaceRoot,
} from './helpers';

/** A second broad grant, typed into the draft after clause 2.1 (and never saved). */
const ADDED = '2.2 The Supplier may use the Outputs for any purpose whatsoever.';
const ADDED_GRANT = 'any purpose whatsoever'; // the openness the grant recogniser reports

describe('diagnostics in the editor', function () {
  before(activateExtension);
  afterEach(closeAllEditors);

  it('lints a contract when it is opened: each finding has its rule id as code, a docs link and the grant as its range', async () => {
    const { doc } = await openContractCopy('open');
    const ds = await waitForFixtureFindings(doc);
    const grant = rangeOf(doc, GRANT);
    assert.deepStrictEqual([...new Set(ds.map(ruleOf))].sort(), [...MISSION_RULES].sort(), describeDiagnostics(ds));
    for (const d of ds) {
      if (ruleOf(d) === 'recommended/missing-audit-trigger') assert.match(d.message, /escalation path in Section 3/);
      else assert.ok(sameRange(d.range, grant), `${ruleOf(d)} is on "${GRANT}"`);
      assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Warning);
      assert.ok(typeof d.code === 'object' && d.code.target.scheme === 'clauselint-docs', `${ruleOf(d)} links to its docs (${JSON.stringify(d.code)})`);
      assert.ok(d.message.length > 40, 'the message says what is wrong and what to do');
    }
    const grantFinding = ds.find((d) => ruleOf(d) === 'recommended/broad-use-grant')!;
    assert.match(grantFinding.message, /any lawful purpose/);
  });

  it('lints an unsaved edit: a broad grant typed into the draft is flagged before any save', async () => {
    const { editor, doc } = await openContractCopy('unsaved');
    await waitForFixtureFindings(doc);
    const after31 = rangeOf(doc, USE_CLAUSE).end;
    assert.ok(await editor.edit((b) => b.insert(after31, `\n\n${ADDED}`)), 'the edit applies');
    assert.ok(doc.isDirty, 'the edit is not saved');
    const added = rangeOf(doc, ADDED_GRANT);
    const ds = await waitForDiagnostics(
      doc.uri,
      (list) => list.some((d) => ruleOf(d) === 'recommended/broad-use-grant' && sameRange(d.range, added)),
      `a broad-use-grant finding on "${ADDED_GRANT}" (line ${added.start.line + 1})`,
    );
    assert.ok(doc.isDirty, 'still unsaved when the diagnostics arrive');
    const onAdded = ds.filter((d) => d.range.start.line === added.start.line);
    assert.deepStrictEqual(
      onAdded.map(ruleOf).sort(),
      ['recommended/broad-use-grant', 'recommended/missing-surveillance-carve-out', 'recommended/missing-weapons-carve-out'],
      describeDiagnostics(ds),
    );
    for (const d of onAdded) assert.ok(sameRange(d.range, added), `${ruleOf(d)} covers "${ADDED_GRANT}" exactly`);
    // The original grant keeps its findings, at its unchanged position.
    const grant = rangeOf(doc, GRANT);
    assert.deepStrictEqual(ds.filter((d) => sameRange(d.range, grant)).map(ruleOf).sort(), [...GRANT_RULES].sort());
  });

  it('follows further unsaved edits: deleting the typed grant removes its findings', async () => {
    const { editor, doc } = await openContractCopy('undo');
    await waitForFixtureFindings(doc);
    await editor.edit((b) => b.insert(rangeOf(doc, USE_CLAUSE).end, `\n\n${ADDED}`));
    await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => d.range.start.line === rangeOf(doc, ADDED_GRANT).start.line), 'findings on the typed grant');
    const typed = rangeOf(doc, `\n\n${ADDED}`);
    await editor.edit((b) => b.delete(typed));
    const grant = rangeOf(doc, GRANT);
    const ds = await waitForDiagnostics(
      doc.uri,
      (list) => list.length === MISSION_RULES.length && list.filter((d) => sameRange(d.range, grant)).length === GRANT_RULES.length,
      'only the findings of the fixture (clause 2.1 and the escalation finding)',
    );
    assert.strictEqual(ds.length, 4);
    assert.ok(doc.isDirty);
  });

  it('leaves Markdown outside the clauselint.files globs alone (notes/ is not contracts/)', async () => {
    const notes = vscode.Uri.file(path.join(workspaceRoot(), 'notes', 'meeting-notes.md'));
    const doc = await vscode.workspace.openTextDocument(notes);
    await vscode.window.showTextDocument(doc);
    assert.match(doc.getText(), /any lawful purpose/);
    // The server answers "not linted" (null coverage) for it, and publishes nothing.
    const coverage = await vscode.commands.executeCommand<{ uri?: string; rows: unknown[] }>('clauselint.showCoverage', notes.toString());
    assert.deepStrictEqual(coverage.rows, []);
    // A contract opened afterwards is linted: by then the notes would have had their diagnostics too.
    const { doc: contract } = await openContractCopy('after-notes');
    await waitForFixtureFindings(contract);
    assert.deepStrictEqual(clauselintDiagnostics(notes), [], describeDiagnostics(clauselintDiagnostics(notes)));
  });

  it('explains a finding on hover and summarises coverage in a code lens', async () => {
    const { doc } = await openContractCopy('hover');
    await waitForFixtureFindings(doc);
    const at = rangeOf(doc, GRANT).start.translate(0, 3);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at);
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /recommended\/broad-use-grant/);
    assert.match(text, /\*Why:\* /);
    const lenses = await poll(async () => {
      const l = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
      return l?.find((x) => x.command?.title.startsWith('ClauseLint:'));
    }, 'the ClauseLint code lens');
    assert.strictEqual(lenses.range.start.line, 0);
    assert.match(lenses.command!.title, /carve-outs? missing/);
    assert.match(lenses.command!.title, /audit trigger missing/);
    assert.strictEqual(lenses.command!.command, 'clauselint.showCoverage');
  });
});
