'use strict';
const assert = require('assert');
const path = require('path');
const vscode = require('vscode');

const EXT_ID = 'clauselint-e2e.clauselint-e2e-sample';

suite('e2e sample extension', () => {
  test('activates and registers its command', async () => {
    const ext = vscode.extensions.getExtension(EXT_ID);
    assert.ok(ext, `extension ${EXT_ID} is not loaded`);
    await ext.activate();
    assert.strictEqual(ext.isActive, true);
    console.log(`      (extension loaded from ${ext.extensionPath})`);
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('clauselintE2eSample.hello'), 'command not registered');
    assert.strictEqual(await vscode.commands.executeCommand('clauselintE2eSample.hello'), 'hello from the sample');
  });

  test('opens a document and reads diagnostics', async () => {
    const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
    assert.ok(folder, 'no workspace folder open');
    const uri = vscode.Uri.joinPath(folder.uri, 'sample.txt');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    assert.match(doc.getText(), /Agreement/);
    const diags = vscode.languages.getDiagnostics(doc.uri);
    assert.ok(Array.isArray(diags), 'getDiagnostics did not return an array');
  });
});
