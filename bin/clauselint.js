#!/usr/bin/env node
'use strict';
// Stop quietly when the reader goes away (clauselint ... | head).
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});
// With CLAUSELINT_DEBUG, stack traces point into the TypeScript sources, even from the bundle.
if (process.env.CLAUSELINT_DEBUG) process.setSourceMapsEnabled(true);

let cli;
try {
  // The bundle the build makes (out/cli.js) while it is current, else the tsc output.
  cli = require('../out/server/src/cli/entryPoint.js').loadCli(require('path').join(__dirname, '..', 'out'));
} catch (err) {
  if (err.code !== 'MODULE_NOT_FOUND' || !String(err.message).includes('cli/entryPoint.js')) throw err;
  process.stderr.write('clauselint: the CLI is not built yet: run "npm run build" in the clauselint folder first.\n');
  process.exit(2);
}
cli.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
