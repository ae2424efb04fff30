/**
 * What the CLI says about rules that change between pack versions: one
 * warning per run on stderr, never a finding, for a deprecated rule the config
 * enables and for a setting that names a replaced rule id.
 */
import * as assert from 'assert';
import { removeScratch, ruleIdsIn, runCli, scratch } from './helpers';

const PACK = `pack: { id: team, version: 2.0.0 }
rules:
  notice-deadline:
    kind: flag
    phrases: [promptly]
    message: No deadline.
  old-audit:
    kind: flag
    phrases: [at its discretion]
    message: Discretionary audit.
    deprecated: superseded by notice-deadline; removed in 3.0
  vague-notice:
    replacedBy: notice-deadline
    deprecated: renamed in 2.0
`;

const DRAFT = 'The Provider shall promptly notify the Customer. The Customer may audit at its discretion.\n';

describe('clauselint CLI: deprecated and replaced rules', () => {
  let dir: string;
  before(() => {
    dir = scratch({ 'team.yaml': PACK, 'a.md': DRAFT, 'b.md': DRAFT, 'off/.clauselint.yaml': 'extends: ../team.yaml\nrules:\n  old-audit: off\n', 'off/c.md': DRAFT });
  });
  after(() => removeScratch(dir));

  const DEPRECATION =
    'clauselint: warning: rule team/old-audit is deprecated: superseded by notice-deadline; removed in 3.0. ' +
    'It still runs; turn it off ("team/old-audit: off" under rules: in .clauselint.yaml) or follow the pack\'s advice\n';

  it('warns once per run, on stderr, when the config enables a deprecated rule, which still runs', () => {
    const run = runCli(['--config', 'team.yaml', '--format', 'json', 'a.md', 'b.md'], { cwd: dir });
    assert.strictEqual(run.status, 1);
    assert.strictEqual(run.stderr, DEPRECATION);
    assert.deepStrictEqual(ruleIdsIn(run.stdout), ['team/notice-deadline', 'team/old-audit', 'team/notice-deadline', 'team/old-audit']);
  });

  it('says nothing once the config turns the deprecated rule off', () => {
    const run = runCli(['--format', 'json', 'off/c.md'], { cwd: dir });
    assert.strictEqual(run.stderr, '');
    assert.deepStrictEqual(ruleIdsIn(run.stdout), ['team/notice-deadline']);
  });

  it('applies a setting for a replaced id to the replacement, with one located warning for the run', () => {
    const ws = scratch({ 'team.yaml': PACK, '.clauselint.yaml': 'extends: ./team.yaml\nrules:\n  vague-notice: error\n  old-audit: off\n', 'a.md': DRAFT, 'b.md': DRAFT });
    try {
      const run = runCli(['--format', 'json', 'a.md', 'b.md'], { cwd: ws });
      assert.strictEqual(
        run.stderr,
        '.clauselint.yaml:3:3: warning: "vague-notice" was replaced by team/notice-deadline (renamed in 2.0): this setting now applies to team/notice-deadline; rename it here\n',
      );
      const findings = JSON.parse(run.stdout).files.flatMap((f: { findings: { ruleId: string; severity: string }[] }) => f.findings);
      assert.deepStrictEqual(findings.map((f: { ruleId: string; severity: string }) => `${f.ruleId}:${f.severity}`), ['team/notice-deadline:error', 'team/notice-deadline:error']);
    } finally {
      removeScratch(ws);
    }
  });

  it('explain shows what a replaced id became', () => {
    const run = runCli(['explain', 'team/vague-notice', '--config', 'team.yaml'], { cwd: dir });
    assert.strictEqual(run.status, 0, run.stderr);
    assert.match(run.stdout, /^team\/vague-notice was replaced by team\/notice-deadline \(renamed in 2\.0\)\.\n\nteam\/notice-deadline\n/);
  });

  it('accepts a version range on --pack', () => {
    const ws = scratch({
      'node_modules/@acme/rules/package.json': JSON.stringify({ name: '@acme/rules', version: '2.0.0', clauselint: { pack: 'team.yaml' } }),
      'node_modules/@acme/rules/team.yaml': PACK,
      'a.md': DRAFT,
    });
    try {
      const ok = runCli(['--pack', '@acme/rules@2.x', '--format', 'json', 'a.md'], { cwd: ws });
      assert.ok(ruleIdsIn(ok.stdout).includes('team/notice-deadline'), ok.stdout + ok.stderr);
      const old = runCli(['--pack', '@acme/rules@<2', 'a.md'], { cwd: ws });
      assert.strictEqual(old.status, 2);
      assert.match(old.stderr, /@acme\/rules is version 2\.0\.0 \(its pack\.version\), which does not satisfy <2/);
    } finally {
      removeScratch(ws);
    }
  });
});
