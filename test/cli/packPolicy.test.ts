/**
 * What configs and packs may read on the command line: a `.clauselint.yaml`
 * in a pull request linted in CI may extend files of its repository, built-in
 * packs and npm packages, but not /etc/passwd or ~/.ssh/id_rsa; --pack-root
 * and --pack widen that on purpose. Nothing read by mistake is ever printed.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { realPathOf } from '../../server/src/packs/readScope';
import { BROAD, read, removeScratch, ruleIdsIn, runCli, scratch } from './helpers';

const SECRET = 'CANARY-ci-secret-91d4';

function pack(id: string, extendsList: string[] = []): string {
  return `pack: { id: ${id}, version: 1.0.0${extendsList.length ? `, extends: ${JSON.stringify(extendsList)}` : ''} }
rules:
  grant: { kind: flag, phrases: [any lawful purpose], message: Broad. }
`;
}

const PROJECT_HINT =
  'a config or pack may extend files in its project (the nearest folder with .git or package.json, else the current folder), built-in packs and npm packages; pass --pack-root <folder> to allow another folder';

describe('clauselint CLI: what configs and packs may read', () => {
  let dir: string;
  let home: string;
  let repo: string;
  let env: Record<string, string>;

  before(() => {
    dir = realPathOf(
      scratch({
        'home/.ssh/id_rsa': `-----BEGIN OPENSSH PRIVATE KEY-----\n${SECRET}\n-----END OPENSSH PRIVATE KEY-----\n`,
        'home/shared/team.yaml': pack('shared'),
        'home/shared/escape.yaml': pack('escape', ['../.ssh/id_rsa']),
        'repo/.git/HEAD': 'ref: refs/heads/main\n',
        'repo/packs/team.yaml': pack('team'),
        'repo/node_modules/team-npm/package.json': JSON.stringify({ name: 'team-npm', version: '1.0.0', clauselint: { pack: 'pack.yaml' } }),
        'repo/node_modules/team-npm/pack.yaml': pack('npm'),
        'repo/contracts/a.md': read(BROAD),
        'repo/packages/legal/package.json': '{}',
        'repo/packages/legal/.clauselint.yaml': 'extends: [../../packs/team.yaml, team-npm]\n',
        'repo/packages/legal/b.md': read(BROAD),
      }),
    );
    home = path.join(dir, 'home');
    repo = path.join(dir, 'repo');
    env = { HOME: home, USERPROFILE: home };
    fs.symlinkSync(path.join(home, '.ssh', 'id_rsa'), path.join(repo, 'packs', 'key.yaml'));
  });
  after(() => removeScratch(dir));

  function withConfig(config: string, args: string[]): ReturnType<typeof runCli> {
    fs.writeFileSync(path.join(repo, '.clauselint.yaml'), config);
    return runCli(args, { cwd: repo, env });
  }

  it("refuses a pull request's config extending /etc/passwd, ~/.ssh/id_rsa, `..` or a link out, at each entry, printing nothing of them", () => {
    const key = path.join(home, '.ssh', 'id_rsa');
    const run = withConfig(
      ['extends:', '  - clauselint:recommended', '  - /etc/passwd', `  - ${key}`, '  - ../home/.ssh/id_rsa', '  - ./packs/key.yaml', '  - ./packs/team.yaml', ''].join('\n'),
      ['--format', 'json', 'contracts/a.md'],
    );
    assert.strictEqual(run.status, 2, run.stderr);
    const outside = `is outside the project folder ${repo}: ${PROJECT_HINT}`;
    assert.strictEqual(
      run.stderr,
      [
        `.clauselint.yaml:3:5: error: cannot extend "/etc/passwd": /etc/passwd ${outside}`,
        `.clauselint.yaml:4:5: error: cannot extend "${key}": ${key} ${outside}`,
        `.clauselint.yaml:5:5: error: cannot extend "../home/.ssh/id_rsa": ${key} ${outside}`,
        `.clauselint.yaml:6:5: error: cannot extend "./packs/key.yaml": ${path.join(repo, 'packs', 'key.yaml')} (a symbolic link to ${key}) ${outside}`,
        '',
      ].join('\n'),
    );
    assert.strictEqual(run.stdout, '');
    assert.ok(!run.stderr.includes(SECRET) && !run.stderr.includes('root:'));
  });

  it('loads packs of the repository, npm packages and built-in packs; .git marks the project above a package.json', () => {
    const run = runCli(['--format', 'json', 'b.md'], { cwd: path.join(repo, 'packages', 'legal'), env });
    assert.strictEqual(run.status, 1, run.stderr);
    assert.deepStrictEqual(ruleIdsIn(run.stdout).filter((id) => !id.startsWith('recommended/')).sort(), ['npm/grant', 'team/grant']);
  });

  it('--pack-root allows a folder outside the project', () => {
    const config = 'extends: [../home/shared/team.yaml]\n';
    assert.strictEqual(withConfig(config, ['contracts/a.md']).status, 2);
    const run = withConfig(config, ['--pack-root', '../home/shared', '--format', 'json', 'contracts/a.md']);
    assert.strictEqual(run.status, 1, run.stderr);
    assert.deepStrictEqual(ruleIdsIn(run.stdout), ['shared/grant']);
  });

  it('a pack named with --pack loads from anywhere, but may not extend outside its own folder', () => {
    const ok = withConfig('extends: [./packs/team.yaml]\n', ['--pack', path.join(home, 'shared', 'team.yaml'), '--format', 'json', 'contracts/a.md']);
    assert.strictEqual(ok.status, 1, ok.stderr);
    assert.deepStrictEqual(ruleIdsIn(ok.stdout).sort(), ['shared/grant', 'team/grant']);
    const escape = path.join(home, 'shared', 'escape.yaml');
    const bad = withConfig('extends: [./packs/team.yaml]\n', ['--pack', escape, 'contracts/a.md']);
    assert.strictEqual(bad.status, 2);
    assert.match(bad.stderr, new RegExp(`^${escape.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1:47: error: cannot extend "\\.\\./\\.ssh/id_rsa": .* is outside the project folder ${path.join(home, 'shared').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:`));
    assert.ok(!bad.stderr.includes(SECRET));
  });

  it('test-rules and explain follow the same rule', () => {
    const tested = runCli(['test-rules', path.join(home, 'shared', 'escape.yaml')], { cwd: repo, env });
    assert.strictEqual(tested.status, 2);
    assert.match(tested.stderr, /cannot extend "\.\.\/\.ssh\/id_rsa": .* is outside the project folder/);
    const explained = withConfig('extends: [../home/shared/team.yaml, ./packs/team.yaml]\n', ['explain', 'shared/grant']);
    assert.strictEqual(explained.status, 2, explained.stdout);
    assert.match(explained.stderr, /^\.clauselint\.yaml:1:11: error: cannot extend "\.\.\/home\/shared\/team\.yaml": .* is outside the project folder .*\nclauselint: unknown rule "shared\/grant"/);
    const allowed = withConfig('extends: [../home/shared/team.yaml, ./packs/team.yaml]\n', ['explain', 'shared/grant', '--pack-root', '../home/shared']);
    assert.strictEqual(allowed.status, 0, allowed.stderr);
  });

  it('a --config that is not a pack is reported without its content', () => {
    for (const file of [path.join(home, '.ssh', 'id_rsa'), '/etc/passwd']) {
      if (!fs.existsSync(file)) continue;
      const run = runCli(['--config', file, 'contracts/a.md'], { cwd: repo, env });
      assert.strictEqual(run.status, 2, file);
      assert.match(run.stderr, /:1:1: error: (a rule pack must be a YAML mapping|not a rule pack)/);
      assert.ok(!run.stderr.includes(SECRET) && !run.stderr.includes('root:') && !run.stdout.includes(SECRET), run.stderr);
    }
  });
});
