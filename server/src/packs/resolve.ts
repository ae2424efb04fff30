/**
 * `extends` resolution: built-in ids (clauselint:<name>), relative paths, and
 * npm package names found in the nearest node_modules above the extending
 * file, optionally pinned to a version range (`name@^1.2.0`). Packs load
 * depth first (what a pack extends comes before it); a pack reached twice
 * loads once; a cycle is a located error.
 */
import * as fs from 'fs';
import * as path from 'path';
import { BUILTIN_PREFIX, builtinPackNames, builtinPackPath } from './builtin';
import { PackError } from './errors';
import { PackContent, readPackFile } from './packFile';
import { splitVersionRange, versionMismatch } from './versionRange';
import { errorAt } from './yamlSource';

export function resolveExtends(spec: string, fromFile: string): { file?: string; error?: string } {
  if (spec.startsWith(BUILTIN_PREFIX)) {
    const name = spec.slice(BUILTIN_PREFIX.length);
    if (name.includes('@')) return { error: `a version range can only pin an npm package; built-in packs come with ClauseLint itself` };
    const file = builtinPackPath(name);
    return file ? { file } : { error: `unknown built-in pack "${spec}" (built-in packs: ${builtinPackNames().map((n) => BUILTIN_PREFIX + n).join(', ')})` };
  }
  if (spec.startsWith('.') || path.isAbsolute(spec)) {
    const file = path.resolve(path.dirname(fromFile), spec);
    return fs.existsSync(file) ? { file } : { error: `pack file not found: ${file}` };
  }
  const { name, range } = splitVersionRange(spec);
  const found = resolvePackage(name, path.dirname(fromFile));
  if (!found.file || range === undefined) return { file: found.file, error: found.error };
  const mismatch = versionMismatch(name, range, found.file, found.packageVersion);
  return mismatch ? { error: mismatch } : { file: found.file };
}

/** An npm package's pack: `clauselint.pack` in its package.json, else clauselint.yaml or pack.yaml. */
function resolvePackage(name: string, fromDir: string): { file?: string; packageVersion?: string; error?: string } {
  if (!/^(@[a-z0-9._-]+\/)?[a-z0-9._-]+$/i.test(name)) return { error: `"${name}" is not a built-in id (clauselint:<name>), a relative path (./pack.yaml) or an npm package name (optionally with a version range: name@^1.2.0)` };
  let dir = path.resolve(fromDir);
  for (;;) {
    const pkgDir = path.join(dir, 'node_modules', name);
    const manifest = path.join(pkgDir, 'package.json');
    if (fs.existsSync(manifest)) {
      let declared: string | undefined;
      let packageVersion: string | undefined;
      try {
        const pkg = JSON.parse(fs.readFileSync(manifest, 'utf8'));
        declared = pkg?.clauselint?.pack;
        packageVersion = typeof pkg?.version === 'string' ? pkg.version : undefined;
      } catch (err) {
        return { error: `cannot read ${manifest}: ${(err as Error).message}` };
      }
      for (const candidate of [declared, 'clauselint.yaml', 'pack.yaml'].filter((c): c is string => !!c)) {
        const file = path.resolve(pkgDir, candidate);
        // A package may only point inside itself.
        if (!file.startsWith(pkgDir + path.sep)) return { error: `package ${name} points its pack outside itself (${candidate})` };
        if (fs.existsSync(file)) return { file, packageVersion };
      }
      return { error: `package ${name} has no pack: add "clauselint": { "pack": "pack.yaml" } to its package.json` };
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return { error: `npm package "${name}" not found in any node_modules folder above ${fromDir} (run npm install?)` };
}

/**
 * Why a pack may not be loaded (e.g. Workspace Trust), or undefined when it may.
 * `file` is absent when asked before an npm name is resolved: resolving it
 * already reads node_modules.
 */
export type PackGuard = (spec: string, file?: string) => string | undefined;

/** resolveExtends, asking the guard before resolving and again about the resolved file. */
export function resolveGuarded(spec: string, fromFile: string, guard?: PackGuard): { file?: string; error?: string } {
  if (!guard) return resolveExtends(spec, fromFile);
  const isPath = spec.startsWith('.') || path.isAbsolute(spec);
  const before = guard(spec, isPath ? path.resolve(path.dirname(fromFile), spec) : undefined);
  if (before) return { error: before };
  const resolution = resolveExtends(spec, fromFile);
  const after = resolution.file ? guard(spec, resolution.file) : undefined;
  return after ? { error: after } : resolution;
}

export interface PackTree {
  packs: PackContent[];
  errors: PackError[];
}

export function loadPackTree(entryFile: string, guard?: PackGuard): PackTree {
  const packs: PackContent[] = [];
  const errors: PackError[] = [];
  const loaded = new Set<string>();
  const visit = (file: string, stack: string[]) => {
    const resolved = path.resolve(file);
    if (loaded.has(resolved)) return;
    const { pack, errors: fileErrors } = readPackFile(resolved);
    errors.push(...fileErrors);
    if (!pack) return;
    stack.push(resolved);
    pack.extends.forEach((spec, index) => {
      const entryPath = [...pack.extendsPath, ...(isList(pack, pack.extendsPath) ? [index] : [])];
      const { file: target, error } = resolveGuarded(spec, resolved, guard);
      if (!target) {
        errors.push(errorAt(pack.source, entryPath, `cannot extend "${spec}": ${error}`));
        return;
      }
      const targetResolved = path.resolve(target);
      if (stack.includes(targetResolved)) {
        const cycle = [...stack.slice(stack.indexOf(targetResolved)), targetResolved].map((f) => path.basename(f)).join(' -> ');
        errors.push(errorAt(pack.source, entryPath, `extends cycle: ${cycle}`));
        return;
      }
      visit(targetResolved, stack);
    });
    stack.pop();
    loaded.add(resolved);
    packs.push(pack);
  };
  visit(entryFile, []);
  return { packs, errors };
}

function isList(pack: PackContent, where: string[]): boolean {
  let node: unknown = pack.source.data;
  for (const seg of where) node = (node as Record<string, unknown>)?.[seg];
  return Array.isArray(node);
}
