/**
 * The example team pack (examples/team-pack), used the two ways a team shares
 * a pack: as a folder extended by relative path, and as an npm package found
 * in node_modules (pinned to a version range or not). Also `test-rules` on
 * it, by path and by package name.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { read, removeScratch, ROOT, ruleIdsIn, runCli, scratch } from '../cli/helpers';

const PACK_DIR = path.join(ROOT, 'examples', 'team-pack');
const PACKAGE = '@example/clauselint-team-pack';
const TEAM_RULES = ['example-team/missing-export-control', 'example-team/vague-deadline'];

/** An AI services draft that breaks both team rules: no export-control clause, and notice "promptly". */
const DRAFT = `# Model Delivery Agreement

1. The Contractor shall deliver the trained machine learning models and related AI services to the Agency.

2. The Contractor shall promptly notify the Agency of any security incident.
`;

function copyPack(to: string): void {
  fs.cpSync(PACK_DIR, to, { recursive: true });
}

function workspace(config: string, install: 'folder' | 'package'): string {
  const dir = scratch({ '.clauselint.yaml': config, 'contracts/draft.md': DRAFT });
  copyPack(install === 'folder' ? path.join(dir, 'packs', 'team-pack') : path.join(dir, 'node_modules', ...PACKAGE.split('/')));
  return dir;
}

