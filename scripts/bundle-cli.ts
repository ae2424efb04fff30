/**
 * Build step (part of npm run build, after tsc): bundles the compiled CLI
 * (out/server/src/cli/main.js and the modules it imports, not the npm
 * packages) into out/cli.js with esbuild, with a source map that leads back to
 * the TypeScript, and lists the files it was made from in out/cli.inputs.json
 * (see server/src/cli/entryPoint.ts for when bin/clauselint.js uses it).
 * Without esbuild (a production install) there is no bundle, and the CLI runs
 * from the tsc output.
 */
import * as fs from 'fs';
import * as path from 'path';
import { BUNDLE_FILE, BUNDLE_INPUTS_FILE, BundleInputs, UNBUNDLED_MAIN } from '../server/src/cli/entryPoint';
import { REPO_ROOT } from './lib/paths';

const OUT = path.join(REPO_ROOT, 'out');

function loadEsbuild(): typeof import('esbuild') | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('esbuild') as typeof import('esbuild');
  } catch {
    return undefined;
  }
}

function main(): number {
  const bundle = path.join(OUT, BUNDLE_FILE);
  const inputsFile = path.join(OUT, BUNDLE_INPUTS_FILE);
  // An old bundle must never outlive a failed or skipped bundling.
  for (const file of [bundle, `${bundle}.map`, inputsFile]) fs.rmSync(file, { force: true });
  const esbuild = loadEsbuild();
  if (!esbuild) {
    console.log('bundle-cli: esbuild is not installed; the CLI runs from the tsc output');
    return 0;
  }
  const result = esbuild.buildSync({
    absWorkingDir: OUT,
    entryPoints: [UNBUNDLED_MAIN],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    outfile: bundle,
    sourcemap: true,
    metafile: true,
    logLevel: 'warning',
  });
  const inputs: BundleInputs = { inputs: Object.keys(result.metafile.inputs).sort() };
  fs.writeFileSync(inputsFile, JSON.stringify(inputs, null, 1) + '\n');
  console.log(`bundle-cli: out/${BUNDLE_FILE} from ${inputs.inputs.length} modules`);
  return 0;
}

process.exitCode = main();
