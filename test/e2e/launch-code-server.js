#!/usr/bin/env node
/*
 * Runs a VS Code extension test suite (the @vscode/test-electron shape: an index
 * module exporting `run(): Promise<void>`) inside code-server, driven by Debian's
 * Chromium through playwright-core. Works offline. See scripts/e2e/README.md.
 *
 *   node test/e2e/launch-code-server.js --extension <abs> --tests <abs index.js> --workspace <abs dir>
 *        [--screenshot-script <abs module.js>] [--timeout-ms N] [--install-vsix <path>] [--verbose]
 *
 * Exit code: the suite's exit code (screenshot mode: 0 when drive() resolves, 1 when
 * it throws); 124 on timeout; 2 on an infrastructure error; 130/143 on SIGINT/SIGTERM. Everything started here (code-server process group,
 * Chromium, temp folders) is removed on every path.
 *
 * Environment:
 *   CODE_SERVER_BIN   code-server executable (default <repo>/.vscode-test/code-server/node_modules/.bin/code-server)
 *   CHROMIUM_PATH     Chromium executable (default /usr/bin/chromium)
 *   MOCHA_PATH        passed through to the extension host; when unset it is set to the
 *                     mocha package resolved from the extension / tests / project folder.
 *   E2E_KEEP_TMP=1    keep the temp folder (code-server log etc.) for debugging
 */
'use strict';

const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const http = require('http');
const net = require('net');
const os = require('os');
const path = require('path');
const util = require('util');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const T0 = Date.now();

function usage(msg) {
  if (msg) console.error(`launch-code-server: ${msg}`);
  console.error(
    'usage: node test/e2e/launch-code-server.js --extension <absPath> --tests <absPath index.js> ' +
      '--workspace <absPath> [--screenshot-script <absPath .js>] [--timeout-ms N] [--install-vsix <path>] [--verbose]'
  );
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { timeoutMs: 180000, verbose: !!process.env.E2E_VERBOSE };
  const takesValue = {
    '--extension': 'extension',
    '--tests': 'tests',
    '--workspace': 'workspace',
    '--screenshot-script': 'screenshotScript',
    '--timeout-ms': 'timeoutMs',
    '--install-vsix': 'installVsix',
  };
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i];
    let v;
    const eq = a.indexOf('=');
    if (a.startsWith('--') && eq > 0) {
      v = a.slice(eq + 1);
      a = a.slice(0, eq);
    }
    if (a === '--verbose') { opts.verbose = true; continue; }
    if (a === '--help' || a === '-h') usage();
    const key = takesValue[a];
    if (!key) usage(`unknown argument ${a}`);
    if (v === undefined) {
      v = argv[++i];
      if (v === undefined) usage(`${a} needs a value`);
    }
    opts[key] = v;
  }
  opts.timeoutMs = Number(opts.timeoutMs);
  if (!Number.isFinite(opts.timeoutMs) || opts.timeoutMs <= 0) usage('--timeout-ms must be a positive number');
  for (const k of ['extension', 'tests', 'workspace', 'screenshotScript', 'installVsix']) {
    if (opts[k]) opts[k] = path.resolve(opts[k]);
  }
  if (!opts.workspace) usage('--workspace is required');
  if (!opts.screenshotScript && !opts.tests) usage('--tests (or --screenshot-script) is required');
  if (!opts.extension && !opts.installVsix && !opts.screenshotScript) usage('--extension (or --install-vsix) is required');
  for (const k of ['extension', 'tests', 'workspace', 'screenshotScript', 'installVsix']) {
    if (opts[k] && !fs.existsSync(opts[k])) usage(`${k} path does not exist: ${opts[k]}`);
  }
  return opts;
}

const log = (...a) => console.log('[e2e]', ...a);
const secs = () => ((Date.now() - T0) / 1000).toFixed(1) + 's';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function httpGetStatus(url, timeoutMs) {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('timeout', () => { req.destroy(); resolve(0); });
    req.on('error', () => resolve(0));
  });
}

function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

function resolveMocha(opts) {
  if (process.env.MOCHA_PATH) return process.env.MOCHA_PATH;
  const from = [opts.tests, opts.extension, opts.workspace, process.cwd(), REPO_ROOT].filter(Boolean);
  for (const p of from) {
    try {
      const pkg = require.resolve('mocha/package.json', { paths: [fs.statSync(p).isDirectory() ? p : path.dirname(p)] });
      return path.dirname(pkg);
    } catch (_) { /* try next */ }
  }
  return undefined;
}

function loadPlaywright() {
  const candidates = [process.env.PLAYWRIGHT_CORE_PATH, 'playwright-core'].filter(Boolean);
  for (const c of candidates) {
    try {
      return require(require.resolve(c, { paths: [process.cwd(), REPO_ROOT, __dirname] }));
    } catch (_) { /* next */ }
  }
  throw new Error('playwright-core is not installed (add it to devDependencies and run npm install)');
}

