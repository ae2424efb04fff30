/**
 * The entry of the npm package's one bundle, out/cli.js (scripts/bundle-cli.ts):
 * the CLI, and on demand the lint worker's and the language server's code, so
 * the package holds one copy of the engine. It sits above both adapters, so
 * neither needs to import the other.
 */
export { main } from './cli/main';

/** Run by out/lintWorker.js (a worker thread starts from a file; in the bundle the worker's code is here). */
export function runLintWorker(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('./cli/parallel/lintWorker');
}

/** Run by bin/clauselint-lsp.js when there is no tsc output (an installed package). */
export function runLanguageServer(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('./server');
}
