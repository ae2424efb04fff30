/**
 * Finding an npm package's pack with Node's own resolver (module.createRequire
 * from the extending file's folder): the package folder where `require` would
 * look for it (node_modules above, then Node's global folders), and, through
 * the package's `exports` map, the file a subpath names (`@acme/rules/strict`)
 * or the package's main export when it is a YAML pack. Without those: the
 * `clauselint.pack` path in its package.json, else clauselint.yaml or pack.yaml.
 */
import * as fs from 'fs';
import { createRequire } from 'module';
import * as path from 'path';
import { isInsideFolder, realPathOf } from './readScope';

export interface PackageResolution {
  file?: string;
  packageVersion?: string;
  packageDir?: string;
  error?: string;
}

/** A package name, optionally with a subpath: `name`, `@scope/name`, `@scope/name/strict`. */
const PACKAGE_SPEC = /^((?:@[a-z0-9._-]+\/)?[a-z0-9._-]+)((?:\/[a-z0-9._-]+)*)$/i;
const PACK_FILE = /\.ya?ml$/i;

/** JSON.parse's message quotes the text it choked on: keep only where. */
function jsonProblem(err: unknown): string {
  const position = /position (\d+)/.exec((err as Error).message)?.[1];
  return `not valid JSON${position ? ` (at character ${Number(position) + 1})` : ''}`;
}

function packageDirOf(req: NodeRequire, name: string): string | undefined {
  for (const dir of req.resolve.paths(name) ?? []) {
    const candidate = path.join(dir, name);
    if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
  }
  return undefined;
}

function resolved(req: NodeRequire, request: string): { file?: string; code?: string } {
  try {
    return { file: req.resolve(request) };
  } catch (err) {
    return { code: (err as NodeJS.ErrnoException).code ?? (err as Error).message };
  }
}

export function resolvePackage(spec: string, fromDir: string): PackageResolution {
  const m = PACKAGE_SPEC.exec(spec);
  if (!m) return { error: `"${spec}" is not a built-in id (clauselint:<name>), a relative path (./pack.yaml) or an npm package name (optionally with a version range: name@^1.2.0)` };
  const [, name, subpath] = m;
  // createRequire wants a file; it need not exist.
  const req = createRequire(path.join(path.resolve(fromDir), '__clauselint__.js'));
  const pkgDir = packageDirOf(req, name);
  if (!pkgDir) return { error: `npm package "${name}" not found in any node_modules folder above ${fromDir} (run npm install?)` };
  const manifest = path.join(pkgDir, 'package.json');
  // A package may only point inside itself, links resolved.
  const realDir = realPathOf(pkgDir);
  const ownFile = (file: string) => isInsideFolder(realPathOf(file), realDir);
  if (!ownFile(manifest)) return { error: `package ${name}'s package.json is a link outside the package` };
  let text: string;
  try {
    text = fs.readFileSync(manifest, 'utf8');
  } catch (err) {
    return { error: `cannot read ${manifest}: ${(err as NodeJS.ErrnoException).code ?? 'read error'}` };
  }
  let pkg: { version?: unknown; exports?: unknown; clauselint?: { pack?: unknown } };
  try {
    pkg = JSON.parse(text) ?? {};
  } catch (err) {
    return { error: `cannot read ${manifest}: ${jsonProblem(err)}` };
  }
  const packageVersion = typeof pkg.version === 'string' ? pkg.version : undefined;
  const found = (file: string, shown: string): PackageResolution =>
    ownFile(file) ? { file, packageVersion, packageDir: pkgDir } : { error: `package ${name} points its pack outside itself (${shown})` };

  if (subpath) {
    const target = resolved(req, name + subpath);
    if (!target.file) return { error: `package ${name} has no "${'.' + subpath}" (${target.code === 'ERR_PACKAGE_PATH_NOT_EXPORTED' ? 'not in its exports map' : 'no such file'})` };
    return found(target.file, '.' + subpath);
  }
  const declared = pkg.clauselint?.pack;
  if (declared !== undefined && typeof declared !== 'string') return { error: `package ${name}: "clauselint.pack" in its package.json must be a path (e.g. "pack.yaml")` };
  if (declared) {
    const file = path.resolve(pkgDir, declared);
    if (!ownFile(file)) return { error: `package ${name} points its pack outside itself (${declared})` };
    if (fs.existsSync(file)) return found(file, declared);
  }
  if (pkg.exports !== undefined) {
    const main = resolved(req, name).file;
    if (main && PACK_FILE.test(main)) return found(main, 'exports');
  }
  for (const candidate of ['clauselint.yaml', 'pack.yaml']) {
    const file = path.join(pkgDir, candidate);
    if (fs.existsSync(file)) return found(file, candidate);
  }
  return { error: `package ${name} has no pack: add "clauselint": { "pack": "pack.yaml" } to its package.json, or export one ("exports": { ".": "./pack.yaml" })` };
}
