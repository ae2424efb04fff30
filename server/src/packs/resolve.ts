/**
 * `extends` resolution: built-in ids (clauselint:<name>), relative paths, and
 * npm package names found by Node's resolver from the extending file's folder
 * (npmPack.ts; `exports` maps included), optionally pinned to a version range (`name@^1.2.0`). Packs load
 * depth first (what a pack extends comes before it); a pack reached twice
 * loads once; a cycle is a located error. With a read scope (see
 * readScope.ts), a path must really be inside it before anything is read.
 */
import * as fs from 'fs';
import * as path from 'path';
import { BUILTIN_PREFIX, builtinPackNames, builtinPackPath } from './builtin';
import { PackError } from './errors';
import { resolvePackage } from './npmPack';
import { PackContent, readPackFile } from './packFile';
import { PackPolicy, ReadScope } from './readScope';
import { splitVersionRange, versionMismatch } from './versionRange';
import { errorAt } from './yamlSource';

export interface Resolution {
  file?: string;
  error?: string;
  /** For an npm package: its folder. */
  packageDir?: string;
}

export function isPathSpec(spec: string): boolean {
  return spec.startsWith('.') || path.isAbsolute(spec);
}

export function resolveExtends(spec: string, fromFile: string): Resolution {
  if (spec.startsWith(BUILTIN_PREFIX)) {
    const name = spec.slice(BUILTIN_PREFIX.length);
    if (name.includes('@')) return { error: `a version range can only pin an npm package; built-in packs come with ClauseLint itself` };
    const file = builtinPackPath(name);
    return file ? { file } : { error: `unknown built-in pack "${spec}" (built-in packs: ${builtinPackNames().map((n) => BUILTIN_PREFIX + n).join(', ')})` };
  }
  if (isPathSpec(spec)) {
    const file = path.resolve(path.dirname(fromFile), spec);
    return fs.existsSync(file) ? { file } : { error: `pack file not found: ${file}` };
  }
  const { name, range } = splitVersionRange(spec);
  const found = resolvePackage(name, path.dirname(fromFile));
  if (!found.file || range === undefined) return { file: found.file, error: found.error, packageDir: found.packageDir };
  const mismatch = versionMismatch(name, range, found.file, found.packageVersion);
  return mismatch ? { error: mismatch } : { file: found.file, packageDir: found.packageDir };
}

/**
 * resolveExtends within a read scope: a path must really be inside the scope
 * (checked before the file is touched), an npm name must be allowed. Returns
 * the scope that the target's own `extends` must stay in: the same scope for
 * a path or a built-in pack, the package's own files for an npm package.
 */
export function resolveInScope(spec: string, fromFile: string, scope: ReadScope | undefined): Resolution & { scope?: ReadScope } {
  if (!scope) return resolveExtends(spec, fromFile);
  if (isPathSpec(spec)) {
    const refusal = scope.refusal(path.resolve(path.dirname(fromFile), spec));
    return refusal ? { error: refusal } : { ...resolveExtends(spec, fromFile), scope };
  }
  if (spec.startsWith(BUILTIN_PREFIX)) return { ...resolveExtends(spec, fromFile), scope };
  if (scope.npmRefusal) return { error: scope.npmRefusal };
  const resolution = resolveExtends(spec, fromFile);
  if (!resolution.file) return resolution;
  return { ...resolution, scope: ReadScope.ofPackage(splitVersionRange(spec).name, resolution.packageDir ?? path.dirname(resolution.file)) };
}

/**
 * A pack the user names (--pack, clauselint.packs, test-rules): a built-in
 * id, a file, or an npm package found from `baseDir`; with a policy, the
 * scope it may read, or why it is not read.
 */
export function resolveNamedPack(spec: string, baseDir: string, policy: PackPolicy | undefined): Resolution & { scope?: ReadScope } {
  const from = path.join(baseDir, '.clauselint.yaml');
  if (!policy) return resolveExtends(spec, from);
  if (spec.startsWith(BUILTIN_PREFIX)) return { ...resolveExtends(spec, from), scope: builtinScope(policy.npmRefusal) };
  if (!isPathSpec(spec)) return resolveInScope(spec, from, builtinScope(policy.npmRefusal));
  const resolution = resolveExtends(spec, from);
  if (!resolution.file) return resolution;
  const scope = policy.entryScope(resolution.file);
  return typeof scope === 'string' ? { error: scope } : { file: resolution.file, scope };
}

/** The scope of a built-in pack: other built-in packs (and npm packages, unless refused). */
export function builtinScope(npmRefusal?: string): ReadScope {
  return ReadScope.of([], { where: "ClauseLint's built-in rules folder" }, npmRefusal);
}

/** How many packs deep `extends` may go (each pack that extends another is one level). */
export const MAX_EXTENDS_DEPTH = 32;

/** Why an `extends` target cannot be a pack (told at the `extends` line, not at the target); never opens it. */
function notARegularFile(file: string): string | undefined {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat || stat.isFile()) return undefined;
  return stat.isDirectory() ? 'it is a folder, not a pack file' : 'it is not a regular file (a FIFO, socket or device)';
}

export interface PackTree {
  packs: PackContent[];
  errors: PackError[];
}

/** A pack and everything it extends; with a scope, what it extends must stay in it (the entry itself is the caller's to check). */
export function loadPackTree(entryFile: string, scope?: ReadScope): PackTree {
  const packs: PackContent[] = [];
  const errors: PackError[] = [];
  const loaded = new Set<string>();
  const visit = (file: string, stack: string[], scope: ReadScope | undefined) => {
    const resolved = path.resolve(file);
    if (loaded.has(resolved)) return;
    const { pack, errors: fileErrors } = readPackFile(resolved);
    errors.push(...fileErrors);
    if (!pack) return;
    stack.push(resolved);
    pack.extends.forEach((spec, index) => {
      const entryPath = [...pack.extendsPath, ...(isList(pack, pack.extendsPath) ? [index] : [])];
      const { file: target, error, scope: targetScope } = resolveInScope(spec, resolved, scope);
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
      if (stack.length >= MAX_EXTENDS_DEPTH) {
        errors.push(errorAt(pack.source, entryPath, `cannot extend "${spec}": the extends chain is more than ${MAX_EXTENDS_DEPTH} packs deep`));
        return;
      }
      const notAFile = loaded.has(targetResolved) ? undefined : notARegularFile(targetResolved);
      if (notAFile) {
        errors.push(errorAt(pack.source, entryPath, `cannot extend "${spec}": ${notAFile}`));
        return;
      }
      visit(targetResolved, stack, targetScope);
    });
    stack.pop();
    loaded.add(resolved);
    packs.push(pack);
  };
  visit(entryFile, [], scope);
  return { packs, errors };
}

function isList(pack: PackContent, where: string[]): boolean {
  let node: unknown = pack.source.data;
  for (const seg of where) node = (node as Record<string, unknown>)?.[seg];
  return Array.isArray(node);
}
