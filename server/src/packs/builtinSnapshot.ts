/**
 * Snapshots of the built-in packs. The build (npm run build) parses each
 * rules/<name>.yaml, checks it against the schema, and writes its data and the
 * positions of its rule names to out/builtin-packs/<name>.json, with the YAML
 * text it was made from. Loading a pack from its snapshot skips loading the
 * YAML parser and parsing (most of a CLI start).
 *
 * A snapshot is used only while the YAML file's text is exactly the text it
 * was made from, so after an edit to rules/*.yaml the YAML is parsed again
 * until the next build. (Comparing the text is stricter than comparing hashes,
 * and cheaper: loading node's crypto module alone costs a start ~7 ms.) A
 * missing or unreadable snapshot means the same. The .vsix ships them too
 * (out/builtin-packs beside rules/). Errors are still located in the YAML
 * text, parsed on demand.
 */
import * as fs from 'fs';
import * as path from 'path';
import { isDeepStrictEqual } from 'util';
import { exportCompiledTerms, seedCompiledTerms } from '../engine/match/compiledTerms';
import { builtinPackNames, builtinPackPath, builtinRulesDir } from './builtin';
import { PackError } from './errors';
import { checkSchema } from './schemaCheck';
import { keyLocations, parseYaml, SourceLocation } from './yamlSource';

/** Bump when what a snapshot holds changes: snapshots of another format are ignored. */
export const SNAPSHOT_FORMAT = 2;

export interface PackSnapshot {
  format: number;
  /** The YAML text the snapshot was made from. */
  yaml: string;
  /** The pack as the YAML parser reads it. */
  data: Record<string, unknown>;
  /** Where each entry of `rules:` is named. */
  ruleLocations: Record<string, SourceLocation>;
}

let dirOverride: string | null | undefined;

/** Where snapshots are read from and written to: out/builtin-packs beside the rules folder, unless set. */
export function snapshotDir(): string | undefined {
  if (dirOverride !== undefined) return dirOverride ?? undefined;
  return path.join(path.dirname(builtinRulesDir()), 'out', 'builtin-packs');
}

/** Use the snapshots in `dir`; `null` turns snapshots off, `undefined` restores the default. */
export function setSnapshotDir(dir: string | null | undefined): void {
  dirOverride = dir;
}

function snapshotFile(dir: string, packFile: string): string {
  return path.join(dir, `${path.basename(packFile, '.yaml')}.json`);
}

/** The built-in packs' terms compiled by the build, beside the snapshots (see engine/match/compiledTerms.ts). */
const COMPILED_TERMS_FILE = 'compiled-terms.json';
let seeded = false;

/** Hands the build's compiled terms to the term compiler, once per process (a missing or stale file: terms are compiled). */
function seedBuiltinCompiledTerms(dir: string): void {
  if (seeded) return;
  seeded = true;
  try {
    seedCompiledTerms(JSON.parse(fs.readFileSync(path.join(dir, COMPILED_TERMS_FILE), 'utf8')));
  } catch {
    // No file, or not readable: the terms are compiled as they are met.
  }
}

/** Writes what the term compiler holds (the build calls it after compiling every built-in pack). */
export function writeCompiledTerms(dir: string): void {
  fs.writeFileSync(path.join(dir, COMPILED_TERMS_FILE), JSON.stringify(exportCompiledTerms()));
}

/** The snapshot of built-in pack `file` if there is one made from exactly `text`, else undefined. */
export function freshSnapshot(file: string, text: string): PackSnapshot | undefined {
  const dir = snapshotDir();
  if (!dir) return undefined;
  seedBuiltinCompiledTerms(dir);
  let snapshot: Partial<PackSnapshot> | null;
  try {
    snapshot = JSON.parse(fs.readFileSync(snapshotFile(dir, file), 'utf8'));
  } catch {
    return undefined;
  }
  if (snapshot?.format !== SNAPSHOT_FORMAT || snapshot.yaml !== text) return undefined;
  if (!isObject(snapshot.data) || !isObject(snapshot.ruleLocations)) return undefined;
  return snapshot as PackSnapshot;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A snapshot of one pack's YAML text, or the errors that keep it from having one. */
export function makeSnapshot(file: string, text: string): { snapshot?: PackSnapshot; errors: PackError[] } {
  const parsed = parseYaml(file, text);
  if (!parsed.source) return { errors: parsed.errors };
  const { source } = parsed;
  const schema = checkSchema(source);
  if (schema.errors.length > 0) return { errors: schema.errors };
  const data = source.data as Record<string, unknown>;
  if (!isDeepStrictEqual(JSON.parse(JSON.stringify(data)), data)) {
    return { errors: [{ file, line: 1, column: 1, severity: 'error', message: 'the pack holds values JSON cannot keep, so it gets no snapshot' }] };
  }
  return { snapshot: { format: SNAPSHOT_FORMAT, yaml: text, data, ruleLocations: Object.fromEntries(keyLocations(source, ['rules'])) }, errors: [] };
}

/**
 * Replace the snapshots in `dir` with one per built-in pack. A pack with
 * errors gets none: it is then parsed at run time, where its errors show.
 */
export function writeSnapshots(dir: string): { written: string[]; errors: PackError[] } {
  fs.mkdirSync(dir, { recursive: true });
  for (const old of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) fs.rmSync(path.join(dir, old));
  const written: string[] = [];
  const errors: PackError[] = [];
  for (const name of builtinPackNames()) {
    const file = builtinPackPath(name)!;
    const made = makeSnapshot(file, fs.readFileSync(file, 'utf8'));
    errors.push(...made.errors);
    if (!made.snapshot) continue;
    fs.writeFileSync(snapshotFile(dir, file), JSON.stringify(made.snapshot));
    written.push(name);
  }
  return { written, errors };
}
