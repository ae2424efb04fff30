/** The Clause Coverage view: which clause kinds the active contract has, and which are missing. */
import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  activateExtension, clauselintDiagnostics, closeAllEditors, codeActionsAt, FIX_ALL_KIND, isOpenMissionFinding, openContractCopy, poll, ruleOf,
  runCodeAction, waitForDiagnostics, waitForFixtureFindings,
} from './helpers';

interface CoverageRow {
  kind: string;
  label: string;
  description: string;
  status: 'present' | 'missing' | 'flagged' | 'absent' | 'qualified' | 'unqualified';
}
interface CoverageSnapshot {
  uri: string | undefined;
  summary: string | undefined;
  rows: CoverageRow[];
}

const MISSING = ['audit-trigger', 'carve-out:autonomous-weapons', 'carve-out:domestic-surveillance'];

/** clauselint.showCoverage reveals the view and resolves to the rows it then shows. */
function showCoverage(uri: vscode.Uri): Promise<CoverageSnapshot> {
  return poll(async () => {
    const s = await vscode.commands.executeCommand<CoverageSnapshot>('clauselint.showCoverage', uri.toString());
    return s && s.uri === uri.toString() ? s : undefined;
  }, `the coverage view to show ${uri.fsPath}`);
}

describe('the Clause Coverage view', function () {
  before(activateExtension);
  afterEach(closeAllEditors);

  it('lists the missing clause kinds of the active contract, and updates once they are added', async () => {
    const { doc } = await openContractCopy('coverage');
    await waitForFixtureFindings(doc);
    const before = await showCoverage(doc.uri);
    const status = (s: CoverageSnapshot) => Object.fromEntries(s.rows.map((r) => [r.kind, r.status]));
    const missing = before.rows.filter((r) => r.status === 'missing');
    assert.deepStrictEqual(missing.map((r) => r.kind).sort(), MISSING, JSON.stringify(before.rows, null, 1));
    for (const r of missing) assert.match(r.description, /^missing · \d+ finding/, `${r.kind}: ${r.description}`);
    assert.strictEqual(status(before)['broad-grant'], 'unqualified');
    assert.ok(missing.some((r) => r.label === 'Carve-out for domestic mass surveillance'), missing.map((r) => r.label).join(', '));
    assert.match(before.summary ?? '', /broad-use grant unqualified · 2 carve-outs missing · audit trigger missing/);
    // Kinds nothing requires are listed too, as absent (not as problems).
    assert.ok(before.rows.some((r) => r.status === 'absent'), 'absent kinds are listed');

    const [fixAll] = await codeActionsAt(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), FIX_ALL_KIND);
    await runCodeAction(fixAll);
    // The broad grant stays visible once qualified, at information severity.
    await waitForDiagnostics(doc.uri, (list) => !list.some(isOpenMissionFinding), 'the fixes to be linted');
    const after = await poll(async () => {
      const s = await showCoverage(doc.uri);
      return s.rows.every((r) => r.status !== 'missing') ? s : undefined;
    }, 'the coverage view to show no missing kinds');
    for (const kind of MISSING) assert.strictEqual(status(after)[kind], 'present', kind);
    assert.strictEqual(status(after)['broad-grant'], 'qualified');
    // Placeholders the inserted clauses leave to fill ("[designated official]") are findings, and
    // the summary counts them: never "no clause gaps" while one remains.
    const placeholders = clauselintDiagnostics(doc.uri).filter((d) => ruleOf(d) === 'recommended/unfilled-placeholder');
    for (const d of placeholders) assert.match(doc.getText(d.range), /^\[[^\]]*\]$/, 'a placeholder finding covers a bracketed placeholder');
    const left = new Set(placeholders.map((d) => doc.offsetAt(d.range.start))).size;
    console.log(`    (after fix-all: ${left} placeholders left; the code lens says "${after.summary}")`);
    if (left > 0) {
      assert.match(after.summary ?? '', new RegExp(`^broad-use grant qualified · ${left} placeholders? to fill · `));
      assert.doesNotMatch(after.summary ?? '', /no clause gaps/);
      assert.strictEqual(status(after)['unfilled-placeholder'], 'flagged');
    } else {
      assert.match(after.summary ?? '', /^broad-use grant qualified · no clause gaps/);
    }
  });
});
