/** `clauselint init`: a working config and starter pack, and never a silent overwrite. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { read, removeScratch, ruleIdsIn, runCli, scratch } from './helpers';

const AI_DRAFT = 'The Provider shall host the AI services and machine learning models for the Customer.\n';

describe('clauselint init', () => {
  let dir: string;
  beforeEach(() => {
    dir = scratch();
  });
  afterEach(() => removeScratch(dir));

  it('writes .clauselint.yaml and a starter team pack, and says what to run next', () => {
    const run = runCli(['init'], { cwd: dir });
    assert.strictEqual(run.status, 0, run.stderr);
    assert.match(run.stdout, /^created \.clauselint\.yaml$/m);
    assert.match(run.stdout, /^created clauselint\/team-pack\.yaml$/m);
    assert.match(run.stdout, /npx clauselint test-rules clauselint\/team-pack\.yaml/);
    const config = read(path.join(dir, '.clauselint.yaml'));
    assert.match(config, /^ {2}- clauselint:recommended/m);
    assert.match(config, /^ {2}- \.\/clauselint\/team-pack\.yaml/m);
    assert.match(config, /^ {2}# recommended\/broad-use-grant: error$/m, 'a commented severity example');
    assert.match(config, /^# overrides:$/m, 'a commented overrides example');
  });

  it('writes a pack whose examples pass test-rules right away', () => {
    assert.strictEqual(runCli(['init'], { cwd: dir }).status, 0);
    const run = runCli(['test-rules', 'clauselint/team-pack.yaml'], { cwd: dir });
    assert.strictEqual(run.status, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /✓ team\/missing-data-deletion {2}\(1 fire, 1 pass\)/);
    assert.match(run.stdout, /1 rule: 1 passed, 0 failed/);
  });

  it('gives a config that loads cleanly and runs the team rule, whose fix inserts the pack\'s clause', () => {
    assert.strictEqual(runCli(['init'], { cwd: dir }).status, 0);
    fs.writeFileSync(path.join(dir, 'draft.md'), AI_DRAFT);
    const lint = runCli(['--format', 'json', 'draft.md'], { cwd: dir });
    assert.strictEqual(lint.stderr, '');
    assert.ok(ruleIdsIn(lint.stdout).includes('team/missing-data-deletion'), lint.stdout);
    const fixed = runCli(['--fix', 'draft.md'], { cwd: dir });
    assert.match(fixed.stdout, /Return and Deletion of Data\. Within thirty \(30\) days after termination/);
    const again = runCli(['--format', 'json', '--stdin-filename', 'draft.md'], { cwd: dir, input: fixed.stdout });
    assert.ok(!ruleIdsIn(again.stdout).includes('team/missing-data-deletion'), again.stdout);
  });

  it('refuses to overwrite an existing file: exit 2, a clear message, nothing written', () => {
    fs.writeFileSync(path.join(dir, '.clauselint.yaml'), 'extends: clauselint:recommended\n');
    const run = runCli(['init'], { cwd: dir });
    assert.strictEqual(run.status, 2);
    assert.match(run.stderr, /^clauselint: \.clauselint\.yaml already exists; nothing was written \(run clauselint init --force to overwrite\)$/m);
    assert.strictEqual(read(path.join(dir, '.clauselint.yaml')), 'extends: clauselint:recommended\n');
    assert.ok(!fs.existsSync(path.join(dir, 'clauselint')), 'the pack is not written either');
  });

  it('refuses when a .clauselint.yml would be shadowed', () => {
    fs.writeFileSync(path.join(dir, '.clauselint.yml'), 'extends: clauselint:recommended\n');
    const run = runCli(['init'], { cwd: dir });
    assert.strictEqual(run.status, 2);
    assert.match(run.stderr, /\.clauselint\.yml already exists/);
  });

  it('overwrites with --force', () => {
    fs.mkdirSync(path.join(dir, 'clauselint'));
    fs.writeFileSync(path.join(dir, 'clauselint', 'team-pack.yaml'), 'old');
    const run = runCli(['init', '--force'], { cwd: dir });
    assert.strictEqual(run.status, 0, run.stderr);
    assert.match(run.stdout, /^overwrote clauselint\/team-pack\.yaml$/m);
    assert.match(read(path.join(dir, 'clauselint', 'team-pack.yaml')), /id: team/);
  });

  it('writes into a named folder, and exits 2 for a folder that does not exist', () => {
    fs.mkdirSync(path.join(dir, 'legal'));
    assert.strictEqual(runCli(['init', 'legal'], { cwd: dir }).status, 0);
    assert.ok(fs.existsSync(path.join(dir, 'legal', '.clauselint.yaml')));
    const missing = runCli(['init', 'nowhere'], { cwd: dir });
    assert.strictEqual(missing.status, 2);
    assert.match(missing.stderr, /cannot initialise nowhere: no such folder/);
  });
});
