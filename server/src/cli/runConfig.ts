/**
 * The configuration one run uses: a loader for --config / --pack (or
 * discovery), and, before anything is linted, the problems of every config
 * involved (`file:line:col: severity: message`) and a warning for each
 * deprecated rule they enable, each printed once per run on stderr. Findings
 * never carry these: they are about the configuration, not the contract.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ConfigLoader } from '../packs/config';
import { deprecationWarning } from '../packs/ruleLifecycle';
import { IgnoreRules } from '../project/ignoreRules';
import { CliError } from './cliError';
import { Io } from './io';
import { formatConfigProblem, normalisePackSpec } from '../packs/packSpecs';
import { projectPackPolicy } from '../packs/readPolicy';

export interface PackSelection {
  config?: string;
  packs: string[];
  packRoots: string[];
}

/**
 * --config, --pack and --pack-root as the loader takes them (absolute paths, prefixed
 * built-ins): plain data, so worker threads can build the same loader (loaderFor).
 */
export interface LoaderRequest {
  config?: string;
  packs: string[];
  packRoots: string[];
  cwd: string;
}

export function loaderRequest(options: PackSelection, io: Io): LoaderRequest {
  let config: string | undefined;
  if (options.config !== undefined) {
    config = path.resolve(io.cwd, options.config);
    if (!fs.existsSync(config)) throw new CliError(`cannot read config ${options.config}: no such file`);
  }
  return { config, packs: options.packs.map((p) => normalisePackSpec(p, io.cwd)), packRoots: options.packRoots, cwd: io.cwd };
}

/** The loader for a request, under the command line's read policy (packs/readPolicy.ts). */
export function loaderFor(request: LoaderRequest): ConfigLoader {
  const { config, packs, packRoots, cwd } = request;
  return new ConfigLoader({ config, packs, packBase: cwd, policy: projectPackPolicy(packRoots, cwd) });
}

/** The project's ignore rules, with `ignores:` from the config the loader finds for each file. */
export function projectIgnores(loader: ConfigLoader): IgnoreRules {
  return new IgnoreRules((file) => loader.ignoresFor(file));
}

export function createLoader(options: PackSelection, io: Io): ConfigLoader {
  return loaderFor(loaderRequest(options, io));
}

/** Returns false when a config has an error (not just a warning): the run is then a configuration error. */
export function checkConfigs(loader: ConfigLoader, files: string[], io: Io): boolean {
  const printed = new Set<string>();
  const print = (line: string) => {
    if (printed.has(line)) return;
    printed.add(line);
    io.stderr(line + '\n');
  };
  let usable = true;
  for (const file of files) {
    for (const e of loader.configFor(file).errors) {
      print(formatConfigProblem(e, io.cwd));
      if (e.severity === 'error') usable = false;
    }
  }
  if (!usable) return false;
  for (const file of files) {
    for (const rule of loader.rulesFor(file).compiled.ruleSet.rules) {
      if (rule.enabled && rule.deprecated) print(`clauselint: warning: ${deprecationWarning(rule)}`);
    }
  }
  return true;
}
