/**
 * Config loading under a PackPolicy (untrusted workspaces). It mirrors
 * packs/config.ts loadConfig and packs/resolve.ts loadPackTree, with the policy
 * consulted before a pack is read. A refused pack becomes a located error in the
 * file that names it; everything else keeps working.
 * TODO(engine): replace with a `canLoad` hook in ConfigRequest / loadPackTree.
 */
import * as fs from 'fs';
import * as path from 'path';
import { BUILTIN_PREFIX, builtinPackPath } from '../../packs/builtin';
import { DEFAULT_PACK, findConfigFile, LoadedConfig } from '../../packs/config';
import { PackError } from '../../packs/errors';
import { mergePacks } from '../../packs/merge';
import { PackContent, readPackFile } from '../../packs/packFile';
import { resolveExtends } from '../../packs/resolve';
import { errorAt } from '../../packs/yamlSource';
import { PackPolicy } from './packPolicy';

function defaultPackFile(): string {
  return builtinPackPath(DEFAULT_PACK.slice(BUILTIN_PREFIX.length))!;
}

/** The config file that governs `filePath` under the policy (a refused one counts as none). */
export function allowedConfigFile(filePath: string, policy: PackPolicy): string | undefined {
  const found = findConfigFile(filePath);
  return found && !policy.refusal(found, found) ? found : undefined;
}

export function loadRestrictedConfig(configFile: string | undefined, extraPacks: string[], policy: PackPolicy): LoadedConfig {
  const errors: PackError[] = [];
  const packs: PackContent[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    for (const p of loadGuardedTree(file, policy, errors)) {
      if (seen.has(p.file)) continue;
      seen.add(p.file);
      packs.push(p);
    }
  };
  if (configFile) add(configFile);
  if (!configFile || !seen.has(configFile)) add(defaultPackFile());
  for (const spec of extraPacks) {
    const { file, error } = guardedResolve(spec, path.join(process.cwd(), '.clauselint.yaml'), policy);
    if (file) add(file);
    else errors.push({ file: spec, line: 1, column: 1, severity: 'error', message: error ?? 'cannot load pack' });
  }
  const merged = mergePacks(packs);
  errors.push(...merged.errors);
  const files = packs.map((p) => p.file);
  if (configFile && !files.includes(configFile)) files.push(configFile);
  return { configFile, merged, files, errors };
}

function isPathSpec(spec: string): boolean {
  return spec.startsWith('.') || path.isAbsolute(spec);
}

/** resolveExtends, asking the policy first (resolving an npm name already reads node_modules) and again once resolved. */
function guardedResolve(spec: string, fromFile: string, policy: PackPolicy): { file?: string; error?: string } {
  const before = policy.refusal(spec, isPathSpec(spec) ? path.resolve(path.dirname(fromFile), spec) : undefined);
  if (before) return { error: before };
  const resolution = resolveExtends(spec, fromFile);
  const after = resolution.file ? policy.refusal(spec, resolution.file) : undefined;
  return after ? { error: after } : resolution;
}

function loadGuardedTree(entryFile: string, policy: PackPolicy, errors: PackError[]): PackContent[] {
  const packs: PackContent[] = [];
  const loaded = new Set<string>();
  const visit = (file: string, stack: string[]) => {
    const resolved = path.resolve(file);
    if (loaded.has(resolved)) return;
    const { pack, errors: fileErrors } = readPackFile(resolved);
    errors.push(...fileErrors);
    if (!pack) return;
    stack.push(resolved);
    const listed = Array.isArray(pack.extendsPath.reduce<unknown>((node, seg) => (node as Record<string, unknown>)?.[seg], pack.source.data));
    pack.extends.forEach((spec, index) => {
      const where = [...pack.extendsPath, ...(listed ? [index] : [])];
      const { file: target, error } = guardedResolve(spec, resolved, policy);
      if (!target) {
        errors.push(errorAt(pack.source, where, `cannot extend "${spec}": ${error}`));
        return;
      }
      const targetResolved = path.resolve(target);
      if (stack.includes(targetResolved)) {
        const cycle = [...stack.slice(stack.indexOf(targetResolved)), targetResolved].map((f) => path.basename(f)).join(' -> ');
        errors.push(errorAt(pack.source, where, `extends cycle: ${cycle}`));
        return;
      }
      visit(targetResolved, stack);
    });
    stack.pop();
    loaded.add(resolved);
    packs.push(pack);
  };
  visit(entryFile, []);
  return packs;
}

/** Modification times of `files`, to notice when a cached config is out of date. */
export function mtimeStamp(files: string[]): string {
  return files
    .map((f) => {
      try {
        return fs.statSync(f).mtimeMs;
      } catch {
        return -1;
      }
    })
    .join(',');
}
