'use strict';
// Throwaway extension used only to prove the e2e pipeline (code-server + Chromium).
const vscode = require('vscode');

function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand('clauselintE2eSample.hello', () => 'hello from the sample')
  );
  return { activatedAt: Date.now() };
}

function deactivate() {}

module.exports = { activate, deactivate };
