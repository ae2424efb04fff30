/**
 * --jobs: a folder linted in worker threads (--jobs 2) reports exactly what the
 * one-thread run (--jobs 1) reports: same stdout in every format, same stderr,
 * same exit code, same fixed files. Runs set CLAUSELINT_DEBUG, under which a
 * run that uses workers says so on stderr: that line proves the workers ran,
 * and is the only difference allowed.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { OUTPUT_FORMATS } from '../../server/src/io/formatters/formatter';
import { buildDocx, AI_CONTRACT } from './docxFixture';
import { CliRun, removeScratch, runCli, scratch, TEST_PACK } from './helpers';

const WORKERS_LINE = /^clauselint: debug: \d+ worker threads lint \d+ files in \d+ chunks\n/m;

/** Invented contract text: paragraphs that trip different rules of the built-in and the test packs. */
const BROAD_GRANT = 'The Agency may use the Model Outputs for any lawful purpose, including all lawful purposes of its affiliates.';
const WEAK_AUDIT = 'The Buyer may audit the training records at its discretion, and the Supplier will, where practicable, give notice of incidents.';
const CARVE_OUTS =
  'The Agency shall not use the AI services for mass surveillance of U.S. persons and shall not use them in autonomous weapon systems. ' +
  'Before any new deployment in a high-risk use case, the Agency shall pause the use until its Chief Counsel gives written approval, and the decision shall be logged.';
const FILLER = 'The parties shall meet each quarter to review the delivery schedule and the invoices for the period.';

function contract(title: string, paragraphs: string[], repeat = 1): string {
  const body: string[] = [];
  for (let k = 0; k < repeat; k++) paragraphs.forEach((p, i) => body.push(`${k * paragraphs.length + i + 1}. ${p}`));
  return `# ${title}\n\nThis agreement covers machine learning services for the Agency.\n\n${body.join('\n\n')}\n`;
}

/** A folder of contracts under two configs (none, so the built-in pack, and a team config), Markdown and text, UTF-16, a suppression, a Word document. */
async function contractsFolder(): Promise<string> {
  // The team pack is copied into the folder: a config may only extend files in its project.
  const teamConfig = `extends: ./clitest.yaml\nrules:\n  clitest/missing-audit-trigger: off\n  broad-use-grant: error\n`;
  const dir = scratch({
    'contracts/a-services.md': contract('Services Agreement', [BROAD_GRANT, FILLER, WEAK_AUDIT]),
    'contracts/b-clean.md': contract('Research Agreement', [CARVE_OUTS, FILLER]),
    'contracts/c-long.txt': contract('Framework Agreement', [FILLER, BROAD_GRANT, FILLER, WEAK_AUDIT, CARVE_OUTS], 40),
    'contracts/d-waived.md':
      '# Data Agreement\n\n<!-- clauselint-disable-next-line recommended/broad-use-grant -- reason: limited by Schedule 2; approved-by: R. Osei -->\n' +
      `${BROAD_GRANT}\n\n${CARVE_OUTS}\n`,
    'contracts/team/.clauselint.yaml': teamConfig,
    'contracts/team/clitest.yaml': fs.readFileSync(TEST_PACK, 'utf8'),
    'contracts/team/e-order.md': contract('Task Order', [BROAD_GRANT, WEAK_AUDIT]),
    'contracts/team/f-order.txt': contract('Task Order 2', [FILLER, CARVE_OUTS, WEAK_AUDIT], 3),
    'contracts/team/g-notes.md': contract('Notes', [FILLER]),
    'contracts/h-utf16.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(contract('Licence', [BROAD_GRANT, FILLER]), 'utf16le')]),
  });
  fs.writeFileSync(path.join(dir, 'contracts', 'i-word.docx'), await buildDocx(AI_CONTRACT));
  return dir;
}

function lintWithJobs(jobs: number, args: string[], cwd: string): CliRun {
  return runCli(['--jobs', String(jobs), ...args], { cwd });
}

