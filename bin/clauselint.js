#!/usr/bin/env node
'use strict';
// Stop quietly when the reader goes away (clauselint ... | head).
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});
// With CLAUSELINT_DEBUG, stack traces point into the TypeScript sources, even from the bundle.
if (process.env.CLAUSELINT_DEBUG) process.setSourceMapsEnabled(true);

const fs = require('fs');
const path = require('path');

const out = path.join(__dirname, '..', 'out');
// In a clone: the tsc output's loader. The npm package ships only bundles, the loader's too (out/cliLoader.js).
const loader = [path.join(out, 'server', 'src', 'cli', 'entryPoint.js'), path.join(out, 'cliLoader.js')].find((file) => fs.existsSync(file));
if (!loader) {
  process.stderr.write('clauselint: the CLI is not built yet: run "npm run build" in the clauselint folder first.\n');
  process.exit(2);
}
// The bundle the build makes (out/cli.js) while it is current, else the tsc output; an installed package has only the bundle.
const cli = require(loader).loadCli(out);
cli.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
