/**
 * Which rules apply to a file: the nearest `.clauselint.yaml` above it (its
 * `extends` bring in other packs), or the built-in recommended pack when there
 * is none; plus packs named on the command line; plus glob `overrides`.
 * Loaded configs are cached and reloaded when any of their files changes.
 * A read policy (readScope.ts) decides which files configs and packs may reach.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CompiledRuleSet } from '../engine/lint';
import { builtinPackPath, BUILTIN_PREFIX } from './builtin';
import { PackError } from './errors';
import { PackContent } from './packFile';
import { applySettings, MergedConfig, mergePacks } from './merge';
import { PackPolicy, ReadScope } from './readScope';
import { builtinScope, loadPackTree, resolveNamedPack } from './resolve';

export const CONFIG_NAMES = ['.clauselint.yaml', '.clauselint.yml'];
export const DEFAULT_PACK = `${BUILTIN_PREFIX}recommended`;

export function findConfigFile(filePath: string): string | undefined {
  let dir = path.dirname(path.resolve(filePath));
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const candidate = path.join(dir, name);
      if (fs.existsSync(candidate)) return candidate;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export interface LoadedConfig {
  configFile?: string;
  merged: MergedConfig;
  /** Every pack file involved, for reloading when one changes. */
  files: string[];
  errors: PackError[];
}

export interface ConfigRequest {
  /** An explicit config file (`--config`): used for every file instead of discovery. */
  config?: string;
  /** Extra packs (`--pack`), as built-in ids, paths or npm names, loaded after the config. */
  packs?: string[];
  /** The folder relative paths and npm names in `packs` are resolved from (default: the current folder). */
  packBase?: string;
  /** What configs and packs may read (e.g. less in an untrusted workspace); without one, anything. */
  policy?: PackPolicy;
}

/** Modification times of `files`, to notice when a cached config is out of date. */
export function filesStamp(files: string[]): string {
  return files.map((f) => {
    try {
      return fs.statSync(f).mtimeMs;
    } catch {
      return -1;
    }
  }).join(',');
}

export class ConfigLoader {
  private readonly cache = new Map<string, { loaded: LoadedConfig; stamp: string }>();
  private readonly perFile = new Map<string, CompiledRuleSet>();

  constructor(private readonly request: ConfigRequest = {}) {}

  /** Load (or reuse) the config that governs `filePath`. */
  configFor(filePath: string): LoadedConfig {
    const configFile = this.request.config ? path.resolve(this.request.config) : findConfigFile(filePath);
    const key = configFile ?? '<default>';
    const hit = this.cache.get(key);
    if (hit && filesStamp(hit.loaded.files) === hit.stamp) return hit.loaded;
    const loaded = loadConfig(configFile, this.request.packs ?? [], { policy: this.request.policy, packBase: this.request.packBase });
    this.cache.set(key, { loaded, stamp: filesStamp(loaded.files) });
    for (const k of [...this.perFile.keys()]) if (k.startsWith(key + '\u0000')) this.perFile.delete(k);
    return loaded;
  }

  /** The compiled rules for one file, with the config's glob overrides applied. */
  rulesFor(filePath: string): { compiled: CompiledRuleSet; config: LoadedConfig } {
    const config = this.configFor(filePath);
    const { merged } = config;
    if (merged.overrides.length === 0) return { compiled: merged.compiled, config };
    // Loaded here: only configs with glob overrides need it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const picomatch = require('picomatch') as typeof import('picomatch');
    const matching = merged.overrides.filter((o) => {
      const rel = path.relative(o.baseDir, path.resolve(filePath)).split(path.sep).join('/');
      return !rel.startsWith('..') && picomatch.isMatch(rel, o.files, { dot: true });
    });
    if (matching.length === 0) return { compiled: merged.compiled, config };
    const key = (config.configFile ?? '<default>') + '\u0000' + matching.map((o) => merged.overrides.indexOf(o)).join(',');
    let compiled = this.perFile.get(key);
    if (!compiled) {
      const rules = merged.compiled.ruleSet.rules.map((r) => ({ ...r }));
      for (const o of matching) applySettings(undefined, o.rules, rules, [], [], merged.replaced);
      compiled = { ruleSet: { ...merged.compiled.ruleSet, rules }, scanner: merged.compiled.scanner };
      this.perFile.set(key, compiled);
    }
    return { compiled, config };
  }

  /** The `ignores:` of the config that governs `filePath` (its extends included), relative to the config's folder. */
  ignoresFor(filePath: string): { configFile: string; patterns: string[] } | undefined {
    const config = this.configFor(filePath);
    return config.configFile ? { configFile: config.configFile, patterns: config.merged.ignores } : undefined;
  }

  clear(): void {
    this.cache.clear();
    this.perFile.clear();
  }
}

export interface LoadOptions {
  policy?: PackPolicy;
  /** Where relative paths and npm names of `extraPacks` are resolved from (default: the current folder). */
  packBase?: string;
}

export function loadConfig(configFile: string | undefined, extraPacks: string[], options: LoadOptions = {}): LoadedConfig {
  const { policy } = options;
  const errors: PackError[] = [];
  const packs: PackContent[] = [];
  const seen = new Set<string>();
  const add = (file: string | undefined, scope: ReadScope | undefined) => {
    if (!file) {
      errors.push({ file: DEFAULT_PACK, line: 1, column: 1, severity: 'error', message: "the built-in default pack is missing from ClauseLint's rules folder (a broken install?)" });
      return;
    }
    const tree = loadPackTree(file, scope);
    errors.push(...tree.errors);
    for (const p of tree.packs) {
      if (seen.has(p.file)) continue;
      seen.add(p.file);
      packs.push(p);
    }
  };
  const defaultPack = () => add(builtinPackPath(DEFAULT_PACK.slice(BUILTIN_PREFIX.length)), policy && builtinScope(policy.npmRefusal));
  if (configFile) {
    const scope = policy?.entryScope(configFile);
    if (!fs.existsSync(configFile)) errors.push({ file: configFile, line: 1, column: 1, severity: 'error', message: 'config file not found' });
    else if (typeof scope === 'string') errors.push({ file: configFile, line: 1, column: 1, severity: 'error', message: `this config is not read: ${scope}` });
    else add(configFile, scope);
    // A config that cannot be read at all still leaves the user with the default rules.
    if (!seen.has(configFile)) defaultPack();
  } else {
    defaultPack();
  }
  for (const spec of extraPacks) {
    const { file, error, scope } = resolveNamedPack(spec, options.packBase ?? process.cwd(), policy);
    if (file) add(file, scope);
    else errors.push({ file: spec, line: 1, column: 1, severity: 'error', message: error ?? 'cannot load pack' });
  }
  const merged = mergePacks(packs);
  errors.push(...merged.errors);
  const files = packs.map((p) => p.file);
  if (configFile && !files.includes(configFile)) files.push(configFile);
  return { configFile, merged, files, errors };
}
