/**
 * Which compiled CLI bin/clauselint.js loads. The build bundles the CLI into
 * one file, out/cli.js (scripts/bundle-cli.ts): one module loads tens of
 * milliseconds faster than the sixty it is made of. It is used only while no
 * file it was made from has changed since (after a bare `tsc`, say); otherwise,
 * and when there is no bundle, the tsc output is loaded as it is.
 */
import * as fs from 'fs';
import * as path from 'path';

/** The bundle and the list of files it was made from, in the out/ folder. */
export const BUNDLE_FILE = 'cli.js';
export const BUNDLE_INPUTS_FILE = 'cli.inputs.json';
export const UNBUNDLED_MAIN = path.join('server', 'src', 'cli', 'main.js');

export interface BundleInputs {
  /** Paths relative to the out/ folder. */
  inputs: string[];
}

export function cliEntry(outDir: string): string {
  const bundle = path.join(outDir, BUNDLE_FILE);
  try {
    const built = fs.statSync(bundle).mtimeMs;
    const { inputs } = JSON.parse(fs.readFileSync(path.join(outDir, BUNDLE_INPUTS_FILE), 'utf8')) as BundleInputs;
    if (inputs.length > 0 && inputs.every((file) => fs.statSync(path.join(outDir, file)).mtimeMs <= built)) return bundle;
  } catch {
    // no bundle, no list, or an input gone: the tsc output is always there
  }
  return path.join(outDir, UNBUNDLED_MAIN);
}
