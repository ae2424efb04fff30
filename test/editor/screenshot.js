#!/usr/bin/env node
/*
 * npm run screenshot: docs/screenshot.png from the real editor (code-server + Chromium).
 * Bundles the extension, installs code-server/Chromium if missing (cached), opens a temp
 * copy of test/editor/fixture/ with the extension from this folder, and lets
 * test/editor/screenshot-drive.js use the UI (Quick Open, Problems, Ctrl+.) and take the picture.
 *
 *   node test/editor/screenshot.js [--out <file.png>] [--skip-install]
 */
'use strict';

const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');

function must(title, cmd, args, stdio = 'inherit') {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: ['ignore', stdio, stdio], encoding: 'utf8' });
  if (r.status !== 0) {
    if (stdio === 'pipe') process.stdout.write(`${r.stdout || ''}${r.stderr || ''}`);
    console.error(`[screenshot] ${title} failed (exit ${r.status})`);
    process.exit(1);
  }
}

const argv = process.argv.slice(2);
const outAt = argv.indexOf('--out');
const out = path.resolve(outAt >= 0 ? argv[outAt + 1] : path.join(ROOT, 'docs', 'screenshot.png'));

must('npm run build:bundle', process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build:bundle'], 'pipe');
if (!argv.includes('--skip-install')) must('scripts/e2e/install.sh', 'bash', [path.join('scripts', 'e2e', 'install.sh')]);

// A stable folder name: it shows in the window title and the explorer.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'clauselint-screenshot-'));
const workspace = path.join(tmp, 'procurement');
fs.cpSync(path.join(__dirname, 'fixture'), workspace, { recursive: true });
// What a drafter would set for prose: wrapped lines, no minimap.
fs.mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
fs.writeFileSync(
  path.join(workspace, '.vscode', 'settings.json'),
  JSON.stringify({ 'editor.wordWrap': 'on', 'editor.minimap.enabled': false, 'editor.stickyScroll.enabled': false, 'workbench.editor.enablePreview': false, 'remote.autoForwardPorts': false }, null, 2),
);

const child = spawn(
  process.execPath,
  [path.join(ROOT, 'test', 'e2e', 'launch-code-server.js'), '--extension', ROOT, '--workspace', workspace, '--screenshot-script', path.join(__dirname, 'screenshot-drive.js')],
  { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, E2E_SCREENSHOT: out } },
);
const stop = (sig) => child.exitCode === null && child.kill(sig);
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
child.on('exit', (code) => {
  fs.rmSync(tmp, { recursive: true, force: true });
  if (code === 0) console.log(`[screenshot] ${path.relative(ROOT, out)} (${fs.statSync(out).size} bytes)`);
  process.exit(code === null ? 1 : code);
});
