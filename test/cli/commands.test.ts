/** The `test-rules` and `explain` commands. */
import * as assert from 'assert';
import { fixture, runCli, TEST_PACK } from './helpers';

describe('clauselint CLI: test-rules', () => {
  it('passes on every built-in pack by default', () => {
    const run = runCli(['test-rules']);
    assert.strictEqual(run.status, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /clauselint:recommended/);
    assert.match(run.stdout, /✓ recommended\/broad-use-grant/);
    assert.match(run.stdout, /\d+ rules: \d+ passed, 0 failed/);
    assert.doesNotMatch(run.stdout, /✗/);
  });

  it('passes on a pack given by path, listing each rule with its example counts', () => {
    const run = runCli(['test-rules', TEST_PACK]);
    assert.strictEqual(run.status, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /✓ clitest\/broad-use-grant {2}\(3 fire, 3 pass\)/);
    assert.match(run.stdout, /6 rules: 6 passed, 0 failed \(36 examples\)/);
  });

  it('fails with exit 1 and shows the failing examples and what was found', () => {
    const run = runCli(['test-rules', fixture('packs', 'failing-examples.yaml')]);
    assert.strictEqual(run.status, 1, run.stdout + run.stderr);
    assert.match(run.stdout, /✗ failing\/broad-grant/);
    assert.match(run.stdout, /fire example 2 reported nothing, but should report this rule:\n\s+\| The Government may use the Services for every purpose it likes\./);
    assert.match(run.stdout, /pass example 2 reported 1 finding, but should report none:\n\s+\| The Agency may use the data for any lawful purpose\.\n\s+→ 1:33 "any lawful purpose" failing\/broad-grant: Broad grant "any lawful purpose"\./);
    assert.match(run.stdout, /no fire or pass examples/);
    assert.match(run.stdout, /2 rules: 1 passed, 1 failed/);
  });

  it('fails a fire example whose rule fires, but not on the phrase its `match` names', () => {
    const run = runCli(['test-rules', fixture('packs', 'match-examples.yaml')]);
    assert.strictEqual(run.status, 1, run.stdout + run.stderr);
    assert.match(run.stdout, /✗ matching\/vague-notice {2}\(3 fire, 1 pass\)/);
    assert.match(run.stdout, /fire example 2 reported this rule, but no finding covers "within ten days":\n\s+\| The Supplier shall report each defect promptly and fix it within ten days\.\n\s+→ 1:39 "promptly" matching\/vague-notice/);
    assert.doesNotMatch(run.stdout, /fire example [13]/, 'a match that differs only in case and spacing, and an example without a match, pass');
    assert.match(run.stdout, /1 rules?: 0 passed, 1 failed \(4 examples\)/);
  });

  it('exits 2 with located errors when the pack does not load', () => {
    const run = runCli(['test-rules', fixture('packs', 'malformed.yaml')]);
    assert.strictEqual(run.status, 2);
    assert.match(run.stderr, /malformed\.yaml:11:\d+: error:/);
  });

  it('exits 2 for an unknown pack', () => {
    const run = runCli(['test-rules', 'clauselint:no-such-pack']);
    assert.strictEqual(run.status, 2);
    assert.match(run.stderr, /cannot load pack clauselint:no-such-pack/);
  });
});

describe('clauselint CLI: explain', () => {
  it('shows a rule with its pack, kind, severity, docs, source and examples', () => {
    const run = runCli(['explain', 'clitest/broad-use-grant', '--config', TEST_PACK]);
    assert.strictEqual(run.status, 0, run.stderr);
    assert.match(run.stdout, /^clitest\/broad-use-grant$/m);
    assert.match(run.stdout, /pack +clitest +\(.*clitest\.yaml:\d+\)/);
    assert.match(run.stdout, /kind +flag/);
    assert.match(run.stdout, /severity +warning/);
    assert.match(run.stdout, /clause kind +broad-grant/);
    assert.match(run.stdout, /source +Test source 1\.2/);
    assert.match(run.stdout, /fix +insert clause "Surveillance carve-out"/);
    assert.match(run.stdout, /A grant for any lawful purpose lets the buyer/);
    assert.match(run.stdout, /Reports on \(examples\.fire\):\n {2}- The Government may use the Services for any lawful purpose\./);
    assert.match(run.stdout, /Stays silent on \(examples\.pass\):/);
  });

  it('explains built-in rules without any option', () => {
    const run = runCli(['explain', 'recommended/broad-use-grant']);
    assert.strictEqual(run.status, 0, run.stderr);
    assert.match(run.stdout, /^recommended\/broad-use-grant$/m);
    assert.match(run.stdout, /kind +flag/);
  });

  it('accepts a bare rule name when only one pack has it', () => {
    const run = runCli(['explain', 'no-examples', '--pack', fixture('packs', 'failing-examples.yaml')]);
    assert.strictEqual(run.status, 0, run.stderr);
    assert.match(run.stdout, /^failing\/no-examples$/m);
  });

  it('explains the engine\'s own rules', () => {
    const run = runCli(['explain', 'clauselint/suppression-without-reason']);
    assert.strictEqual(run.status, 0);
    assert.match(run.stdout, /needs a recorded why/);
  });

  it('exits 2 with suggestions for an unknown rule', () => {
    const run = runCli(['explain', 'recommended/broad-use-grnt']);
    assert.strictEqual(run.status, 2);
    assert.match(run.stderr, /unknown rule "recommended\/broad-use-grnt"\. Did you mean recommended\/broad-use-grant/);
  });

  it('exits 2 without a rule id', () => {
    const run = runCli(['explain']);
    assert.strictEqual(run.status, 2);
    assert.match(run.stderr, /explain takes one rule id/);
  });
});