// ---------------------------------------------------------------------------

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const csBin = process.env.CODE_SERVER_BIN || path.join(REPO_ROOT, '.vscode-test', 'code-server', 'node_modules', '.bin', 'code-server');
  const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!fs.existsSync(csBin)) throw new Error(`code-server not found at ${csBin}: run scripts/e2e/install.sh`);
  if (!fs.existsSync(chromiumPath)) throw new Error(`Chromium not found at ${chromiumPath}: run scripts/e2e/install.sh`);
  const { chromium } = loadPlaywright();

  const state = { tmp: null, child: null, context: null, cleaned: false, csLog: null };
  let finishing = false;

  async function cleanup() {
    if (state.cleaned) return;
    state.cleaned = true;
    if (state.context) {
      await Promise.race([state.context.close().catch(() => {}), sleep(5000)]);
    }
    if (state.child && state.child.pid) {
      const pgid = state.child.pid;
      try { process.kill(-pgid, 'SIGTERM'); } catch (_) { /* gone */ }
      for (let i = 0; i < 30 && groupAlive(pgid); i++) await sleep(100);
      if (groupAlive(pgid)) {
        try { process.kill(-pgid, 'SIGKILL'); } catch (_) { /* gone */ }
        for (let i = 0; i < 20 && groupAlive(pgid); i++) await sleep(100);
      }
    }
    if (state.tmp) {
      if (process.env.E2E_KEEP_TMP) log(`keeping temp folder ${state.tmp}`);
      else fs.rmSync(state.tmp, { recursive: true, force: true, maxRetries: 3 });
    }
  }
  // Last resort if the process exits without the async cleanup (e.g. an uncaught throw).
  process.on('exit', () => {
    if (state.child && state.child.pid && groupAlive(state.child.pid)) {
      try { process.kill(-state.child.pid, 'SIGKILL'); } catch (_) { /* gone */ }
    }
    if (state.tmp && !process.env.E2E_KEEP_TMP && fs.existsSync(state.tmp)) {
      try { fs.rmSync(state.tmp, { recursive: true, force: true }); } catch (_) { /* ignore */ }
    }
  });
  async function finish(code, why) {
    if (finishing) return;
    finishing = true;
    if (why) log(why);
    await cleanup();
    log(`finished in ${secs()} with exit code ${code}`);
    process.exit(code);
  }
  for (const [sig, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
    process.on(sig, () => { finish(code, `received ${sig}, cleaning up`); });
  }
  const timer = setTimeout(() => {
    dumpDiagnostics(state);
    finish(124, `TIMEOUT after ${opts.timeoutMs} ms`);
  }, opts.timeoutMs);
  timer.unref();

  try {
    const code = await runOnce(opts, state, csBin, chromiumPath, chromium);
    await finish(code);
  } catch (err) {
    if (finishing) return; // already shutting down (timeout / signal): errors are expected
    console.error('[e2e] ERROR:', err && err.stack ? err.stack : err);
    dumpDiagnostics(state);
    await finish(2);
  }
}

// full: code-server log tail + extension host log tail (timeouts, infra errors);
// otherwise only the extension host's error lines (e.g. an activation failure).
function dumpDiagnostics(state, full = true) {
  if (!state.tmp) return;
  if (full && state.csLog && fs.existsSync(state.csLog)) dumpTail(state.csLog, 'code-server log (tail)');
  const logsDir = path.join(state.tmp, 'user-data', 'logs');
  try {
    for (const session of fs.readdirSync(logsDir)) {
      for (const sub of fs.readdirSync(path.join(logsDir, session))) {
        const f = path.join(logsDir, session, sub, 'remoteexthost.log');
        if (!/^exthost/.test(sub) || !fs.existsSync(f)) continue;
        if (full) dumpTail(f, `extension host log ${sub} (tail)`, 40);
        else {
          const errs = fs.readFileSync(f, 'utf8').split('\n').filter((l) => /\[error\]/.test(l));
          if (errs.length) console.error(`[e2e] ----- extension host errors (${sub}) -----\n${errs.slice(-30).join('\n')}\n[e2e] -----`);
        }
      }
    }
  } catch (_) { /* no logs yet */ }
}

function dumpTail(file, title, lines = 60) {
  try {
    const text = fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    console.error(`[e2e] ----- ${title} -----\n${text}\n[e2e] -----`);
  } catch (_) { /* ignore */ }
}

