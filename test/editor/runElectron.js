#!/usr/bin/env node
/*
 * The same real-editor suite under @vscode/test-electron, for machines that can download
 * VS Code (desktop). Not used by npm test: machines here cannot download VS Code, so
 * test/editor/run.js runs the suite in code-server instead (see scripts/e2e/README.md).
 *
 *   npx tsc -p test/editor && npm run build:bundle
 *   node test/editor/runElectron.js                      # the extension from this folder
 *   npm run package && node test/editor/runElectron.js --install-vsix clauselint-0.1.0.vsix
 *
 * Env: VSCODE_VERSION (default "stable"), VSCODE_EXECUTABLE (use an installed VS Code).
 * Prints "N passed, N failed" (from the suite) and exits with the suite's result.
 */
'use strict';

const cp = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { downloadAndUnzipVSCode, resolveCliArgsFromVSCodeExecutablePath, runTests } = require('@vscode/test-electron');

const ROOT = path.resolve(__dirname, '..', '..');

async function main() {
  const argv = process.argv.slice(2);
  const vsixAt = argv.indexOf('--install-vsix');
  const vsix = vsixAt >= 0 ? path.resolve(argv[vsixAt + 1] || '') : undefined;
  if (vsixAt >= 0 && !fs.existsSync(vsix)) throw new Error(`--install-vsix: no such file ${vsix}`);

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'clauselint-electron-'));
  try {
    const workspace = path.join(tmp, 'workspace');
    fs.cpSync(path.join(__dirname, 'fixture'), workspace, { recursive: true });
    const userData = path.join(tmp, 'user-data');
    const extensionsDir = path.join(tmp, 'extensions');
    const vscodeExecutablePath = process.env.VSCODE_EXECUTABLE || (await downloadAndUnzipVSCode(process.env.VSCODE_VERSION || 'stable'));
    const common = [`--user-data-dir=${userData}`, `--extensions-dir=${extensionsDir}`];

    let extensionDevelopmentPath = ROOT;
    const extensionTestsEnv = { CLAUSELINT_E2E_MODE: 'development', CLAUSELINT_E2E_EXTENSION_PATH: ROOT };
    if (vsix) {
      const [cli, ...cliArgs] = resolveCliArgsFromVSCodeExecutablePath(vscodeExecutablePath);
      const r = cp.spawnSync(cli, [...cliArgs, ...common, '--install-extension', vsix], { encoding: 'utf8', stdio: 'inherit', shell: process.platform === 'win32' });
      if (r.status !== 0) throw new Error(`installing ${vsix} failed (exit ${r.status})`);
      // Tests only run with a development path: an empty folder, so the installed extension is the one that runs.
      extensionDevelopmentPath = path.join(tmp, 'no-development-extension');
      fs.mkdirSync(extensionDevelopmentPath);
      extensionTestsEnv.CLAUSELINT_E2E_MODE = 'vsix';
      delete extensionTestsEnv.CLAUSELINT_E2E_EXTENSION_PATH;
    }

    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath,
      extensionTestsPath: path.join(ROOT, 'out', 'test', 'editor', 'index.js'),
      extensionTestsEnv,
      // No --disable-extensions: it would also disable the extension installed from the .vsix.
      launchArgs: [workspace, ...common, '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes', '--disable-telemetry'],
    });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error('runElectron:', err && err.message ? err.message : err);
    process.exit(1);
  },
);
