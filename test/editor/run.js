#!/usr/bin/env node
/*
 * The real-editor tests (npm run test:editor, part of npm test), offline:
 *
 *   1. compile the suite (test/editor/*.ts -> out/test/editor/, its own tsconfig);
 *   2. package the extension (npm run package -> a .vsix in a temp folder; its
 *      vscode:prepublish also bundles dist/extension.js and dist/server.js);
 *   3. install code-server + Chromium if missing (scripts/e2e/install.sh, cached);
 *   4. run the suite in code-server twice, each time in a fresh temp copy of
 *      test/editor/fixture/: from the source folder (--extension <repo>) and from the
 *      installed .vsix (--install-vsix), so the artifact users get is what is tested.
 *
 * The last line printed is "N passed, N failed" (both runs together). Exit 0 only
 * when every run passed.
 *
 *   node test/editor/run.js [--only development|vsix] [--grep <mocha grep>] [--skip-install] [--verbose]
 *
 * out/ (npm run build) is not needed here: the extension runs from dist/ and the suite
 * is compiled by step 1. See scripts/e2e/README.md for the launcher and its options.
 */
'use strict';

const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');
const LAUNCHER = path.join(ROOT, 'test', 'e2e', 'launch-code-server.js');
const SUITE = path.join(ROOT, 'out', 'test', 'editor', 'index.js');
const FIXTURE = path.join(__dirname, 'fixture');
const SUMMARY = /^\s*(\d+) passed, (\d+) failed\b/;
/** Launcher exit codes that mean the editor did not run the suite (infrastructure, timeout): retried once. */
const INFRA_EXIT = new Set([2, 124]);

const T0 = Date.now();
const secs = () => `${((Date.now() - T0) / 1000).toFixed(1)} s`;
const log = (msg) => console.log(`[test:editor] ${msg}`);

function parseArgs(argv) {
  const opts = { only: null, grep: null, install: true, verbose: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--only') opts.only = argv[++i];
    else if (a === '--grep') opts.grep = argv[++i];
    else if (a === '--skip-install') opts.install = false;
    else if (a === '--verbose') opts.verbose = true;
    else {
      console.error(`test/editor/run.js: unknown argument ${a}\nusage: node test/editor/run.js [--only development|vsix] [--grep <pattern>] [--skip-install] [--verbose]`);
      process.exit(2);
    }
  }
  if (opts.only && !['development', 'vsix'].includes(opts.only)) {
    console.error('test/editor/run.js: --only takes development or vsix');
    process.exit(2);
  }
  return opts;
}

const temps = [];
let child = null;
function cleanup() {
  for (const t of temps.splice(0)) fs.rmSync(t, { recursive: true, force: true });
}
for (const [sig, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
  process.on(sig, () => {
    log(`received ${sig}: stopping`);
    // The launcher cleans up code-server and Chromium itself on TERM/INT.
    if (child && child.exitCode === null) {
      child.kill(sig);
      child.once('exit', () => {
        cleanup();
        process.exit(code);
      });
    } else {
      cleanup();
      process.exit(code);
    }
  });
}
process.on('exit', cleanup);

function mkTemp(prefix) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  temps.push(dir);
  return dir;
}

