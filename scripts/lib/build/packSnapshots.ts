/**
 * Build step (part of npm run build): writes out/builtin-packs/<name>.json, a
 * parsed and schema-checked snapshot of each built-in pack, so a CLI start
 * does not parse the YAML (see server/src/packs/builtinSnapshot.ts). A pack
 * with errors gets no snapshot and its errors are printed; the build goes on,
 * and the pack is parsed (and its errors reported) at run time.
 */
import * as path from 'path';
import { snapshotDir, writeSnapshots } from '../../../server/src/packs/builtinSnapshot';
import { REPO_ROOT } from '../corpus';

export function buildPackSnapshots(): void {
  const dir = snapshotDir()!;
  const { written, errors } = writeSnapshots(dir);
  for (const e of errors) console.error(`build-pack-snapshots: ${path.relative(REPO_ROOT, e.file)}:${e.line}:${e.column}: ${e.severity}: ${e.message}`);
  console.log(`build-pack-snapshots: ${written.length} snapshot(s) in ${path.relative(REPO_ROOT, dir)}: ${written.join(', ') || 'none'}`);
}
