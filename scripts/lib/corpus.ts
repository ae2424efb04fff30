/**
 * Where the development corpus is (../shared/corpus beside the repository, or
 * $CLAUSELINT_CORPUS) and its files in a stable order.
 */
import * as fs from 'fs';
import * as path from 'path';

/** The repository root: the scripts run from out/scripts/(lib/...), so it is found from this file's compiled place. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

export function corpusRoot(): string {
  return process.env.CLAUSELINT_CORPUS ? path.resolve(process.env.CLAUSELINT_CORPUS) : path.resolve(REPO_ROOT, '..', 'shared', 'corpus');
}

export const cuadDir = () => path.join(corpusRoot(), 'cuad-dev');
export const cuadContractsDir = () => path.join(cuadDir(), 'contracts');
export const cuadLabelsFile = () => path.join(cuadDir(), 'labels.csv');
export const standardFormsDir = () => path.join(corpusRoot(), 'standard-forms');

/** Files in `dir` with one of `extensions`, sorted by name (code-unit order, locale-independent). */
export function listFiles(dir: string, extensions: string[]): string[] {
  if (!fs.existsSync(dir)) throw new Error(`corpus folder not found: ${dir} (set CLAUSELINT_CORPUS to the corpus root)`);
  return fs
    .readdirSync(dir)
    .filter((name) => extensions.some((ext) => name.toLowerCase().endsWith(ext)))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((name) => path.join(dir, name));
}
