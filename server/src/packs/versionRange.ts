/**
 * Version pins in `extends`: an npm pack may be named with a semver range,
 * `"@acme/contract-rules@^1.2.0"`, and must then be installed in a version
 * that satisfies it. The version is the pack's own `pack.version`, or its
 * package.json version when the pack does not declare one.
 */
import * as fs from 'fs';
import { parseYaml } from './yamlSource';

export interface PinnedSpec {
  /** The spec without its range: a package name, a path or a built-in id. */
  name: string;
  range?: string;
}

const PACKAGE_WITH_RANGE = /^((?:@[a-z0-9._-]+\/)?[a-z0-9._-]+)@(.+)$/i;

export function splitVersionRange(spec: string): PinnedSpec {
  const m = PACKAGE_WITH_RANGE.exec(spec);
  return m ? { name: m[1], range: m[2].trim() } : { name: spec };
}

/** The `pack.version` a pack file declares, without validating the rest of it. */
function declaredPackVersion(file: string): string | undefined {
  try {
    const { source } = parseYaml(file, fs.readFileSync(file, 'utf8'));
    const header = (source?.data as { pack?: { version?: unknown } } | undefined)?.pack;
    return header?.version === undefined ? undefined : String(header.version);
  } catch {
    return undefined;
  }
}

/** Why the installed pack does not satisfy `range`, or undefined when it does. */
export function versionMismatch(name: string, range: string, packFile: string, packageVersion: string | undefined): string | undefined {
  // Loaded here: only a pinned npm pack needs it, and loading it costs a CLI start ~10 ms.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const semver = require('semver') as typeof import('semver');
  if (!semver.validRange(range)) return `"${range}" is not a valid semver range (e.g. ^1.2.0, ~1.2, >=1.0.0 <2)`;
  const declared = declaredPackVersion(packFile);
  const version = declared ?? packageVersion;
  const where = declared !== undefined ? 'its pack.version' : 'its package.json';
  if (version === undefined) return `${name} declares no version (set pack.version or the package.json version), so it cannot satisfy ${range}`;
  if (!semver.valid(version)) return `${name} has version "${version}" (${where}), which is not a semver version`;
  if (!semver.satisfies(version, range)) return `${name} is version ${version} (${where}), which does not satisfy ${range}`;
  return undefined;
}
