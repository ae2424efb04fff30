/** `clauselint [files]`: exit codes, text output, options, and which files get linted. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { BROAD, CLEAN, read, removeScratch, ROOT, ruleIdsIn, runCli, runWithTestPack, scratch, TEST_PACK, WEAK } from './helpers';

const rel = (file: string) => path.relative(ROOT, file).split(path.sep).join('/');

describe('clauselint CLI: linting', () => {
  describe('exit codes', () => {
    it('exits 0 and prints nothing for a clean contract', () => {
      const run = runWithTestPack([CLEAN]);
      assert.strictEqual(run.status, 0, run.stderr);
      assert.strictEqual(run.stdout, '');
    });

    it('exits 1 when a finding is at or above the default fail level (warning)', () => {
      const run = runWithTestPack([BROAD]);
      assert.strictEqual(run.status, 1, run.stderr);
    });

    it('exits 0 when the only findings are below the fail level', () => {
      const run = runWithTestPack([WEAK]); // one info and one hint
      assert.strictEqual(run.status, 0, run.stdout + run.stderr);
      assert.match(run.stdout, /clitest\/discretionary-audit/);
    });

    it('follows --fail-on', () => {
      assert.strictEqual(runWithTestPack(['--fail-on', 'info', WEAK]).status, 1);
      assert.strictEqual(runWithTestPack(['--fail-on', 'hint', WEAK]).status, 1);
      assert.strictEqual(runWithTestPack(['--fail-on', 'error', BROAD]).status, 1); // two errors
      assert.strictEqual(runWithTestPack(['--fail-on=error', WEAK]).status, 0);
    });

    it('exits 2 on usage errors, naming the problem', () => {
      const cases: [string[], RegExp][] = [
        [['--bogus', BROAD], /unknown option --bogus/],
        [['--format', 'xml', BROAD], /--format must be one of text, json, sarif, github/],
        [['--fail-on', 'fatal', BROAD], /--fail-on must be one of error, warning, info, hint/],
        [['--format'], /option --format needs a value/],
        [['--write', BROAD], /--write only applies with --fix/],
        [['--max-file-size', 'lots', BROAD], /--max-file-size must be a size/],
        [['--fix', BROAD, CLEAN], /--fix with 2 inputs needs --write .* or --output-dir/],
      ];
      for (const [args, message] of cases) {
        const run = runWithTestPack(args);
        assert.strictEqual(run.status, 2, `${args.join(' ')}: ${run.stderr}`);
        assert.match(run.stderr, message);
        assert.match(run.stderr, /Run "clauselint --help" for usage/);
        assert.strictEqual(run.stdout, '');
      }
    });

    it('exits 2 for a missing file, before linting anything', () => {
      const run = runWithTestPack([BROAD, 'no/such/contract.md']);
      assert.strictEqual(run.status, 2);
      assert.match(run.stderr, /^clauselint: cannot read no\/such\/contract\.md: no such file$/m);
      assert.strictEqual(run.stdout, '');
    });

    it('exits 2 for a missing --config file', () => {
      const run = runCli(['--config', 'missing.yaml', BROAD]);
      assert.strictEqual(run.status, 2);
      assert.match(run.stderr, /cannot read config missing\.yaml: no such file/);
    });

    it('exits 2 with no input and nothing piped in', () => {
      const run = runCli([]);
      assert.strictEqual(run.status, 2);
      assert.match(run.stderr, /no input/);
    });
  });

  describe('text format', () => {
    it('prints a header per file, aligned line:col severity message rule rows, and a summary', () => {
      const run = runWithTestPack([BROAD, WEAK]);
      const lines = run.stdout.split('\n');
      assert.ok(lines.includes(rel(BROAD)), run.stdout);
      assert.ok(lines.includes(rel(WEAK)), run.stdout);
      // "The Government may use the Services for any lawful purpose." is line 11; the phrase starts at column 41.
      const rows = lines.filter((l) => /^ {2}\d+:\d+ /.test(l));
      const grant = rows.find((l) => l.endsWith('clitest/broad-use-grant'));
      assert.ok(grant, run.stdout);
      assert.match(grant!, /^ {2}11:41 +warning +Broad-use grant "any lawful purpose": list the uses that are excluded\. +clitest\/broad-use-grant$/);
      assert.ok(rows.some((l) => /^ {2}11:41 +error +.*clitest\/missing-surveillance-carve-out$/.test(l)));
      assert.ok(rows.some((l) => /^ {2}7:47 +info +.*clitest\/discretionary-audit$/.test(l)));
      // Rule ids of one file start in the same column.
      const broadRows = rows.slice(0, 4);
      assert.strictEqual(new Set(broadRows.map((l) => l.lastIndexOf(' clitest/'))).size, 1, run.stdout);
      assert.match(run.stdout, /✖ 6 problems \(2 errors, 2 warnings, 1 info, 1 hint\)/);
      assert.match(run.stdout, /5 of them can be fixed with the --fix option/);
    });

    it('uses colours only when asked or on a terminal', () => {
      assert.doesNotMatch(runWithTestPack([BROAD]).stdout, /\u001b\[/);
      assert.match(runWithTestPack(['--color', BROAD]).stdout, /\u001b\[31merror/);
      assert.doesNotMatch(runWithTestPack(['--color', '--no-color', BROAD]).stdout, /\u001b\[/);
    });

    it('--quiet reports and counts errors only', () => {
      const run = runWithTestPack(['--quiet', BROAD]);
      assert.strictEqual(run.status, 1);
      assert.match(run.stdout, /✖ 2 problems \(2 errors, 0 warnings, 0 infos\)/);
      assert.doesNotMatch(run.stdout, /broad-use-grant/);
      const weak = runWithTestPack(['--quiet', '--fail-on', 'info', WEAK]);
      assert.strictEqual(weak.status, 0);
      assert.strictEqual(weak.stdout, '');
    });
  });

  describe('inputs', () => {
    let dir: string;
    const grant = 'The Government may use the AI services for any lawful purpose.\n';
    before(() => {
      dir = scratch({
        'contracts/msa.contract.md': `# MSA\n\n${grant}`,
        'contracts/notes.markdown': grant,
        'contracts/sub/sow.txt': grant,
        'contracts/sub/sow.contract.txt': grant,
        'contracts/sub/data.json': '{"not": "a contract"}',
        'contracts/data/only.json': '{}',
        'contracts/node_modules/dep/README.md': grant,
        'contracts/.drafts/old.md': grant,
      });
    });
    after(() => removeScratch(dir));

    const pathsLinted = (args: string[]) => {
      const run = runWithTestPack(['--format', 'json', ...args], { cwd: dir });
      assert.ok(run.status === 0 || run.status === 1, run.stderr);
      return (JSON.parse(run.stdout) as { files: { path: string }[] }).files.map((f) => f.path);
    };

    it('walks folders for contract files, skipping node_modules and dot-folders', () => {
      assert.deepStrictEqual(pathsLinted(['contracts']), [
        'contracts/msa.contract.md',
        'contracts/notes.markdown',
        'contracts/sub/sow.contract.txt',
        'contracts/sub/sow.txt',
      ]);
    });

    it('expands globs, and leaves out files matching !globs', () => {
      assert.deepStrictEqual(pathsLinted(['contracts/**/*.txt']), ['contracts/sub/sow.contract.txt', 'contracts/sub/sow.txt']);
      assert.deepStrictEqual(pathsLinted(['contracts/*.md']), ['contracts/msa.contract.md']);
      assert.deepStrictEqual(pathsLinted(['contracts/**/*.contract.{md,txt}']), ['contracts/msa.contract.md', 'contracts/sub/sow.contract.txt']);
      assert.deepStrictEqual(pathsLinted(['contracts', '!contracts/sub/**']), ['contracts/msa.contract.md', 'contracts/notes.markdown']);
    });

    it('lints a file named directly whatever its extension, and each file once', () => {
      assert.deepStrictEqual(pathsLinted(['contracts/sub/data.json', 'contracts/sub/sow.txt', 'contracts/sub']), [
        'contracts/sub/data.json',
        'contracts/sub/sow.txt',
        'contracts/sub/sow.contract.txt',
      ]);
    });

    it('exits 2 when a glob or folder matches nothing', () => {
      const glob = runWithTestPack(['contracts/**/*.docx'], { cwd: dir });
      assert.strictEqual(glob.status, 2);
      assert.match(glob.stderr, /no files match contracts\/\*\*\/\*\.docx/);
      const empty = runWithTestPack(['contracts/data'], { cwd: dir });
      assert.strictEqual(empty.status, 2);
      assert.match(empty.stderr, /no contract files \(\*\.md, \*\.markdown, \*\.txt, \*\.docx\) in contracts\/data/);
    });

    it('reads stdin for "-", naming it with --stdin-filename', () => {
      const run = runWithTestPack(['--format', 'json', '--stdin-filename', 'drafts/order.md', '-'], { input: read(BROAD) });
      assert.strictEqual(run.status, 1, run.stderr);
      const report = JSON.parse(run.stdout);
      assert.strictEqual(report.files[0].path, 'drafts/order.md');
      assert.ok(ruleIdsIn(run.stdout).includes('clitest/broad-use-grant'));
    });

    it('reads piped stdin when no input is named, shown as <stdin>', () => {
      const run = runWithTestPack([], { input: read(BROAD) });
      assert.strictEqual(run.status, 1, run.stderr);
      assert.match(run.stdout, /^<stdin>$/m);
      assert.match(run.stdout, /clitest\/missing-weapons-carve-out/);
    });

    it('exits 2 when nothing is named and stdin is empty', () => {
      const run = runWithTestPack([], { input: '' });
      assert.strictEqual(run.status, 2);
      assert.match(run.stderr, /standard input was empty/);
    });

    it('skips binary files with a warning and lints the rest', () => {
      const bin = scratch({ 'scan.md': Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02]) });
      try {
        const run = runWithTestPack([path.join(bin, 'scan.md'), CLEAN]);
        assert.strictEqual(run.status, 0, run.stderr);
        assert.match(run.stderr, /warning: skipping .*scan\.md: binary file/);
      } finally {
        removeScratch(bin);
      }
    });

    it('skips files over --max-file-size with a clear message', () => {
      const run = runWithTestPack(['--max-file-size', '100', BROAD]);
      assert.strictEqual(run.status, 0);
      assert.match(run.stderr, /skipping .*ai-services-broad\.md: \d+ bytes is over the --max-file-size limit of 100 bytes/);
      assert.strictEqual(runWithTestPack(['--max-file-size', '1MB', BROAD]).status, 1);
    });
  });

  describe('configuration', () => {
    it('finds the nearest .clauselint.yaml, with its extends and rule settings', () => {
      const dir = scratch({
        '.clauselint.yaml': `extends: ./packs/clitest.yaml\nrules:\n  clitest/missing-audit-trigger: off\n  broad-use-grant: error\n`,
        'packs/clitest.yaml': read(TEST_PACK),
        'drafts/order.md': read(BROAD),
      });
      try {
        const run = runCli(['--format', 'json', 'drafts/order.md'], { cwd: dir });
        assert.strictEqual(run.status, 1, run.stderr);
        const findings = JSON.parse(run.stdout).files[0].findings as { ruleId: string; severity: string }[];
        assert.deepStrictEqual(findings.map((f) => f.ruleId).sort(), ['clitest/broad-use-grant', 'clitest/missing-surveillance-carve-out', 'clitest/missing-weapons-carve-out']);
        assert.strictEqual(findings.find((f) => f.ruleId === 'clitest/broad-use-grant')!.severity, 'error');
      } finally {
        removeScratch(dir);
      }
    });

    it('adds packs with --pack (paths and built-in names)', () => {
      const run = runWithTestPack(['--format', 'json', '--pack', 'recommended', BROAD]);
      const ids = ruleIdsIn(run.stdout);
      assert.ok(ids.some((id) => id.startsWith('clitest/')), run.stderr);
      assert.ok(ids.some((id) => id.startsWith('recommended/')), run.stdout);
    });

    for (const [pack, location] of [
      ['malformed.yaml', /malformed\.yaml:11:\d+: error: .*severity/],
      ['broken-yaml.yaml', /broken-yaml\.yaml:7:\d+: error: /],
      ['unsafe-pattern.yaml', /unsafe-pattern\.yaml:6:\d+: error: pattern "\(any \)\+lawful purpose" rejected/],
    ] as const) {
      it(`exits 2 on a broken pack (${pack}) with file:line:col, before linting`, () => {
        const run = runWithTestPack(['--pack', path.join('test', 'fixtures', 'packs', pack), BROAD]);
        assert.strictEqual(run.status, 2);
        assert.match(run.stderr, location);
        assert.strictEqual(run.stdout, '');
      });
    }

    it('exits 2 for a --pack that cannot be found', () => {
      const run = runWithTestPack(['--pack', 'clauselint:no-such-pack', BROAD]);
      assert.strictEqual(run.status, 2);
      assert.match(run.stderr, /unknown built-in pack "clauselint:no-such-pack"/);
    });
  });

  describe('help and version', () => {
    it('--help lists every option and exits 0', () => {
      const run = runCli(['--help']);
      assert.strictEqual(run.status, 0);
      for (const option of ['--format', '--config', '--pack', '--pack-root', '--fail-on', '--quiet', '--fix', '--write', '--output-dir', '--stdin-filename', '--max-file-size', '--jobs', '--no-color', 'test-rules', 'explain']) {
        assert.ok(run.stdout.includes(option), option);
      }
      assert.match(run.stdout, /^Usage: clauselint/);
    });

    it('--version prints the package version', () => {
      const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
      assert.strictEqual(runCli(['--version']).stdout.trim(), pkg.version);
      assert.strictEqual(runCli(['-v']).status, 0);
    });
  });
});
