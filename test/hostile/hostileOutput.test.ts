/**
 * Output that people read or open: terminal escape sequences in file names and
 * in a pack's messages are shown escaped, never sent raw (they could retitle
 * the window or clear the screen); CSV cells that a spreadsheet would run as a
 * formula start with a single quote (OWASP's rule).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { csvField } from '../../server/src/cli/exceptions/csv';
import { printable, printableLog } from '../../server/src/io/terminalText';
import { removeScratch, runCli, scratch } from '../cli/helpers';

const RETITLE = '\u001b]0;pwned\u0007';
const CLEAR = '\u001b[2J';
// A pack's message may hold any character: YAML's "\e" is ESC, "\a" is BEL.
const PACK = 'pack: { id: t }\nrules:\n  g: { kind: flag, message: "Broad \\e]0;pwned\\a grant \\e[2J here.", phrases: [any lawful use] }\n';
const DOCUMENT = 'The Agency may use the Services for any lawful use.\n';

function hasRawControl(text: string): boolean {
  return /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(text);
}

describe('hostile output', () => {
  let dir: string;
  const name = `draft${CLEAR}${RETITLE}.md`;
  beforeEach(() => {
    dir = scratch({ '.clauselint.yaml': PACK, [name]: DOCUMENT, [`bin${CLEAR}.md`]: Buffer.from([0x61, 0, 0x62]) });
  });
  afterEach(() => removeScratch(dir));

  it('text output escapes control characters in file names and messages, on stdout and stderr', () => {
    const run = runCli(['.'], { cwd: dir });
    assert.strictEqual(run.status, 1, run.stderr);
    assert.ok(!hasRawControl(run.stdout), JSON.stringify(run.stdout));
    assert.ok(run.stdout.includes('draft\\x1b[2J\\x1b]0;pwned\\x07.md'), run.stdout);
    assert.ok(run.stdout.includes('Broad \\x1b]0;pwned\\x07 grant \\x1b[2J here.'), run.stdout);
    // The skipped binary file is named on stderr.
    assert.match(run.stderr, /skipping bin\\x1b\[2J\.md/);
    assert.ok(!hasRawControl(run.stderr), JSON.stringify(run.stderr));
  });

  it('colours stay: only our own colour sequences reach the terminal', () => {
    const run = runCli(['--color', '.'], { cwd: dir });
    assert.ok(run.stdout.includes('\u001b[4m'), 'underlined file name');
    assert.ok(!run.stdout.replace(/\u001b\[[0-9;]*m/g, '').match(/[\u0000-\u0008\u000b-\u001f]/), 'no other control character');
  });

  it('GitHub annotations escape them too', () => {
    const run = runCli(['--format', 'github', '.'], { cwd: dir });
    assert.ok(!hasRawControl(run.stdout), JSON.stringify(run.stdout));
    assert.match(run.stdout, /^::warning file=draft\\x1b\[2J\\x1b\]0;pwned\\x07\.md,line=1/m);
  });

  it('JSON keeps the exact names (JSON escapes them itself)', () => {
    const run = runCli(['--format', 'json', '.'], { cwd: dir });
    const report = JSON.parse(run.stdout) as { files: { path: string }[] };
    assert.ok(report.files.some((f) => f.path === name));
  });

  it('escapes C0, DEL, C1 and bidi controls; keeps tabs, and line breaks where asked', () => {
    assert.strictEqual(printable('a\u0000b\u007fc\u009bd\u202ee\tf\ng'), 'a\\x00b\\x7fc\\x9bd\\u202ee\tf\\x0ag');
    assert.strictEqual(printable('one\ntwo\r\n', true), 'one\ntwo\r\n');
    assert.strictEqual(printableLog(`\u001b[31mred\u001b[39m ${CLEAR}\n`), '\u001b[31mred\u001b[39m \\x1b[2J\n');
  });
});

describe('hostile output: exceptions --format csv', () => {
  let dir: string;
  afterEach(() => removeScratch(dir));

  it('a cell that starts with = + - @, a tab or CR gets a leading single quote', () => {
    const waiver = '<!-- clauselint-disable-next-line recommended/broad-use-grant -- reason: =HYPERLINK("http://x.invalid","ok"); approved-by: @SUM(1+1); date: +1-2 -->\n';
    dir = scratch({ '=cmd.md': `This agreement covers artificial intelligence services.\n\n${waiver}The Agency may use the Services for any lawful purpose.\n` });
    const run = runCli(['exceptions', '--format', 'csv', '.'], { cwd: dir });
    assert.strictEqual(run.status, 0, run.stderr);
    const record = run.stdout.split('\r\n')[1];
    assert.ok(record.startsWith("'=cmd.md,"), record);
    assert.ok(record.includes(`"'=HYPERLINK(""http://x.invalid"",""ok"")"`), record);
    assert.ok(record.includes(",'@SUM(1+1),'+1-2,"), record);
    for (const start of ['=', '+', '-', '@', '\t', '\r']) assert.strictEqual(csvField(`${start}1`).replace(/^"/, '')[0], "'", JSON.stringify(start));
    assert.strictEqual(csvField(-1), '-1', 'numbers are numbers');
    assert.ok(fs.existsSync(path.join(dir, '=cmd.md')));
  });
});
