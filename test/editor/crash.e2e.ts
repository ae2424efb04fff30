/**
 * Crash isolation in the editor: the language server is killed (SIGKILL) under a
 * linted contract. The client restarts it and tells the user once; past the restart
 * budget (4 in 3 minutes) it stops and shows one error; a manual restart brings it back.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, EXTENSION_ID, openContractCopy, poll, rangeOf, ruleOf, USE_CLAUSE, waitForDiagnostics, waitForFixtureFindings } from './helpers';

/** The shape of the extension's exports that this test reads (client/src/extension.ts). */
interface CrashNotices {
  crashNotices: readonly { notice: 'restarted' | 'stopped'; message: string }[];
}

const MAX_RESTARTS = 4;

function crashNotices(): CrashNotices['crashNotices'] {
  const exports = vscode.extensions.getExtension<CrashNotices>(EXTENSION_ID)?.exports;
  assert.ok(exports && Array.isArray(exports.crashNotices), `the extension exports crashNotices (got ${JSON.stringify(exports)})`);
  return exports.crashNotices;
}

/**
 * The pids of this extension host's ClauseLint servers: node processes that run the extension's
 * server script with --clientProcessId=<this process> (vscode-languageclient forks them so).
 */
function serverPids(): number[] {
  const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
  const scripts = new Set(['dist/server.js', 'out/server/src/server.js'].map((rel) => path.join(ext.extensionPath, rel)));
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || !isAlive(Number(entry))) continue;
    let argv: string[];
    try {
      argv = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
    } catch {
      continue; // exited while we looked
    }
    if (argv.includes(`--clientProcessId=${process.pid}`) && argv.some((a) => scripts.has(path.resolve(a)))) pids.push(Number(entry));
  }
  return pids;
}

/** Running, not exited (a zombie waiting to be reaped has exited). */
function isAlive(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

/** The one running server, once there is exactly one (other than `not`). */
function theServer(what: string, not?: number): Promise<number> {
  return poll(() => {
    const pids = serverPids().filter((p) => p !== not);
    return pids.length === 1 ? pids[0] : undefined;
  }, what);
}

async function kill(pid: number): Promise<void> {
  process.kill(pid, 'SIGKILL');
  await poll(() => (isAlive(pid) ? undefined : true), `server ${pid} to exit after SIGKILL`);
}

/**
 * Types one more broad grant after clause 2.1 and waits until the findings show all of them:
 * a server linted the document's newest version.
 */
async function typeGrantAndWaitForLint(editor: vscode.TextEditor, n: number): Promise<void> {
  const doc = editor.document;
  assert.ok(await editor.edit((b) => b.insert(rangeOf(doc, USE_CLAUSE).end, `\n\n2.${n + 1} The Supplier may use the Outputs for any purpose whatsoever.`)));
  const grants = n + 1; // the fixture's own, and the n typed ones
  await waitForDiagnostics(
    doc.uri,
    (ds) => ds.filter((d) => ruleOf(d) === 'recommended/broad-use-grant').length === grants && ds.some((d) => d.range.start.line === rangeOf(doc, `2.${n + 1} The Supplier`).start.line),
    `${grants} broad-use-grant findings (document version ${doc.version})`,
  );
}

describe('crash isolation', function () {
  let editor: vscode.TextEditor;
  let typed = 0;

  before(async () => {
    await activateExtension();
    const opened = await openContractCopy('crash');
    editor = opened.editor;
    await waitForFixtureFindings(opened.doc);
  });

  after(async () => {
    // Whatever happened above, leave a running server with a fresh budget for the next suites.
    await vscode.commands.executeCommand('clauselint.restartServer');
    await closeAllEditors();
  });

  it('restarts a killed server, which lints the next edit, and tells the user once', async () => {
    assert.deepStrictEqual(crashNotices(), [], 'no crash before this test');
    const first = await theServer('the ClauseLint server process');
    await kill(first);
    const second = await theServer('a restarted server', first);
    await typeGrantAndWaitForLint(editor, ++typed);
    assert.ok(isAlive(second), `the restarted server ${second} still runs`);
    assert.deepStrictEqual(crashNotices().map((n) => n.notice), ['restarted']);
    assert.match(crashNotices()[0].message, /stopped unexpectedly and was restarted/);
  });

  it('past the restart budget, stops the server and shows exactly one error; a manual restart brings it back', async () => {
    // The first test used one restart of the budget; three more are restarted silently.
    for (let crash = 2; crash <= MAX_RESTARTS; crash++) {
      const pid = await theServer(`the server before crash ${crash}`);
      await kill(pid);
      await theServer(`the server restarted after crash ${crash}`, pid);
      await typeGrantAndWaitForLint(editor, ++typed);
    }
    assert.deepStrictEqual(crashNotices().map((n) => n.notice), ['restarted'], 'restarts after the first are not told again');

    await kill(await theServer('the server before the last crash'));
    const stopped = await poll(() => crashNotices().find((n) => n.notice === 'stopped'), 'the "stopped" error');
    assert.match(stopped.message, new RegExp(`crashed ${MAX_RESTARTS + 1} times in 3 minutes and was stopped`));
    assert.deepStrictEqual(serverPids(), [], 'no server was started again');
    assert.deepStrictEqual(crashNotices().map((n) => n.notice), ['restarted', 'stopped'], 'one warning in all, and one error');

    await vscode.commands.executeCommand('clauselint.restartServer');
    await theServer('the server started by Restart Language Server');
    await typeGrantAndWaitForLint(editor, ++typed);
  });
});
