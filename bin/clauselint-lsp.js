#!/usr/bin/env node
'use strict';
// The ClauseLint language server, for any LSP client (Neovim, Helix, Emacs eglot, ...):
//   clauselint-lsp [--stdio | --node-ipc | --socket=<port> | --pipe=<name>]   (default: --stdio)
//   clauselint-lsp --version | --help
// In a clone it runs the tsc build (out/server/src/server.js); the npm package
// ships only the CLI bundle (out/cli.js), which holds the server's code too.
const fs = require('fs');
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

const out = path.join(__dirname, '..', 'out');
const tscBuild = path.join(out, 'server', 'src', 'server.js');
const bundle = path.join(out, 'cli.js');
if (fs.existsSync(tscBuild)) require(tscBuild);
else if (fs.existsSync(bundle)) require(bundle).runLanguageServer();
else {
  process.stderr.write('clauselint-lsp: the server is not built yet: run "npm run build" in the clauselint folder first.\n');
  process.exit(2);
}
