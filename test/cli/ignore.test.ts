/** The CLI leaves out what the project ignores: .gitignore (in a git repository), .clauselintignore, `ignores:` in .clauselint.yaml; --no-ignore lints them all. */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { removeScratch, runCli, scratch } from './helpers';

const GRANT = 'The Supplier grants the Agency a licence to use the Model for any purpose whatsoever.\n';

function lintedPaths(args: string[], cwd: string): string[] {
  const run = runCli(['--format', 'json', ...args], { cwd });
  assert.ok(run.status === 0 || run.status === 1, run.stderr);
  return (JSON.parse(run.stdout) as { files: { path: string }[] }).files.map((f) => f.path);
}

function gitRepo(files: Record<string, string>): string {
  const dir = scratch(files);
  const init = spawnSync('git', ['init', '-q', dir]);
  // Without git on the machine a .git folder marks the repository just the same.
  if (init.status !== 0) fs.mkdirSync(path.join(dir, '.git'));
  return dir;
}

describe('clauselint CLI: ignored files', () => {
  const dirs: string[] = [];
  after(() => dirs.forEach(removeScratch));
  const repo = (files: Record<string, string>) => {
    const dir = gitRepo(files);
    dirs.push(dir);
    return dir;
  };

  it('leaves out what .gitignore lists in a git repository, nested .gitignore files relative to their folder', () => {
    const dir = repo({
      '.gitignore': 'contracts/old/\n',
      'contracts/msa.md': GRANT,
      'contracts/old/msa-2019.md': GRANT,
      'contracts/team/.gitignore': '*.draft.md\n',
      'contracts/team/nda.md': GRANT,
      'contracts/team/nda.draft.md': GRANT,
      'notes.draft.md': GRANT,
    });
    assert.deepStrictEqual(lintedPaths(['.'], dir), ['contracts/msa.md', 'contracts/team/nda.md', 'notes.draft.md']);
    assert.deepStrictEqual(lintedPaths(['contracts/**/*.md'], dir), ['contracts/msa.md', 'contracts/team/nda.md']);
  });

  it('keeps a file in a folder git ignores ignored, even if a deeper .gitignore re-includes it', () => {
    const dir = repo({ '.gitignore': 'old/\n', 'old/.gitignore': '!keep.md\n', 'old/keep.md': GRANT, 'new.md': GRANT });
    assert.deepStrictEqual(lintedPaths(['.'], dir), ['new.md']);
  });

  it('reads .gitignore only inside a git repository', () => {
    const dir = scratch({ '.gitignore': 'old/\n', 'old/a.md': GRANT, 'b.md': GRANT });
    dirs.push(dir);
    assert.deepStrictEqual(lintedPaths(['.'], dir), ['b.md', 'old/a.md']);
  });

  it('leaves out what the nearest .clauselintignore lists, in or out of a git repository', () => {
    const dir = scratch({ '.clauselintignore': '# drafts stay out\ndrafts/\n*.bak.md\n!keep.bak.md\n', 'drafts/a.md': GRANT, 'b.md': GRANT, 'c.bak.md': GRANT, 'keep.bak.md': GRANT });
    dirs.push(dir);
    assert.deepStrictEqual(lintedPaths(['.'], dir), ['b.md', 'keep.bak.md']);
  });

  it('leaves out what ignores: in .clauselint.yaml lists, relative to its folder, also when it comes through extends', () => {
    const dir = repo({
      'shared/base.yaml': 'ignores:\n  - "**/archive/"\n',
      'project/.clauselint.yaml': 'extends: ../shared/base.yaml\nignores:\n  - templates/*.md\n',
      'project/msa.md': GRANT,
      'project/archive/2020.md': GRANT,
      'project/templates/blank.md': GRANT,
      'project/templates/sub/kept.md': GRANT,
    });
    assert.deepStrictEqual(lintedPaths(['project'], dir), ['project/msa.md', 'project/templates/sub/kept.md']);
  });

  it('checks ignores: against the JSON schema: a list of strings', () => {
    const dir = scratch({ '.clauselint.yaml': 'ignores: archive/\n', 'a.md': GRANT });
    dirs.push(dir);
    const run = runCli(['a.md'], { cwd: dir });
    assert.strictEqual(run.status, 2);
    assert.match(run.stderr, /\.clauselint\.yaml:1:\d+: error: .*ignores/);
  });

  it('--no-ignore lints everything the ignore sources would leave out', () => {
    const dir = repo({
      '.gitignore': 'git/\n',
      '.clauselintignore': 'own/\n',
      '.clauselint.yaml': 'ignores: [config/]\n',
      'git/a.md': GRANT,
      'own/b.md': GRANT,
      'config/c.md': GRANT,
      'd.md': GRANT,
    });
    assert.deepStrictEqual(lintedPaths(['.'], dir), ['d.md']);
    assert.deepStrictEqual(lintedPaths(['--no-ignore', '.'], dir), ['config/c.md', 'd.md', 'git/a.md', 'own/b.md']);
  });

  it('skips an ignored file named on the command line with a warning naming the ignore file, and exits 0 when nothing else is left', () => {
    const dir = repo({ '.gitignore': 'old/\n', 'old/a.md': GRANT, '.clauselintignore': 'b.md\n', 'b.md': GRANT, 'c.md': GRANT });
    const both = runCli(['--format', 'json', 'old/a.md', 'b.md', 'c.md'], { cwd: dir });
    assert.deepStrictEqual((JSON.parse(both.stdout) as { files: { path: string }[] }).files.map((f) => f.path), ['c.md']);
    assert.match(both.stderr, /warning: old\/a\.md: File ignored because of a matching pattern in \.gitignore \(use --no-ignore to lint it\)/);
    assert.match(both.stderr, /warning: b\.md: File ignored because of a matching pattern in \.clauselintignore/);
    const alone = runCli(['old/a.md'], { cwd: dir });
    assert.strictEqual(alone.status, 0, alone.stderr);
    assert.match(alone.stderr, /File ignored because of/);
    assert.deepStrictEqual(lintedPaths(['--no-ignore', 'old/a.md'], dir), ['old/a.md']);
  });

  it('leaves ignored files out of the exceptions log too', () => {
    const suppressed = `<!-- clauselint-disable-next-line recommended/broad-use-grant -- reason: narrowed in the order form; approved-by: Legal -->\n${GRANT}`;
    const dir = repo({ '.gitignore': 'old/\n', 'old/a.md': suppressed, 'b.md': suppressed });
    const run = runCli(['exceptions', '--format', 'csv'], { cwd: dir });
    assert.strictEqual(run.status, 0, run.stderr);
    assert.match(run.stdout, /^b\.md,/m);
    assert.doesNotMatch(run.stdout, /old\/a\.md/);
  });

  it('warns, not fails, when a glob finds only ignored files', () => {
    const dir = repo({ '.gitignore': 'old/\n', 'old/a.md': GRANT });
    const run = runCli(['old/**/*.md'], { cwd: dir });
    assert.strictEqual(run.status, 0, run.stderr);
    assert.match(run.stderr, /every file old\/\*\*\/\*\.md finds \(1\) is ignored/);
  });
});
