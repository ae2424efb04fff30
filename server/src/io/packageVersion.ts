import * as fs from 'fs';
import * as path from 'path';

/** The package version, found by walking up from this file (works from out/ and from a bundle). */
export function packageVersion(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'clauselint' && pkg.version) return pkg.version;
    } catch {
      // no package.json here; keep walking up
    }
    dir = path.dirname(dir);
  }
  return '0.0.0';
}
