'use strict';
// Test index in the @vscode/test-electron shape: exports run(): Promise<void>.
// It runs inside the extension host (here: code-server's Node extension host).
//
// Finding mocha: the extension host's require() resolves from this file's folder
// upwards, so the project's devDependency (<repo>/node_modules/mocha) is found as
// is. MOCHA_PATH (set by test/e2e/launch-code-server.js to the mocha it resolves
// from the tests/extension/project folders, or set by you) overrides that.
const path = require('path');
const Mocha = require(process.env.MOCHA_PATH || 'mocha');

function run() {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 20000, reporter: 'spec' });
  mocha.addFile(path.join(__dirname, 'extension.test.js'));
  if (process.env.E2E_SAMPLE_FAIL) mocha.addFile(path.join(__dirname, 'failing.test.js'));
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const passed = runner.stats ? runner.stats.passes : 0;
        const failed = runner.stats ? runner.stats.failures : failures;
        console.log(`${passed} passed, ${failed} failed`);
        if (failures > 0) reject(new Error(`${failures} test(s) failed.`));
        else resolve();
      });
    } catch (err) {
      console.error(err);
      reject(err);
    }
  });
}

module.exports = { run };
