#!/usr/bin/env node
'use strict';
// The ClauseLint language server, for any LSP client (Neovim, Helix, Emacs eglot, ...):
//   clauselint-lsp [--stdio | --node-ipc | --socket=<port> | --pipe=<name>]   (default: --stdio)
//   clauselint-lsp --version | --help
// It runs the tsc build (out/server/src/server.js), which the npm package ships.
const path = require('path');

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(
    'usage: clauselint-lsp [--stdio | --node-ipc | --socket=<port> | --pipe=<name>]\n' +
      'The ClauseLint language server (default transport: --stdio). Editor setups: see "Using the server with other editors" in the README.\n',
  );
  process.exit(0);
}
if (args.includes('--version') || args.includes('-v')) {
  process.stdout.write(`${require(path.join(__dirname, '..', 'package.json')).version}\n`);
  process.exit(0);
}
if (!args.some((a) => /^--(stdio|node-ipc|socket|pipe)(=|$)/.test(a))) process.argv.push('--stdio');

const server = path.join(__dirname, '..', 'out', 'server', 'src', 'server.js');
try {
  require.resolve(server);
} catch {
  process.stderr.write('clauselint-lsp: the server is not built yet: run "npm run build" in the clauselint folder first.\n');
  process.exit(2);
}
require(server);
