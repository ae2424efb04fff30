/** Where the built-in packs live, however the code is laid out (compiled with tsc or bundled). */
import * as fs from 'fs';
import * as path from 'path';

let cached: string | undefined;

export function builtinRulesDir(): string {
  if (cached) return cached;
  const fromEnv = process.env.CLAUSELINT_RULES_DIR;
  if (fromEnv && fs.existsSync(path.join(fromEnv, 'schema'))) return (cached = fromEnv);
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'rules');
    if (fs.existsSync(path.join(candidate, 'schema', 'rulepack.schema.json'))) return (cached = candidate);
    dir = path.dirname(dir);
  }
  throw new Error(`cannot find ClauseLint's built-in rules folder above ${__dirname}`);
}

export const BUILTIN_PREFIX = 'clauselint:';

/** Where the built-in rules' Markdown docs are (docs/rules/<pack>/<rule>.md next to the rules folder). */
export function builtinDocsDir(): string {
  return path.join(path.dirname(builtinRulesDir()), 'docs', 'rules');
}

export function builtinPackPath(name: string): string | undefined {
  if (!/^[a-z0-9-]+$/.test(name)) return undefined;
  const file = path.join(builtinRulesDir(), `${name}.yaml`);
  return fs.existsSync(file) ? file : undefined;
}

export function builtinPackNames(): string[] {
  return fs.readdirSync(builtinRulesDir()).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -5)).sort();
}

export function isBuiltinPack(file: string): boolean {
  return path.dirname(path.resolve(file)) === path.resolve(builtinRulesDir());
}

let webBase: { value?: string } | undefined;

/** `repository` of a package.json as a web address: git+https://host/owner/name.git -> https://host/owner/name. */
export function repositoryWebUrl(repository: unknown): string | undefined {
  const url = typeof repository === 'string' ? repository : (repository as { url?: unknown } | undefined)?.url;
  if (typeof url !== 'string') return undefined;
  const web = url.replace(/^git\+/, '').replace(/\.git$/, '');
  return /^https:\/\/[^\s]+$/.test(web) ? web : undefined;
}

/**
 * Where the built-in rules' docs are published: docs/rules/ of ClauseLint's
 * repository at this version's tag, from package.json (`repository`,
 * `version`) next to the rules folder. CI annotations and SARIF carry these
 * links; the editor shows the bundled copy of the same file.
 */
export function builtinDocsWebBase(): string | undefined {
  if (!webBase) {
    webBase = {};
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(path.dirname(builtinRulesDir()), 'package.json'), 'utf8')) as { repository?: unknown; version?: unknown };
      const repo = repositoryWebUrl(pkg.repository);
      if (repo && typeof pkg.version === 'string') webBase.value = `${repo}/blob/v${pkg.version}/docs/rules/`;
    } catch {
      // no package.json beside the rules (a copied rules folder): no web links
    }
  }
  return webBase.value;
}
