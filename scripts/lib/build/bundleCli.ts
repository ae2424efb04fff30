/**
 * Build step (part of npm run build, after tsc): bundles the compiled CLI
 * (out/server/src/bundleEntry.js: cli/main.js and the modules it imports, not the npm
 * packages) into out/cli.js with esbuild (with the lint worker's and the
 * language server's code, run on demand: the npm package ships this bundle, not the tsc output), with a source map that leads back to
 * the TypeScript; lists the files it was made from in out/cli.bundle.json; and
 * writes V8's code cache of the bundle after linting the example contract
 * with it, so the functions a lint runs are cached compiled (out/cli.js.v8cache).
 * See server/src/cli/entryPoint.ts for when bin/clauselint.js uses them.
 * Without esbuild (a production install) there is no bundle, and the CLI runs
 * from the tsc output.
 */
import * as fs from 'fs';
import * as path from 'path';
import { BUNDLE_FILE, BUNDLE_MANIFEST_FILE, BundleManifest, CODE_CACHE_FILE, compileModule } from '../../../server/src/cli/entryPoint';
import { Io } from '../../../server/src/cli/io';
import { REPO_ROOT } from '../corpus';

const OUT = path.join(REPO_ROOT, 'out');
/**
 * What is bundled: out/<name>.js from each tsc output file. In a bundle
 * `__dirname` is out/, so a script the CLI starts from beside itself (the
 * worker thread's) must be there under the name it is looked for by: the
 * worker's is a two-line file that runs the worker code inside cli.js.
 */
const ENTRY_POINTS: Record<string, string> = {
  // The CLI's main, and the worker's and the language server's code (server/src/bundleEntry.ts).
  [path.basename(BUNDLE_FILE, '.js')]: path.join('server', 'src', 'bundleEntry.js'),
  // What bin/clauselint.js loads the CLI with when there is no tsc output.
  cliLoader: path.join('server', 'src', 'cli', 'entryPoint.js'),
};
/** Beside the bundle, where lintInWorkers.ts looks for the worker script. */
const LINT_WORKER_SHIM = 'lintWorker.js';
const WARM_UP_CONTRACT = path.join(REPO_ROOT, 'examples', 'ai-services-draft.md');

function loadEsbuild(): typeof import('esbuild') | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('esbuild') as typeof import('esbuild');
  } catch {
    return undefined;
  }
}

const silentIo: Io = {
  cwd: REPO_ROOT,
  env: {},
  stdout: () => undefined,
  stderr: () => undefined,
  stdoutIsTty: false,
  stderrIsTty: false,
  stdinHasData: () => false,
  readStdin: () => Promise.reject(new Error('no standard input while building')),
};

/** Lint the example contract with the bundle (text and JSON output), then save the compiled code. */
async function writeCodeCache(bundle: string): Promise<void> {
  const compiled = compileModule(bundle);
  const cli = compiled.run() as { main(argv: string[], io: Io): Promise<number> };
  for (const format of ['text', 'json']) {
    const code = await cli.main([WARM_UP_CONTRACT, '--format', format], silentIo);
    if (code !== 0 && code !== 1) throw new Error(`the bundled CLI exited with ${code} on ${WARM_UP_CONTRACT}`);
  }
  fs.writeFileSync(path.join(OUT, CODE_CACHE_FILE), compiled.script.createCachedData());
}

export async function bundleCli(): Promise<void> {
  const bundle = path.join(OUT, BUNDLE_FILE);
  // An old bundle must never outlive a failed or skipped bundling.
  const outputs = [...Object.keys(ENTRY_POINTS).flatMap((name) => [`${name}.js`, `${name}.js.map`]), LINT_WORKER_SHIM];
  for (const file of [...outputs, BUNDLE_MANIFEST_FILE, CODE_CACHE_FILE]) fs.rmSync(path.join(OUT, file), { force: true });
  const esbuild = loadEsbuild();
  if (!esbuild) {
    console.log('bundle-cli: esbuild is not installed; the CLI runs from the tsc output');
    return;
  }
  const result = esbuild.buildSync({
    absWorkingDir: OUT,
    entryPoints: ENTRY_POINTS,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    outdir: OUT,
    sourcemap: true,
    metafile: true,
    logLevel: 'warning',
  });
  // The worker thread runs the bundle's copy of the worker code (bundleEntry.ts runLintWorker).
  fs.writeFileSync(path.join(OUT, LINT_WORKER_SHIM), "'use strict';\n// Made by scripts/lib/build/bundleCli.ts: the lint worker's code is in the CLI bundle.\nrequire('./cli.js').runLintWorker();\n");
  await writeCodeCache(bundle);
  const stat = fs.statSync(bundle);
  const manifest: BundleManifest = { inputs: Object.keys(result.metafile.inputs).sort(), bundle: { bytes: stat.size, mtimeMs: stat.mtimeMs } };
  fs.writeFileSync(path.join(OUT, BUNDLE_MANIFEST_FILE), JSON.stringify(manifest, null, 1) + '\n');
  console.log(`bundle-cli: ${outputs.filter((f) => f.endsWith('.js')).map((f) => `out/${f}`).join(', ')} from ${manifest.inputs.length} modules; code cache for out/${BUNDLE_FILE}`);
}
