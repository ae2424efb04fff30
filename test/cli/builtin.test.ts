/**
 * The CLI with no configuration, i.e. with the built-in recommended pack.
 * Only rule ids and positions are asserted, so the pack's wording can change.
 * Runs in a scratch folder so that no .clauselint.yaml above the repository
 * changes the defaults.
 */
import * as assert from 'assert';
import * as path from 'path';
import { fixture, isSubsequence, JsonRange, read, removeScratch, ruleIdsIn, runCli, scratch, textAt } from './helpers';

const MISSION_RULES = [
  'recommended/broad-use-grant',
  'recommended/missing-audit-trigger',
  'recommended/missing-surveillance-carve-out',
  'recommended/missing-weapons-carve-out',
];

/** Rule ids of the findings above info: once the carve-outs are in, the broad grant stays only as an info finding (qualified). */
const PLACEHOLDER_RULE = 'recommended/unfilled-placeholder';

function warningIdsIn(json: string): string[] {
  const files = JSON.parse(json).files as { findings: { ruleId: string; severity: string }[] }[];
  return files.flatMap((f) => f.findings.filter((x) => x.severity !== 'info').map((x) => x.ruleId));
}

describe('clauselint CLI: built-in recommended pack', () => {
  let dir: string;
  const draft = read(fixture('contracts', 'builtin-ai-draft.md'));
  before(() => {
    dir = scratch({ 'draft.md': draft });
  });
  after(() => removeScratch(dir));

  it('reports the broad grant at its words, the missing carve-outs and the missing audit trigger', () => {
    const run = runCli(['--format', 'json', 'draft.md'], { cwd: dir });
    assert.strictEqual(run.status, 1, run.stderr);
    const findings = JSON.parse(run.stdout).files[0].findings as { ruleId: string; range: JsonRange; fixes: { type: string }[] }[];
    for (const id of MISSION_RULES) {
      const finding = findings.find((f) => f.ruleId === id);
      assert.ok(finding, `${id} in ${run.stdout}`);
      assert.ok(finding!.fixes.some((f) => f.type === 'insert-clause'), `${id} has a clause to insert`);
    }
    const grant = findings.find((f) => f.ruleId === 'recommended/broad-use-grant')!;
    assert.strictEqual(textAt(draft, grant.range), 'any lawful purpose');
  });

  it('--fix inserts clauses only, and linting again leaves none of those findings, only placeholders to fill', () => {
    const fix = runCli(['--fix', 'draft.md'], { cwd: dir });
    assert.ok(isSubsequence(draft, fix.stdout), 'the text outside the inserted clauses is unchanged');
    const again = runCli(['--format', 'json', '--stdin-filename', 'draft.md', '-'], { cwd: dir, input: fix.stdout });
    const remaining = warningIdsIn(again.stdout);
    for (const id of MISSION_RULES) assert.ok(!remaining.includes(id), `${id} remains after --fix: ${again.stdout}`);
    // What the inserted clauses leave in brackets is still to fill in: a warning, so --fix exits 1 while any remains.
    assert.deepStrictEqual(remaining.filter((id) => id !== PLACEHOLDER_RULE), []);
    assert.strictEqual(fix.status, remaining.length > 0 ? 1 : 0, fix.stderr);
    assert.ok(ruleIdsIn(again.stdout).includes('recommended/broad-use-grant'), 'the qualified grant stays visible (info)');
  });

  it('--fix --write then a second lint is clean of the mission rules', () => {
    const copy = scratch({ 'contracts/draft.md': draft });
    try {
      const fix = runCli(['--fix', '--write', 'contracts'], { cwd: copy });
      const again = runCli(['--format', 'json', 'contracts'], { cwd: copy });
      for (const id of MISSION_RULES) assert.ok(!warningIdsIn(again.stdout).includes(id), id);
      const placeholders = warningIdsIn(again.stdout).filter((id) => id === PLACEHOLDER_RULE).length;
      assert.strictEqual(fix.status, placeholders > 0 ? 1 : 0, 'exit 1 while placeholders are left to fill');
      assert.ok(isSubsequence(draft, read(path.join(copy, 'contracts/draft.md'))));
    } finally {
      removeScratch(copy);
    }
  });

  it('lists the built-in rules in SARIF', () => {
    const run = runCli(['--format', 'sarif', 'draft.md'], { cwd: dir });
    const sarif = JSON.parse(run.stdout);
    const ids = sarif.runs[0].tool.driver.rules.map((r: { id: string }) => r.id);
    for (const id of MISSION_RULES) assert.ok(ids.includes(id), id);
    for (const r of sarif.runs[0].results) assert.strictEqual(ids[r.ruleIndex], r.ruleId);
  });
});