async function runOnce(opts, state, csBin, chromiumPath, chromium) {
  state.tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'clauselint-e2e-'));
  const dirs = {
    userData: path.join(state.tmp, 'user-data'),
    extensions: path.join(state.tmp, 'extensions'),
    xdgConfig: path.join(state.tmp, 'xdg-config'),
    xdgData: path.join(state.tmp, 'xdg-data'),
    xdgCache: path.join(state.tmp, 'xdg-cache'),
    chromeProfile: path.join(state.tmp, 'chromium-profile'),
  };
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
  // Quiet, deterministic user settings (code-server reads them from <user-data-dir>/User).
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(dirs.userData, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.enableExperiments': false,
        'telemetry.telemetryLevel': 'off',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'update.mode': 'none',
        'security.workspace.trust.enabled': false,
        'git.enabled': false,
        'window.restoreWindows': 'none',
      },
      null,
      2
    )
  );
  state.csLog = path.join(state.tmp, 'code-server.log');

  const mochaPath = resolveMocha(opts);
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: dirs.xdgConfig,
    XDG_DATA_HOME: dirs.xdgData,
    XDG_CACHE_HOME: dirs.xdgCache, // VS Code's device id (~/.cache/Microsoft/DeveloperTools)
    // No marketplace: offline it only produces failed lookups.
    EXTENSIONS_GALLERY: process.env.EXTENSIONS_GALLERY || '{}',
  };
  delete env.VSCODE_IPC_HOOK_CLI; // never talk to an editor this may have been started from
  delete env.PASSWORD;
  delete env.HASHED_PASSWORD;
  if (mochaPath) env.MOCHA_PATH = mochaPath;
  const commonFlags = [
    '--user-data-dir', dirs.userData,
    '--extensions-dir', dirs.extensions,
  ];

  if (opts.installVsix) {
    log(`installing ${opts.installVsix} into the fresh extensions dir`);
    const r = spawnSync(csBin, ['--install-extension', opts.installVsix, ...commonFlags], {
      env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120000,
    });
    const out = `${r.stdout || ''}${r.stderr || ''}`.trim();
    if (opts.verbose || r.status !== 0) console.log(out);
    if (r.status !== 0) throw new Error(`code-server --install-extension failed (exit ${r.status})`);
    log(`installed (${secs()})`);
  }

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const logFd = fs.openSync(state.csLog, 'a');
  const csArgs = [
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    ...commonFlags,
  ];
  log(`starting code-server on ${baseUrl}`);
  // detached: true => setsid(), so the child leads its own process group and
  // `kill -<pgid>` also reaches the extension host and anything it spawned.
  state.child = spawn(csBin, csArgs, { env, detached: true, stdio: ['ignore', logFd, logFd] });
  fs.closeSync(logFd);
  let childExit = null;
  state.child.on('exit', (code, sig) => { childExit = { code, sig }; });

  // Wait for /healthz.
  const healthDeadline = Date.now() + 60000;
  for (;;) {
    if (childExit) throw new Error(`code-server exited early (${JSON.stringify(childExit)})`);
    if ((await httpGetStatus(`${baseUrl}/healthz`, 2000)) === 200) break;
    if (Date.now() > healthDeadline) throw new Error('code-server did not answer /healthz within 60 s');
    await sleep(150);
  }
  log(`code-server healthy (${secs()})`);

  const context = await chromium.launchPersistentContext(dirs.chromeProfile, {
    executablePath: chromiumPath,
    headless: true,
    // We handle signals ourselves (playwright's own handlers exit the process
    // before code-server and the temp folders are cleaned up).
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    // Chromium's crash handler writes into $XDG_CONFIG_HOME/chromium: keep it in the temp folder.
    env: { ...process.env, XDG_CONFIG_HOME: dirs.xdgConfig, XDG_CACHE_HOME: dirs.xdgCache },
    viewport: { width: 1440, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  state.context = context;
  const page = context.pages()[0] || (await context.newPage());
  log(`chromium started (${secs()})`);

  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [];
  if (opts.extension && !opts.installVsix) {
    payload.push(['extensionDevelopmentPath', remote(opts.extension)]);
  } else if (opts.installVsix && opts.tests && !opts.screenshotScript) {
    // The extension host only runs extensionTestsPath when an extensionDevelopmentPath
    // is also given. Point it at an empty folder (no package.json => no extension is
    // loaded from it), so the extension that runs is the one installed from the .vsix.
    const noDev = path.join(state.tmp, 'no-development-extension');
    fs.mkdirSync(noDev, { recursive: true });
    payload.push(['extensionDevelopmentPath', remote(noDev)]);
  }
  if (opts.tests && !opts.screenshotScript) payload.push(['extensionTestsPath', remote(opts.tests)]);
  let url = `${baseUrl}/?folder=${encodeURIComponent(opts.workspace)}`;
  if (payload.length) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;

  if (opts.verbose) {
    page.on('console', (m) => console.error(`[browser:${m.type()}] ${m.text()}`));
    page.on('pageerror', (e) => console.error(`[browser:pageerror] ${e.message}`));
  }

  // ---------------- screenshot / UI-driving mode ----------------
  if (opts.screenshotScript) {
    const mod = require(opts.screenshotScript);
    const drive = typeof mod === 'function' ? mod : mod.drive;
    if (typeof drive !== 'function') throw new Error(`${opts.screenshotScript} does not export drive(page, ctx)`);
    log(`opening ${url}`);
    await page.goto(url);
    try {
      await drive(page, { baseUrl, workspace: opts.workspace, url, port, tmpDir: state.tmp });
    } catch (err) {
      console.error('[e2e] drive() failed:', err && err.stack ? err.stack : err);
      const shot = path.join(os.tmpdir(), `clauselint-e2e-failure-${Date.now()}.png`);
      if (await page.screenshot({ path: shot }).then(() => true, () => false)) log(`screenshot of the failure: ${shot}`);
      return 1;
    }
    log(`drive() resolved (${secs()})`);
    return 0;
  }

  // ---------------- extension test mode ----------------
  const output = [];
  let resolveExit;
  const exitPromise = new Promise((r) => { resolveExit = r; });
  await page.exposeFunction('codeAutomationExit', (code) => {
    resolveExit(typeof code === 'number' ? code : Number(code) || 0);
  });
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    if (process.env.E2E_RAW) console.error('[e2e:raw]', type, JSON.stringify(args));
    const text = formatLogArgs(args);
    // The automation logger receives the workbench's own log lines as well as the
    // extension host's console output (untagged); hide known workbench chatter.
    if (!opts.verbose && isWorkbenchNoise(type, text)) return;
    output.push(text);
    (type === 'error' ? process.stderr : process.stdout).write(text + '\n');
  });
  log(`opening ${url}`);
  await page.goto(url);
  const code = await Promise.race([
    exitPromise,
    new Promise((_, rej) => {
      const t = setInterval(() => {
        if (childExit) { clearInterval(t); rej(new Error(`code-server exited during the run (${JSON.stringify(childExit)})`)); }
      }, 250);
      t.unref();
    }),
  ]);
  log(`suite finished with exit code ${code} (${secs()})`);
  printSummary(output);
  if (code !== 0) dumpDiagnostics(state, !!opts.verbose);
  return code;
}

