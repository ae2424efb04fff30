/** How bin/clauselint.js loads the CLI: the build's bundle and code cache while they are current, else the tsc output. */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { BUNDLE_FILE, BUNDLE_MANIFEST_FILE, BundleManifest, chooseCli, CODE_CACHE_FILE, compileModule, loadCli, UNBUNDLED_MAIN } from '../../server/src/cli/entryPoint';
import { CLI, ROOT, scratch } from './helpers';
import { HANG_GUARD_MS } from '../hangGuard';

const INPUTS = ['server/src/cli/main.js', 'server/src/engine/lint.js'];
const BUNDLE_SOURCE = "exports.main = async (argv) => 'bundle:' + argv.join(' ');\n";

/**
 * An out/ folder: the two inputs written at t=1000 s, the bundle at t=2000 s,
 * a manifest that describes them, and a code cache; `change` edits it after.
 */
function outFolder(change: (dir: string) => void = () => undefined): string {
  const dir = scratch();
  for (const rel of INPUTS) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), "exports.main = async () => 'tsc output';\n");
    fs.utimesSync(path.join(dir, rel), 1000, 1000);
  }
  const bundle = path.join(dir, BUNDLE_FILE);
  fs.writeFileSync(bundle, BUNDLE_SOURCE);
  fs.utimesSync(bundle, 2000, 2000);
  const stat = fs.statSync(bundle);
  const manifest: BundleManifest = { inputs: INPUTS, bundle: { bytes: stat.size, mtimeMs: stat.mtimeMs } };
  fs.writeFileSync(path.join(dir, BUNDLE_MANIFEST_FILE), JSON.stringify(manifest));
  fs.writeFileSync(path.join(dir, CODE_CACHE_FILE), compileModule(bundle).script.createCachedData());
  change(dir);
  return dir;
}

describe('CLI entry point', () => {
  it('is the bundle, with its code cache, when nothing changed since the build', () => {
    const out = outFolder();
    assert.deepStrictEqual(chooseCli(out), { file: path.join(out, BUNDLE_FILE), codeCache: path.join(out, CODE_CACHE_FILE) });
  });

  it('is the tsc output when a file the bundle was made from is newer (a bare tsc after the build)', () => {
    const out = outFolder((dir) => fs.utimesSync(path.join(dir, INPUTS[1]), 3000, 3000));
    assert.deepStrictEqual(chooseCli(out), { file: path.join(out, UNBUNDLED_MAIN) });
  });

  it('is the tsc output without a bundle, without a manifest, or when an input is gone', () => {
    for (const gone of [BUNDLE_FILE, BUNDLE_MANIFEST_FILE, INPUTS[1]]) {
      const out = outFolder((dir) => fs.rmSync(path.join(dir, gone)));
      assert.deepStrictEqual(chooseCli(out), { file: path.join(out, UNBUNDLED_MAIN) }, gone);
    }
  });

  it('leaves the code cache out when the bundle is not the one it was made with, or there is none', () => {
    // Same length, so V8 would take the cache for it: the manifest's modification time tells them apart.
    const edited = outFolder((dir) => fs.writeFileSync(path.join(dir, BUNDLE_FILE), BUNDLE_SOURCE.replace('bundle:', 'edited:')));
    assert.deepStrictEqual(chooseCli(edited), { file: path.join(edited, BUNDLE_FILE), codeCache: undefined });
    const noCache = outFolder((dir) => fs.rmSync(path.join(dir, CODE_CACHE_FILE)));
    assert.deepStrictEqual(chooseCli(noCache), { file: path.join(noCache, BUNDLE_FILE), codeCache: undefined });
  });

  it('is the bundle, with its code cache, in an installed package: no tsc output, and npm does not keep modification times', () => {
    const out = outFolder((dir) => {
      fs.rmSync(path.join(dir, 'server'), { recursive: true });
      fs.utimesSync(path.join(dir, BUNDLE_FILE), 500, 500);
    });
    assert.deepStrictEqual(chooseCli(out), { file: path.join(out, BUNDLE_FILE), codeCache: path.join(out, CODE_CACHE_FILE) });
    const edited = outFolder((dir) => {
      fs.rmSync(path.join(dir, 'server'), { recursive: true });
      fs.appendFileSync(path.join(dir, BUNDLE_FILE), '// another build\n');
    });
    assert.deepStrictEqual(chooseCli(edited), { file: path.join(edited, BUNDLE_FILE) }, 'a bundle of another size gets no code cache');
  });

  it('loads the bundle from its code cache as a module of its own folder', async () => {
    const out = outFolder((dir) => {
      fs.writeFileSync(path.join(dir, 'dep.js'), "module.exports = 'dep';\n");
      fs.writeFileSync(path.join(dir, BUNDLE_FILE), "exports.main = async () => require('./dep') + ' ' + __filename + ' ' + (module.exports === exports);\n");
    });
    const cached = compileModule(path.join(out, BUNDLE_FILE));
    const cache = cached.script.createCachedData();
    assert.strictEqual(compileModule(path.join(out, BUNDLE_FILE), cache).script.cachedDataRejected, false);
    assert.strictEqual(await (cached.run() as { main(): Promise<string> }).main(), `dep ${path.join(out, BUNDLE_FILE)} true`);
    const other = outFolder();
    assert.strictEqual(await loadCli(other).main(['a', 'b']), 'bundle:a b');
  });

  it('is the bundle with a code cache node accepts after npm run build, and bin/clauselint.js gives the same report from it', () => {
    const out = path.join(ROOT, 'out');
    const choice = chooseCli(out);
    assert.deepStrictEqual(choice, { file: path.join(out, BUNDLE_FILE), codeCache: path.join(out, CODE_CACHE_FILE) }, 'run npm run build');
    assert.strictEqual(compileModule(choice.file, fs.readFileSync(choice.codeCache!)).script.cachedDataRejected, false);
    // A preload that reports, at exit, which of our modules the process loaded.
    const preload = path.join(scratch({ 'report.js': "process.on('exit', () => process.stderr.write(JSON.stringify(Object.keys(require.cache))));" }), 'report.js');
    const args = ['-r', preload, CLI, '--format', 'json', path.join(ROOT, 'examples', 'ai-services-draft.md')];
    const env = { ...process.env, CLAUSELINT_DEBUG: undefined };
    const cachedRun = spawnSync(process.execPath, args, { encoding: 'utf8', env, timeout: HANG_GUARD_MS });
    assert.strictEqual(cachedRun.status, 1, cachedRun.stderr);
    const ours = (JSON.parse(cachedRun.stderr) as string[]).filter((f) => f.startsWith(out)).map((f) => path.relative(out, f));
    assert.deepStrictEqual(ours, [path.join('server', 'src', 'cli', 'entryPoint.js'), BUNDLE_FILE]);
    // With CLAUSELINT_DEBUG the bundle is required as usual (for source-mapped stack traces): same report.
    const plainRun = spawnSync(process.execPath, args.slice(2), { encoding: 'utf8', env: { ...env, CLAUSELINT_DEBUG: '1' }, timeout: HANG_GUARD_MS });
    assert.strictEqual(plainRun.stdout, cachedRun.stdout);
    assert.ok(JSON.parse(cachedRun.stdout).files[0].findings.length > 0);
  });
});
