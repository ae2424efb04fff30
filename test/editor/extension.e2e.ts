/** Which build of the extension runs (the source folder or the installed .vsix), and that it starts. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { activateExtension } from './helpers';

describe('the extension under test', () => {
  it('is the build this run was asked to test, and activates', async () => {
    const ext = await activateExtension();
    assert.ok(ext.isActive);
    const where = ext.extensionPath;
    assert.ok(fs.existsSync(path.join(where, 'dist', 'extension.js')) && fs.existsSync(path.join(where, 'dist', 'server.js')), `bundled client and server in ${where}`);
    const mode = process.env.CLAUSELINT_E2E_MODE;
    if (mode === 'vsix') {
      // Installed from the packaged .vsix into the run's extensions folder: what users get.
      assert.match(path.basename(where), /^clauselint\.clauselint-\d+\.\d+\.\d+/, where);
      for (const dev of ['client', 'server', 'node_modules', 'test', 'tsconfig.json']) {
        assert.ok(!fs.existsSync(path.join(where, dev)), `the .vsix must not ship ${dev} (found in ${where})`);
      }
      // Of the build output, only the built-in packs' snapshots ship (the server reads them at start).
      if (fs.existsSync(path.join(where, 'out'))) {
        assert.deepStrictEqual(fs.readdirSync(path.join(where, 'out')), ['builtin-packs'], `the .vsix ships only out/builtin-packs of out/ (in ${where})`);
        for (const f of fs.readdirSync(path.join(where, 'out', 'builtin-packs'))) assert.match(f, /^[a-z-]+\.json$/, f);
      }
    } else if (mode === 'development') {
      assert.strictEqual(path.resolve(where), path.resolve(process.env.CLAUSELINT_E2E_EXTENSION_PATH ?? ''), 'runs from the source folder');
    }
    console.log(`    (extension ${ext.id} ${ext.packageJSON.version} from ${where})`);
  });

  it('registers its commands', async () => {
    const commands = new Set(await vscode.commands.getCommands(true));
    for (const id of ['clauselint.lintWorkspace', 'clauselint.insertClause', 'clauselint.showRuleDocs', 'clauselint.exportFindings', 'clauselint.showCoverage', 'clauselint.restartServer', 'clauselint.applySnippet']) {
      assert.ok(commands.has(id), `${id} is registered`);
    }
  });
});
