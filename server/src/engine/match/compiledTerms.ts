/**
 * Compiled phrases, patterns and merged scans, kept by their text: a rule set that repeats terms
 * already compiled (another workspace folder's config, a pack change) compiles each term once.
 * The build writes the built-in packs' entries to out/builtin-packs/compiled-terms.json, and a
 * CLI start or a worker thread reads them instead of compiling (see packs/builtinSnapshot.ts).
 * Entries are used only if this compiler makes them too: a sample of them is compiled again when
 * the file is read, and the merged scans are checked by a small one built again (a file from
 * another build is ignored whole).
 */
import { mergedAlternation } from './alternationTrie';
import { Alternative, compilePhrase } from './phrase';
import { compilePattern, CompiledPattern } from './safePattern';

export interface CompiledTermsFile {
  phrases: [string, Alternative][];
  patterns: [string, CompiledPattern][];
  merged: [string, string][];
  /**
   * The prefix tree of the first sources of a merged entry, to check the file's merged entries by:
   * building a whole one again would cost a CLI start (and each worker) ~10 ms.
   */
  mergedProbe?: [string, string];
}

/** Sources in the merged probe: enough to exercise shared prefixes, patterns and ordering. */
const PROBE_SOURCES = 96;

function mergedProbe(): [string, string] | undefined {
  const first = merged.keys().next();
  if (first.done) return undefined;
  const sources = first.value.split('\u0000').slice(0, PROBE_SOURCES);
  return [sources.join('\u0000'), mergedAlternation(sources)];
}

/** More entries than this (a hostile pack) empties a map before it grows further. */
const MAX_ENTRIES = 20_000;

const phrases = new Map<string, Alternative>();
const patterns = new Map<string, CompiledPattern>();
const merged = new Map<string, string>();

function remember<V>(map: Map<string, V>, key: string, value: V): V {
  if (map.size >= MAX_ENTRIES) map.clear();
  map.set(key, value);
  return value;
}

/** `compilePhrase`, once per phrase text (throws as it does). */
export function phraseOnce(phrase: string): Alternative {
  return phrases.get(phrase) ?? remember(phrases, phrase, compilePhrase(phrase));
}

/** `compilePattern`, once per pattern text (throws as it does: errors are not kept). */
export function patternOnce(pattern: string): CompiledPattern {
  return patterns.get(pattern) ?? remember(patterns, pattern, compilePattern(pattern));
}

/** `mergedAlternation`, once per list of sources. */
export function mergedOnce(sources: readonly string[]): string {
  const key = sources.join('\u0000');
  return merged.get(key) ?? remember(merged, key, mergedAlternation(sources));
}

export function exportCompiledTerms(): CompiledTermsFile {
  const probe = mergedProbe();
  return { phrases: [...phrases], patterns: [...patterns], merged: [...merged], ...(probe ? { mergedProbe: probe } : {}) };
}

/** One entry in this many is compiled again to check a file (and the first and last of each list). */
const SAMPLE_EVERY = 64;

function sample<T>(list: T[]): T[] {
  return list.filter((_, i) => i % SAMPLE_EVERY === 0 || i === list.length - 1);
}

/** Whether this compiler makes the same entries as a sample of the file's. */
function sameCompiler(f: CompiledTermsFile): boolean {
  // As the file holds them: JSON (no undefined fields).
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  try {
    return (
      sample(f.phrases).every(([k, v]) => same(compilePhrase(k), v)) &&
      sample(f.patterns).every(([k, v]) => same(compilePattern(k), v)) &&
      (f.merged.length === 0 || (f.mergedProbe !== undefined && mergedAlternation(f.mergedProbe[0].split('\u0000')) === f.mergedProbe[1]))
    );
  } catch {
    return false;
  }
}

/** Takes the entries of a file this compiler would make too; anything else (another build, a damaged file) is ignored. */
export function seedCompiledTerms(file: unknown): boolean {
  const f = file as Partial<CompiledTermsFile> | null;
  if (!f || !Array.isArray(f.phrases) || !Array.isArray(f.patterns) || !Array.isArray(f.merged)) return false;
  const isPair = (e: unknown) => Array.isArray(e) && typeof e[0] === 'string' && typeof e[1] === 'string';
  const valid = f.phrases.every(isEntry) && f.patterns.every(isEntry) && f.merged.every(isPair) && (f.mergedProbe === undefined || isPair(f.mergedProbe));
  if (!valid || !sameCompiler(f as CompiledTermsFile)) return false;
  for (const [k, v] of f.phrases) phrases.set(k, v);
  for (const [k, v] of f.patterns) patterns.set(k, v);
  for (const [k, v] of f.merged) merged.set(k, v);
  return true;
}

function isEntry(e: unknown): boolean {
  return Array.isArray(e) && typeof e[0] === 'string' && typeof (e[1] as { source?: unknown } | undefined)?.source === 'string';
}
