/** Which compiled CLI bin/clauselint.js loads: the build's bundle while it is current, else the tsc output. */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { BUNDLE_FILE, BUNDLE_INPUTS_FILE, cliEntry, UNBUNDLED_MAIN } from '../../server/src/cli/entryPoint';
import { CLI, ROOT, scratch } from './helpers';

const INPUTS = ['server/src/cli/main.js', 'server/src/engine/lint.js'];

/** An out/ folder with the given files, each with its modification time in seconds. */
function outFolder(files: Record<string, number>, inputs: string[] | null = INPUTS): string {
  const dir = scratch();
  for (const [rel, mtime] of Object.entries(files)) {
    const file = path.join(dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '');
    fs.utimesSync(file, mtime, mtime);
  }
  if (inputs) fs.writeFileSync(path.join(dir, BUNDLE_INPUTS_FILE), JSON.stringify({ inputs }));
  return dir;
}

describe('CLI entry point', () => {
  const older = { 'server/src/cli/main.js': 1000, 'server/src/engine/lint.js': 1000 };

  it('is the bundle when no file it was made from changed since', () => {
    const out = outFolder({ ...older, [BUNDLE_FILE]: 2000 });
    assert.strictEqual(cliEntry(out), path.join(out, BUNDLE_FILE));
  });

  it('is the tsc output when a file the bundle was made from is newer (a bare tsc after the build)', () => {
    const out = outFolder({ ...older, 'server/src/engine/lint.js': 3000, [BUNDLE_FILE]: 2000 });
    assert.strictEqual(cliEntry(out), path.join(out, UNBUNDLED_MAIN));
  });

  it('is the tsc output without a bundle, without its list of inputs, or when an input is gone', () => {
    const noBundle = outFolder(older);
    assert.strictEqual(cliEntry(noBundle), path.join(noBundle, UNBUNDLED_MAIN));
    const noList = outFolder({ ...older, [BUNDLE_FILE]: 2000 }, null);
    assert.strictEqual(cliEntry(noList), path.join(noList, UNBUNDLED_MAIN));
    const gone = outFolder({ 'server/src/cli/main.js': 1000, [BUNDLE_FILE]: 2000 });
    assert.strictEqual(cliEntry(gone), path.join(gone, UNBUNDLED_MAIN));
  });

  it('is the bundle after npm run build, and bin/clauselint.js loads it and nothing else of ours', () => {
    const out = path.join(ROOT, 'out');
    assert.strictEqual(cliEntry(out), path.join(out, BUNDLE_FILE), 'run npm run build');
    // A preload that reports, at exit, which of our modules the process loaded.
    const preload = path.join(scratch({ 'report.js': "process.on('exit', () => process.stderr.write(JSON.stringify(Object.keys(require.cache))));" }), 'report.js');
    const run = spawnSync(process.execPath, ['-r', preload, CLI, '--format', 'json', path.join(ROOT, 'examples', 'ai-services-draft.md')], { encoding: 'utf8' });
    assert.strictEqual(run.status, 1, run.stderr);
    const ours = (JSON.parse(run.stderr) as string[]).filter((f) => f.startsWith(out)).map((f) => path.relative(out, f));
    assert.deepStrictEqual(ours, [path.join('server', 'src', 'cli', 'entryPoint.js'), BUNDLE_FILE]);
  });
});
