/**
 * Build step (part of npm run build): writes out/builtin-packs/<name>.json, a
 * parsed and schema-checked snapshot of each built-in pack, so a CLI start
 * does not parse the YAML (see server/src/packs/builtinSnapshot.ts). A pack
 * with errors gets no snapshot and its errors are printed; the build goes on,
 * and the pack is parsed (and its errors reported) at run time.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ConfigLoader } from '../../../server/src/api';
import { builtinPackNames } from '../../../server/src/packs/builtin';
import { snapshotDir, writeCompiledTerms, writeSnapshots } from '../../../server/src/packs/builtinSnapshot';
import { REPO_ROOT } from '../corpus';

export function buildPackSnapshots(): void {
  const dir = snapshotDir()!;
  const { written, errors } = writeSnapshots(dir);
  for (const e of errors) console.error(`build-pack-snapshots: ${path.relative(REPO_ROOT, e.file)}:${e.line}:${e.column}: ${e.severity}: ${e.message}`);
  console.log(`build-pack-snapshots: ${written.length} snapshot(s) in ${path.relative(REPO_ROOT, dir)}: ${written.join(', ') || 'none'}`);
  compileBuiltinTerms(dir, written);
}

/** Compiles each built-in pack's rule set (as a config naming only that pack) and writes the compiled terms for starts to read. */
function compileBuiltinTerms(dir: string, packs: string[]): void {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'clauselint-build-'));
  try {
    for (const name of builtinPackNames().filter((n) => packs.includes(n))) {
      const folder = path.join(work, name);
      fs.mkdirSync(folder);
      fs.writeFileSync(path.join(folder, '.clauselint.yaml'), `extends:\n  - clauselint:${name}\n`);
      new ConfigLoader().rulesFor(path.join(folder, 'draft.md'));
    }
    writeCompiledTerms(dir);
    console.log(`build-pack-snapshots: compiled terms of ${packs.length} pack(s) in ${path.relative(REPO_ROOT, path.join(dir, 'compiled-terms.json'))}`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