describe('example team pack', () => {
  it('is laid out as a published package', () => {
    const pkg = JSON.parse(read(path.join(PACK_DIR, 'package.json')));
    assert.strictEqual(pkg.name, PACKAGE);
    assert.deepStrictEqual(pkg.clauselint, { pack: 'pack.yaml' });
    assert.deepStrictEqual(pkg.files, ['pack.yaml', 'README.md']);
    for (const file of pkg.files) assert.ok(fs.existsSync(path.join(PACK_DIR, file)), file);
    const packVersion = /^ {2}version: (\S+)$/m.exec(read(path.join(PACK_DIR, 'pack.yaml')))?.[1];
    assert.strictEqual(packVersion, pkg.version, 'pack.version and the package version move together');
  });

  const cases: [string, string, 'folder' | 'package'][] = [
    ['by relative path', 'extends:\n  - clauselint:recommended\n  - ./packs/team-pack/pack.yaml\n', 'folder'],
    ['by package name from node_modules', `extends:\n  - clauselint:recommended\n  - "${PACKAGE}"\n`, 'package'],
    ['by package name pinned to a range it satisfies', `extends:\n  - clauselint:recommended\n  - "${PACKAGE}@^1.2.0"\n`, 'package'],
  ];
  for (const [how, config, install] of cases) {
    it(`fires its team rules in a workspace that extends it ${how}`, () => {
      const dir = workspace(config, install);
      try {
        const run = runCli(['--format', 'json', 'contracts'], { cwd: dir });
        assert.strictEqual(run.stderr, '');
        assert.strictEqual(run.status, 1);
        const ids = ruleIdsIn(run.stdout);
        for (const id of TEAM_RULES) assert.ok(ids.includes(id), `${id} in ${ids.join(', ')}`);
        assert.ok(ids.includes('recommended/missing-audit-trigger'), 'the recommended pack it extends runs too');
      } finally {
        removeScratch(dir);
      }
    });
  }

  it('reports a located error, exit 2, when the installed version does not satisfy the pin', () => {
    const dir = workspace(`extends:\n  - clauselint:recommended\n  - "${PACKAGE}@^2.0.0"\n`, 'package');
    try {
      const run = runCli(['contracts'], { cwd: dir });
      assert.strictEqual(run.status, 2);
      assert.strictEqual(
        run.stderr,
        `.clauselint.yaml:3:5: error: cannot extend "${PACKAGE}@^2.0.0": ${PACKAGE} is version 1.2.0 (its pack.version), which does not satisfy ^2.0.0\n`,
      );
    } finally {
      removeScratch(dir);
    }
  });

  it('maps a setting for its renamed rule to the new rule, with one warning', () => {
    const dir = workspace(`extends:\n  - "${PACKAGE}"\nrules:\n  example-team/timely-notice: error\n`, 'package');
    try {
      const run = runCli(['--format', 'json', 'contracts'], { cwd: dir });
      assert.strictEqual(
        run.stderr,
        '.clauselint.yaml:4:3: warning: "example-team/timely-notice" was replaced by example-team/vague-deadline (renamed to vague-deadline in 1.2.0): ' +
          'this setting now applies to example-team/vague-deadline; rename it here\n',
      );
      const findings = JSON.parse(run.stdout).files[0].findings as { ruleId: string; severity: string }[];
      assert.strictEqual(findings.find((f) => f.ruleId === 'example-team/vague-deadline')?.severity, 'error');
    } finally {
      removeScratch(dir);
    }
  });

  it('inserts its export-control clause with --fix, which then satisfies the rule', () => {
    const dir = workspace('extends:\n  - ./packs/team-pack/pack.yaml\n', 'folder');
    try {
      const fixed = runCli(['--fix', 'contracts/draft.md'], { cwd: dir });
      assert.match(fixed.stdout, /Export Control\. Each party shall comply with all applicable export control laws/);
      const again = runCli(['--format', 'json', '--stdin-filename', 'contracts/draft.md'], { cwd: dir, input: fixed.stdout });
      assert.ok(!ruleIdsIn(again.stdout).includes('example-team/missing-export-control'), again.stdout);
    } finally {
      removeScratch(dir);
    }
  });

  describe('test-rules', () => {
    it('passes for the pack given by path', () => {
      const run = runCli(['test-rules', path.join(PACK_DIR, 'pack.yaml')]);
      assert.strictEqual(run.status, 0, run.stdout + run.stderr);
      assert.match(run.stdout, /✓ example-team\/missing-export-control {2}\(3 fire, 3 pass\)/);
      assert.match(run.stdout, /✓ example-team\/vague-deadline {2}\(3 fire, 3 pass\)/);
      assert.match(run.stdout, /2 rules: 2 passed, 0 failed \(12 examples\)/);
    });

    it('passes for the pack given by npm package name (with or without a range)', () => {
      const dir = workspace('extends: clauselint:recommended\n', 'package');
      try {
        for (const spec of [PACKAGE, `${PACKAGE}@^1.2.0`]) {
          const run = runCli(['test-rules', spec], { cwd: dir });
          assert.strictEqual(run.status, 0, run.stdout + run.stderr);
          assert.match(run.stdout, new RegExp(`^${spec.replace(/[.^/@]/g, '\\$&')} {2}node_modules/@example/clauselint-team-pack/pack\\.yaml$`, 'm'));
          assert.match(run.stdout, /2 rules: 2 passed, 0 failed/);
        }
        const wrong = runCli(['test-rules', `${PACKAGE}@^3`], { cwd: dir });
        assert.strictEqual(wrong.status, 2);
        assert.match(wrong.stderr, /cannot load pack @example\/clauselint-team-pack@\^3: .* is version 1\.2\.0 \(its pack\.version\), which does not satisfy \^3/);
      } finally {
        removeScratch(dir);
      }
    });

    it('fails with exit 1 and names the broken example when one is wrong', () => {
      const dir = workspace('extends: clauselint:recommended\n', 'package');
      try {
        const packFile = path.join(dir, 'node_modules', '@example', 'clauselint-team-pack', 'pack.yaml');
        const broken = read(packFile).replace('- The Contractor shall promptly pay each undisputed invoice.', '- The Contractor shall promptly notify the Agency of each invoice.');
        fs.writeFileSync(packFile, broken);
        const run = runCli(['test-rules', PACKAGE], { cwd: dir });
        assert.strictEqual(run.status, 1, run.stdout + run.stderr);
        assert.match(run.stdout, /✗ example-team\/vague-deadline {2}\(3 fire, 3 pass\)/);
        assert.match(run.stdout, /pass example 3 reported 1 finding, but should report none:\n\s+\| The Contractor shall promptly notify the Agency of each invoice\.\n\s+→ 1:22 "promptly" example-team\/vague-deadline: /);
        assert.match(run.stdout, /2 rules: 1 passed, 1 failed/);
      } finally {
        removeScratch(dir);
      }
    });
  });
});