// args is the console call's argument list, unformatted (mocha's reporter uses
// printf-style "%s"/"%d" placeholders), so format it the way console.log would.
function formatLogArgs(args) {
  const arr = Array.isArray(args) ? args : [args];
  return util.format(...arr);
}

const WORKBENCH_NOISE = [
  /^Resolving connection token\b/,
  /^Resolved connection token\b/,
  /^Creating a socket \(/,
  /^Ignoring fetching additional builtin extensions\b/,
  /^Updating additional builtin extensions cache\b/,
  /^\[Service Worker\]/,
  /^ChatSessionStore:/,
  /^Extension host \(Remote\) is unresponsive|^Extension host \(Remote\) is responsive/,
  /^\[(?:Settings Sync|UserDataSync|SettingsSync)/,
  /^Started local extension host\b/,
  /^Failed to fetch|^\[uncaught exception\]: Error: Failed to fetch|getaddrinfo|ENOTFOUND|open-vsx/i,
];
function isWorkbenchNoise(type, text) {
  if (type === 'trace' || type === 'debug') return true;
  return WORKBENCH_NOISE.some((re) => re.test(text));
}

const PLAIN_SUMMARY = /^\s*(?:\w+:\s*)?\d+ passed, \d+ failed(?:, \d+ skipped)?\s*$/;
function printSummary(lines) {
  const all = lines.join('\n').split('\n');
  if (all.some((l) => PLAIN_SUMMARY.test(l))) return; // the suite printed it already
  let passing = null;
  let failing = 0;
  let pending = 0;
  for (const l of all) {
    let m;
    if ((m = /^\s*(\d+) passing\b/.exec(l))) passing = Number(m[1]);
    else if ((m = /^\s*(\d+) failing\b/.exec(l))) failing = Number(m[1]);
    else if ((m = /^\s*(\d+) pending\b/.exec(l))) pending = Number(m[1]);
  }
  if (passing === null && failing === 0) return; // no mocha results seen
  console.log(`${passing || 0} passed, ${failing} failed${pending ? `, ${pending} skipped` : ''}`);
}

if (require.main === module) {
  main().catch((err) => {
    console.error('[e2e] ERROR:', err && err.message ? err.message : err);
    process.exit(2);
  });
}
else module.exports = { printSummary, formatLogArgs, isWorkbenchNoise };
