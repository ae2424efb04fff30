/** In-process tests of the CLI's small pure parts: argument parsing, escaping, encodings, fix choice, suggestions. */
import * as assert from 'assert';
import { DEFAULT_FAIL_ON, DEFAULT_MAX_FILE_SIZE, parseCommandLine, parseSize } from '../../server/src/cli/args';
import { CliError } from '../../server/src/cli/cliError';
import { shouldUseColor } from '../../server/src/io/color';
import { suggestions } from '../../server/src/cli/explain';
import { automaticPlans } from '../../server/src/engine/fixes/apply';
import { escapeData, escapeProperty } from '../../server/src/io/formatters/github';
import { decode, encode } from '../../server/src/io/source';
import { Finding, FixPlan } from '../../server/src/engine/types';

describe('clauselint CLI: units', () => {
  describe('parseCommandLine', () => {
    it('has documented defaults', () => {
      const cmd = parseCommandLine(['a.md']);
      assert.deepStrictEqual(cmd, {
        command: 'lint',
        inputs: ['a.md'],
        format: 'text',
        config: undefined,
        packs: [],
        packRoots: [],
        failOn: DEFAULT_FAIL_ON,
        quiet: false,
        fix: false,
        write: false,
        outputDir: undefined,
        stdinFilename: undefined,
        maxFileSize: DEFAULT_MAX_FILE_SIZE,
        jobs: undefined,
        color: undefined,
        noIgnore: false,
      });
      assert.strictEqual(DEFAULT_FAIL_ON, 'warning');
    });

    it('reads short, long, = and repeated options', () => {
      const cmd = parseCommandLine(['-f', 'sarif', '--pack=a', '-p', 'b', '--pack-root', 'r1', '--pack-root=r2', '--fail-on', 'error', '-q', '--no-color', '-', 'x']);
      assert.ok(cmd.command === 'lint');
      assert.strictEqual(cmd.format, 'sarif');
      assert.deepStrictEqual(cmd.packs, ['a', 'b']);
      assert.deepStrictEqual(cmd.packRoots, ['r1', 'r2']);
      assert.strictEqual(cmd.failOn, 'error');
      assert.strictEqual(cmd.quiet, true);
      assert.strictEqual(cmd.color, false);
      assert.deepStrictEqual(cmd.inputs, ['-', 'x']);
    });

    it('recognises subcommands only as the first word', () => {
      assert.deepStrictEqual(parseCommandLine(['test-rules', 'p.yaml']), { command: 'test-rules', packs: ['p.yaml'], packRoots: [], color: undefined });
      assert.strictEqual(parseCommandLine(['explain', 'x/y']).command, 'explain');
      assert.deepStrictEqual((parseCommandLine(['a.md', 'explain']) as { inputs: string[] }).inputs, ['a.md', 'explain']);
      assert.strictEqual(parseCommandLine(['explain', '--help']).command, 'help');
    });

    it('parses exceptions (default: the current folder, text) and init (default: here, no --force)', () => {
      assert.deepStrictEqual(parseCommandLine(['exceptions']), { command: 'exceptions', inputs: ['.'], format: 'text', config: undefined, packs: [], packRoots: [], color: undefined });
      const csv = parseCommandLine(['exceptions', 'a', 'b', '-f', 'csv', '-c', 'x.yaml']);
      assert.ok(csv.command === 'exceptions');
      assert.deepStrictEqual([csv.inputs, csv.format, csv.config], [['a', 'b'], 'csv', 'x.yaml']);
      assert.deepStrictEqual(parseCommandLine(['init']), { command: 'init', dir: '.', force: false });
      assert.deepStrictEqual(parseCommandLine(['init', 'legal', '--force']), { command: 'init', dir: 'legal', force: true });
      for (const argv of [['exceptions', '--format', 'sarif'], ['init', 'a', 'b'], ['init', '--format', 'json'], ['exceptions', '--fix']]) {
        assert.throws(() => parseCommandLine(argv), CliError, argv.join(' '));
      }
    });

    it('rejects bad combinations with a CliError', () => {
      for (const argv of [['--output-dir', 'o', 'a'], ['--fix', '--write', '--output-dir', 'o', 'a'], ['--quiet=yes'], ['--pack', ''], ['test-rules', '--format', 'json']]) {
        assert.throws(() => parseCommandLine(argv), CliError, argv.join(' '));
      }
    });

    it('parses sizes', () => {
      assert.strictEqual(parseSize('100'), 100);
      assert.strictEqual(parseSize('2KB'), 2048);
      assert.strictEqual(parseSize('1.5mb'), 1.5 * 1024 * 1024);
      assert.strictEqual(parseSize('1G'), 1024 ** 3);
      assert.throws(() => parseSize('-1'), CliError);
    });
  });

  it('escapes GitHub workflow command values', () => {
    assert.strictEqual(escapeData('50% done\r\nnext: a, b'), '50%25 done%0D%0Anext: a, b');
    assert.strictEqual(escapeProperty('dir/a,b:c%.md'), 'dir/a%2Cb%3Ac%25.md');
  });

  it('decides colours from the flag, the terminal and NO_COLOR', () => {
    assert.strictEqual(shouldUseColor(undefined, true, {}), true);
    assert.strictEqual(shouldUseColor(undefined, false, {}), false);
    assert.strictEqual(shouldUseColor(undefined, true, { NO_COLOR: '1' }), false);
    assert.strictEqual(shouldUseColor(true, false, { NO_COLOR: '1' }), true);
    assert.strictEqual(shouldUseColor(false, true, {}), false);
    assert.strictEqual(shouldUseColor(undefined, true, { NO_COLOR: '' }), true, 'an empty NO_COLOR does not count');
  });

  it('honours FORCE_COLOR as Node does: 1, 2, 3, true or empty force colours on, 0 or false off, over NO_COLOR', () => {
    for (const value of ['1', '2', '3', 'true', '']) assert.strictEqual(shouldUseColor(undefined, false, { FORCE_COLOR: value }), true, `FORCE_COLOR=${value}`);
    for (const value of ['0', 'false']) assert.strictEqual(shouldUseColor(undefined, true, { FORCE_COLOR: value }), false, `FORCE_COLOR=${value}`);
    assert.strictEqual(shouldUseColor(undefined, false, { FORCE_COLOR: '1', NO_COLOR: '1' }), true);
    assert.strictEqual(shouldUseColor(undefined, true, { FORCE_COLOR: 'banana' }), true, 'an unknown value leaves it to the terminal');
    assert.strictEqual(shouldUseColor(false, false, { FORCE_COLOR: '1' }), false, '--no-color wins');
  });

  describe('source encodings', () => {
    it('reads and writes back UTF-8 with and without a BOM, and UTF-16', () => {
      for (const bytes of [
        Buffer.from('Grant – “any purpose”\n', 'utf8'),
        Buffer.from('\ufeffGrant\r\n', 'utf8'),
        Buffer.from('\ufeffGrant – “x”\n', 'utf16le'),
        Buffer.from('\ufeffGrant\n', 'utf16le').swap16(),
      ]) {
        const source = decode(bytes)!;
        assert.ok(source, bytes.toString('hex'));
        assert.ok(!source.text.startsWith('\ufeff'), 'the BOM is not part of the text');
        assert.ok(source.text.startsWith('Grant'));
        assert.deepStrictEqual(encode(source, source.text), bytes);
      }
    });

    it('treats NUL bytes as binary and marks invalid UTF-8 as lossy', () => {
      assert.strictEqual(decode(Buffer.from([0x41, 0x00, 0x42])), undefined);
      assert.strictEqual(decode(Buffer.from([0x41, 0xff, 0x42]))!.lossless, false);
      assert.strictEqual(decode(Buffer.from('ok'))!.lossless, true);
    });
  });

  it('chooses the first non-suppress fix, with all its clause insertions', () => {
    const plan = (id: string, type: FixPlan['type']): FixPlan => ({ id, type, title: id, shortTitle: id, edits: [] });
    const finding = (fixes: FixPlan[]): Finding => ({ ruleId: 'p/r', severity: 'warning', message: '', span: { start: 0, end: 0 }, related: [], fixes });
    const ids = (f: Finding) => automaticPlans(f).map((p) => p.id);
    assert.deepStrictEqual(ids(finding([plan('a', 'insert-clause'), plan('b', 'insert-clause'), plan('r', 'replace'), plan('s', 'suppress')])), ['a', 'b']);
    assert.deepStrictEqual(ids(finding([plan('r', 'replace'), plan('r2', 'replace'), plan('s', 'suppress')])), ['r']);
    assert.deepStrictEqual(ids(finding([plan('s', 'suppress')])), []);
  });

  it('suggests close rule ids', () => {
    const ids = ['recommended/broad-use-grant', 'recommended/missing-audit-trigger', 'clitest/broad-use-grant'];
    assert.deepStrictEqual(suggestions('recommended/broad-use-grnt', ids), ['recommended/broad-use-grant', 'clitest/broad-use-grant']);
    assert.deepStrictEqual(suggestions('audit-trigger', ids), ['recommended/missing-audit-trigger']);
    assert.deepStrictEqual(suggestions('zzz', ids), []);
  });
});
