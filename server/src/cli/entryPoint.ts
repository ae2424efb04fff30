/**
 * How bin/clauselint.js loads the compiled CLI. The build bundles the CLI into
 * one file, out/cli.js, and compiles it once ahead with V8's code cache
 * (scripts/lib/build/bundleCli.ts): one module loads faster than the sixty it is made
 * of, and cached bytecode faster than source. The bundle is used only while no
 * file it was made from has changed since (after a bare `tsc`, say), and the
 * code cache only for the very bundle it was made with (V8 itself checks just
 * the length of the source). Otherwise the tsc output is loaded as it is.
 * The npm package ships the bundle without the tsc output (package.json
 * `files`): there the bundle is all there is, and its code cache is used when
 * its size matches (npm does not keep modification times).
 */
import * as fs from 'fs';
import Module, { createRequire } from 'module';
import * as path from 'path';
import * as vm from 'vm';

/** In the out/ folder: the bundle, what it was made from, and its code cache. */
export const BUNDLE_FILE = 'cli.js';
export const BUNDLE_MANIFEST_FILE = 'cli.bundle.json';
export const CODE_CACHE_FILE = 'cli.js.v8cache';
export const UNBUNDLED_MAIN = path.join('server', 'src', 'cli', 'main.js');

export interface BundleManifest {
  /** Paths relative to the out/ folder. */
  inputs: string[];
  /** The bundle as written: a code cache is for this file only. */
  bundle: { bytes: number; mtimeMs: number };
}

export interface CliChoice {
  file: string;
  /** The code cache made with this bundle, when there is one. */
  codeCache?: string;
}

export function chooseCli(outDir: string): CliChoice {
  const bundle = path.join(outDir, BUNDLE_FILE);
  if (!fs.existsSync(path.join(outDir, UNBUNDLED_MAIN))) return packagedCli(outDir, bundle);
  try {
    const stat = fs.statSync(bundle);
    const manifest = JSON.parse(fs.readFileSync(path.join(outDir, BUNDLE_MANIFEST_FILE), 'utf8')) as BundleManifest;
    const { inputs } = manifest;
    if (inputs.length > 0 && inputs.every((file) => fs.statSync(path.join(outDir, file)).mtimeMs <= stat.mtimeMs)) {
      const cache = path.join(outDir, CODE_CACHE_FILE);
      const sameBundle = manifest.bundle?.bytes === stat.size && manifest.bundle?.mtimeMs === stat.mtimeMs;
      return { file: bundle, codeCache: sameBundle && fs.existsSync(cache) ? cache : undefined };
    }
  } catch {
    // no bundle, no manifest, or an input gone: the tsc output is always there
  }
  return { file: path.join(outDir, UNBUNDLED_MAIN) };
}

/** An installed package: the bundle, with its code cache when the manifest describes this very bundle. */
function packagedCli(outDir: string, bundle: string): CliChoice {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(outDir, BUNDLE_MANIFEST_FILE), 'utf8')) as BundleManifest;
    const cache = path.join(outDir, CODE_CACHE_FILE);
    if (manifest.bundle?.bytes === fs.statSync(bundle).size && fs.existsSync(cache)) return { file: bundle, codeCache: cache };
  } catch {
    // no manifest: the bundle without a code cache
  }
  return { file: bundle };
}

export interface CliModule {
  main(argv: string[]): Promise<number>;
}

/** The CLI module, from its code cache when it has one (not with CLAUSELINT_DEBUG: stack traces then go through source maps). */
export function loadCli(outDir: string): CliModule {
  const choice = chooseCli(outDir);
  // A cache V8 rejects (another node version) only costs the compile it was meant to save.
  if (choice.codeCache && !process.env.CLAUSELINT_DEBUG) return compileModule(choice.file, fs.readFileSync(choice.codeCache)).run() as CliModule;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(choice.file) as CliModule;
}

/**
 * A CommonJS file compiled the way node's loader wraps it, optionally from a
 * code cache; `run` evaluates it once as a module. The build uses the same
 * function to make the cache, so the compiled source is the same string.
 */
export function compileModule(file: string, cachedData?: Buffer): { script: vm.Script; run(): unknown } {
  const script = new vm.Script(Module.wrap(fs.readFileSync(file, 'utf8')), { filename: file, cachedData });
  const run = () => {
    const mod = new Module(file, module);
    mod.filename = file;
    const wrapper = script.runInThisContext() as (exports: unknown, require: NodeRequire, module: Module, filename: string, dirname: string) => void;
    wrapper.call(mod.exports, mod.exports, createRequire(file), mod, file, path.dirname(file));
    mod.loaded = true;
    require.cache[file] = mod;
    return mod.exports;
  };
  return { script, run };
}