/** The two runs agree on everything but the debug line, which only the worker run prints. */
function assertSameRun(oneThread: CliRun, inWorkers: CliRun): void {
  assert.doesNotMatch(oneThread.stderr, WORKERS_LINE, 'the --jobs 1 run stays in one thread');
  assert.match(inWorkers.stderr, WORKERS_LINE, 'the --jobs 2 run uses worker threads');
  assert.strictEqual(inWorkers.stdout, oneThread.stdout);
  assert.strictEqual(inWorkers.stderr.replace(WORKERS_LINE, ''), oneThread.stderr);
  assert.strictEqual(inWorkers.status, oneThread.status);
}

/** Every file below `dir` (relative path -> bytes as hex), to compare folders. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const visit = (sub: string) => {
    for (const entry of fs.readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = path.join(sub, entry.name);
      if (entry.isDirectory()) visit(rel);
      else out[rel] = fs.readFileSync(path.join(dir, rel)).toString('hex');
    }
  };
  visit('');
  return out;
}

describe('clauselint CLI: --jobs (worker threads)', function () {
  // Spawns processes or works hard: no wall-clock limit (a loaded machine is only slower); hung processes are killed by the helpers.
  this.timeout(0);
  let dir: string;
  before(async () => {
    dir = await contractsFolder();
  });
  after(() => removeScratch(dir));

  for (const format of OUTPUT_FORMATS) {
    it(`reports a folder in ${format} byte for byte as the one-thread run does`, () => {
      const oneThread = lintWithJobs(1, ['--format', format, 'contracts'], dir);
      const inWorkers = lintWithJobs(2, ['--format', format, 'contracts'], dir);
      assert.strictEqual(oneThread.status, 1, oneThread.stderr);
      assert.ok(oneThread.stdout.includes('i-word.docx'), 'the Word document is in the report');
      assert.ok(oneThread.stdout.includes('e-order.md'), 'the team config folder is in the report');
      assertSameRun(oneThread, inWorkers);
    });
  }

  it('agrees with --quiet and --fail-on, which change what is reported and the exit code', () => {
    for (const extra of [['--quiet'], ['--fail-on', 'error'], ['--fail-on', 'hint']]) {
      const args = [...extra, '--format', 'json', 'contracts'];
      assertSameRun(lintWithJobs(1, args, dir), lintWithJobs(2, args, dir));
    }
  });

  it('reads standard input in the main thread while workers lint the files', () => {
    const args = ['--format', 'json', '--stdin-filename', 'contracts/piped.md', 'contracts/a-services.md', '-', 'contracts/c-long.txt'];
    const input = contract('Piped Order', [BROAD_GRANT]);
    const oneThread = runCli(['--jobs', '1', ...args], { cwd: dir, input });
    const inWorkers = runCli(['--jobs', '2', ...args], { cwd: dir, input });
    assert.deepStrictEqual(
      (JSON.parse(oneThread.stdout) as { files: { path: string }[] }).files.map((f) => f.path),
      // Standard input comes last, wherever `-` is named.
      ['contracts/a-services.md', 'contracts/c-long.txt', 'contracts/piped.md'],
    );
    assertSameRun(oneThread, inWorkers);
  });

  it('reports a missing file among many the same way, before linting anything', () => {
    const args = ['contracts/a-services.md', 'contracts/no-such-contract.md', 'contracts/b-clean.md'];
    const oneThread = lintWithJobs(1, args, dir);
    const inWorkers = lintWithJobs(2, args, dir);
    assert.strictEqual(oneThread.status, 2);
    assert.strictEqual(oneThread.stderr, 'clauselint: cannot read contracts/no-such-contract.md: no such file\n');
    assert.strictEqual(inWorkers.stderr, oneThread.stderr);
    assert.strictEqual(inWorkers.stdout, oneThread.stdout);
    assert.strictEqual(inWorkers.status, 2);
  });

  it('reports files a worker cannot read (damaged Word document, binary, too large) in input order, and exits 2', () => {
    const bad = scratch({
      'in/a.md': contract('First', [BROAD_GRANT]),
      'in/b-binary.txt': Buffer.from('not\u0000text'),
      'in/c-damaged.docx': 'this is not a zip archive',
      'in/d.md': contract('Second', [CARVE_OUTS]),
      'in/e-large.txt': contract('Large', [FILLER], 200),
      'in/f.md': contract('Third', [WEAK_AUDIT]),
    });
    try {
      const args = ['--format', 'json', '--max-file-size', '10KB', 'in'];
      const oneThread = lintWithJobs(1, args, bad);
      const inWorkers = lintWithJobs(2, args, bad);
      assert.strictEqual(oneThread.status, 2);
      assert.deepStrictEqual(oneThread.stderr.split('\n'), [
        'clauselint: warning: skipping in/b-binary.txt: binary file (it contains NUL bytes)',
        'clauselint: cannot read in/c-damaged.docx: not a Word document (.docx): it is not a zip archive, or the archive is damaged',
        `clauselint: warning: skipping in/e-large.txt: ${+(fs.statSync(path.join(bad, 'in', 'e-large.txt')).size / 1024).toFixed(1)} KB is over the --max-file-size limit of 10 KB`,
        '',
      ]);
      assertSameRun(oneThread, inWorkers);
    } finally {
      removeScratch(bad);
    }
  });

  for (const mode of [['--write'], ['--output-dir', 'fixed']]) {
    it(`--fix ${mode[0]} writes the same files and says the same`, () => {
      const copies = [1, 2].map(() => scratch());
      try {
        for (const copy of copies) fs.cpSync(path.join(dir, 'contracts'), path.join(copy, 'contracts'), { recursive: true });
        // Word documents are never rewritten: leave them out.
        const args = ['--fix', ...mode, '--format', 'json', 'contracts', '!**/*.docx'];
        const oneThread = lintWithJobs(1, args, copies[0]);
        const inWorkers = lintWithJobs(2, args, copies[1]);
        assert.match(oneThread.stderr, mode[0] === '--write' ? /clauselint: fixed contracts\/c-long\.txt \(40 fixes\)/ : /clauselint: wrote fixed\/contracts\/c-long\.txt \(40 fixes\)/);
        assertSameRun(oneThread, inWorkers);
        const fixedFiles = snapshot(copies[0]);
        assert.notDeepStrictEqual(fixedFiles, snapshot(dir), 'some files were fixed');
        assert.deepStrictEqual(snapshot(copies[1]), fixedFiles);
      } finally {
        copies.forEach(removeScratch);
      }
    });
  }

  it('lints in one thread by default when the input is small', () => {
    const run = runCli(['--format', 'json', 'contracts'], { cwd: dir });
    assert.strictEqual(run.status, 1);
    assert.doesNotMatch(run.stderr, WORKERS_LINE);
  });

  it('uses at most one worker per file', () => {
    const run = lintWithJobs(8, ['contracts/a-services.md', 'contracts/b-clean.md'], dir);
    assert.match(run.stderr, /^clauselint: debug: 2 worker threads lint 2 files in 2 chunks$/m);
    assert.strictEqual(run.stdout, lintWithJobs(1, ['contracts/a-services.md', 'contracts/b-clean.md'], dir).stdout);
  });

  for (const value of ['0', 'x', '1.5', '-2', '']) {
    it(`rejects --jobs=${value} as a usage error`, () => {
      const run = runCli([`--jobs=${value}`, 'contracts'], { cwd: dir });
      assert.strictEqual(run.status, 2);
      assert.strictEqual(run.stdout, '');
      assert.strictEqual(run.stderr, `clauselint: --jobs must be a whole number of at least 1 (got "${value}")\nRun "clauselint --help" for usage.\n`);
    });
  }

  it('takes -j as the short form', () => {
    const run = runCli(['-j', '2', 'contracts/a-services.md', 'contracts/b-clean.md'], { cwd: dir });
    assert.match(run.stderr, WORKERS_LINE);
  });
});