/** Runs a build step; its output is shown only when it fails (or with --verbose). */
function step(title, cmd, args, opts, stream = false) {
  const t = Date.now();
  if (stream) log(`${title} ...`);
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: ['ignore', stream ? 'inherit' : 'pipe', stream ? 'inherit' : 'pipe'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const out = `${r.stdout || ''}${r.stderr || ''}`;
  if (!stream && (r.status !== 0 || opts.verbose)) process.stdout.write(out.endsWith('\n') || !out ? out : out + '\n');
  if (r.status !== 0) {
    log(`${title} failed (exit ${r.status}${r.error ? `, ${r.error.message}` : ''})`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  log(`${title}: ok (${((Date.now() - t) / 1000).toFixed(1)} s)`);
  return out;
}

/** One launcher run; resolves with its exit code and the "N passed, N failed" it printed. */
function launch(label, launcherArgs, env) {
  return new Promise((resolve) => {
    log(`run "${label}": node ${path.relative(ROOT, LAUNCHER)} ${launcherArgs.join(' ')}`);
    child = spawn(process.execPath, [LAUNCHER, ...launcherArgs], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let summary = null;
    let buffered = '';
    child.stdout.on('data', (chunk) => {
      buffered += chunk.toString('utf8');
      const lines = buffered.split('\n');
      buffered = lines.pop();
      for (const line of lines) {
        const m = SUMMARY.exec(line);
        if (m) summary = { passed: Number(m[1]), failed: Number(m[2]) };
        // The launcher's own summary line is shown as the run's, so the last line of all is ours.
        process.stdout.write(m ? `[${label}] ${line}\n` : `${line}\n`);
      }
    });
    child.on('exit', (code, signal) => {
      if (buffered) process.stdout.write(buffered + '\n');
      child = null;
      resolve({ code: code === null ? 128 + (os.constants.signals[signal] || 0) : code, summary });
    });
  });
}

async function runSuite(label, extensionArgs, env, opts) {
  for (let attempt = 1; ; attempt++) {
    const workspace = mkTemp(`clauselint-editor-ws-${label}-`);
    fs.cpSync(FIXTURE, workspace, { recursive: true });
    const args = [...extensionArgs, '--tests', SUITE, '--workspace', workspace];
    if (opts.verbose) args.push('--verbose');
    const runEnv = { CLAUSELINT_E2E_MODE: label, ...env, ...(opts.grep ? { CLAUSELINT_E2E_GREP: opts.grep } : {}) };
    const result = await launch(label, args, runEnv);
    fs.rmSync(workspace, { recursive: true, force: true });
    if (!result.summary && INFRA_EXIT.has(result.code) && attempt === 1) {
      log(`run "${label}" did not get to run the suite (launcher exit ${result.code}); trying once more`);
      continue;
    }
    const passed = result.summary ? result.summary.passed : 0;
    let failed = result.summary ? result.summary.failed : 0;
    if (result.code !== 0 && failed === 0) failed = 1; // the run itself failed (no tests ran, or a crash after them)
    log(`run "${label}": exit ${result.code}, ${passed} passed, ${failed} failed (${secs()})`);
    return { passed, failed };
  }
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const runs = opts.only ? [opts.only] : ['development', 'vsix'];
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

  step('compile the editor suite (tsc -p test/editor)', process.execPath, [require.resolve('typescript/bin/tsc', { paths: [ROOT] }), '-p', path.join('test', 'editor')], opts);
  let vsix = null;
  if (runs.includes('vsix')) {
    const dir = mkTemp('clauselint-vsix-');
    vsix = path.join(dir, `${pkg.name}-${pkg.version}.vsix`);
    // vscode:prepublish (build:client + build:bundle) runs first, so dist/ is fresh for both runs.
    step(`npm run package (-> ${vsix})`, npm, ['run', 'package', '--', '--out', vsix], opts);
    if (!fs.existsSync(vsix)) {
      log(`npm run package did not write ${vsix}`);
      console.log('0 passed, 1 failed');
      process.exit(1);
    }
  } else {
    step('npm run build:bundle', npm, ['run', 'build:bundle'], opts);
  }
  if (opts.install) step('scripts/e2e/install.sh (code-server + Chromium, cached)', 'bash', [path.join('scripts', 'e2e', 'install.sh')], opts, true);

  const totals = { passed: 0, failed: 0 };
  for (const label of runs) {
    const r =
      label === 'development'
        ? await runSuite(label, ['--extension', ROOT], { CLAUSELINT_E2E_EXTENSION_PATH: ROOT }, opts)
        : await runSuite(label, ['--install-vsix', vsix], {}, opts);
    totals.passed += r.passed;
    totals.failed += r.failed;
  }
  cleanup();
  log(`done in ${secs()} (${runs.join(' + ')})`);
  console.log(`${totals.passed} passed, ${totals.failed} failed`);
  process.exit(totals.failed === 0 && totals.passed > 0 ? 0 : 1);
}

main().catch((err) => {
  console.error('[test:editor] ERROR:', err && err.stack ? err.stack : err);
  cleanup();
  console.log('0 passed, 1 failed');
  process.exit(1);
});
