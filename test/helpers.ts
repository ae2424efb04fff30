/** Shared test helpers: build rule sets from YAML text, lint fixture text, read findings compactly. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseDocument } from '../server/src/document/contractDocument';
import { CompiledRuleSet, FullLintResult, lintDocument, LintOptions } from '../server/src/engine/lint';
import { Finding } from '../server/src/engine/types';
import { ConfigLoader, loadConfig, LoadedConfig } from '../server/src/packs/config';

export const FIXTURES = path.join(__dirname, '..', '..', 'test', 'fixtures');

const tempDirs: string[] = [];
// Tests create many small workspaces; remove them all when the run ends.
process.on('exit', () => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

export function tempDir(prefix = 'clauselint-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

/** Write files (relative path -> content) into a fresh temp folder and return its path. */
export function writeTree(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return dir;
}

/** Load a pack given as YAML text (it may extend built-in packs). */
export function packFromYaml(yaml: string, name = 'pack.yaml'): LoadedConfig {
  const dir = writeTree({ [name]: yaml });
  return loadConfig(path.join(dir, name), []);
}

let recommendedCache: CompiledRuleSet | undefined;
export function recommended(): CompiledRuleSet {
  if (!recommendedCache) {
    const config = new ConfigLoader({}).configFor(path.join(tempDir(), 'draft.md'));
    if (config.errors.length > 0) throw new Error(`built-in pack has errors: ${config.errors.map((e) => e.message).join('; ')}`);
    recommendedCache = config.merged.compiled;
  }
  return recommendedCache;
}

export function lint(text: string, compiled: CompiledRuleSet, options: LintOptions & { path?: string } = {}): FullLintResult {
  return lintDocument(parseDocument(text, options.path ?? 'draft.md'), compiled, options);
}

/** "ruleId@matched text" for each finding: compact, readable expectations. */
export function summary(text: string, findings: Finding[]): string[] {
  return findings.map((f) => `${f.ruleId}@${text.slice(f.span.start, f.span.end).replace(/\s+/g, ' ')}`);
}

export function ruleIds(findings: Finding[]): string[] {
  return [...new Set(findings.map((f) => f.ruleId))].sort();
}

export function fixture(rel: string): string {
  return fs.readFileSync(path.join(FIXTURES, rel), 'utf8');
}
