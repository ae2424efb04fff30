/**
 * The real-editor suite's entry point, in the @vscode/test-electron shape: VS Code's extension
 * host loads this module (extensionTestsPath) and awaits run(), which runs mocha over the
 * compiled *.e2e.js files next to it. It prints "N passed, N failed" last.
 *
 * Launchers: test/editor/run.js (offline: code-server + Chromium, see scripts/e2e/README.md)
 * and test/editor/runElectron.js (@vscode/test-electron, where VS Code can be downloaded).
 */
import * as fs from 'fs';
import * as path from 'path';

// MOCHA_PATH: set by test/e2e/launch-code-server.js to the project's mocha; else resolve from here.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Mocha: typeof import('mocha') = require(process.env.MOCHA_PATH || 'mocha');

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, reporter: 'spec', timeout: 60000, grep: process.env.CLAUSELINT_E2E_GREP || undefined });
  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.e2e.js')).sort();
  // Identity first: a run that tests the wrong build should say so before anything else.
  files.sort((a, b) => Number(b === 'extension.e2e.js') - Number(a === 'extension.e2e.js'));
  for (const f of files) mocha.addFile(path.join(__dirname, f));
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const passed = runner.stats?.passes ?? 0;
        const failed = runner.stats?.failures ?? failures;
        console.log(`${passed} passed, ${failed} failed`);
        if (failures > 0) reject(new Error(`${failures} editor test(s) failed.`));
        else resolve();
      });
    } catch (err) {
      console.error(err);
      reject(err);
    }
  });
}
