#!/usr/bin/env node
'use strict';
// Stop quietly when the reader goes away (clauselint ... | head).
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

let cli;
try {
  cli = require('../out/server/src/cli/main.js');
} catch (err) {
  if (err.code !== 'MODULE_NOT_FOUND' || !String(err.message).includes('cli/main.js')) throw err;
  process.stderr.write('clauselint: the CLI is not built yet: run "npm run build" in the clauselint folder first.\n');
  process.exit(2);
}
cli.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
