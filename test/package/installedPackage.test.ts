/**
 * Done-when of issue 18: the package a team installs. `npm pack` the built
 * project (scripts skipped: the test runs after the build), install the
 * tarball into an empty project from npm's cache, and run `npx clauselint`
 * and `clauselint-lsp` there. The install is offline (`--offline`) when npm's
 * cache holds the runtime dependencies; on a machine whose cache does not yet,
 * `--prefer-offline` fetches only what is missing (the test says which it used).
 */
import * as assert from 'assert';
import { spawnSync, SpawnSyncReturns } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { tempDir } from '../helpers';
import { HANG_GUARD_MS as HUNG } from '../hangGuard';
import { PlainClient } from '../lspClient';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function run(cmd: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  const env = { ...process.env, NO_COLOR: '1', npm_config_update_notifier: 'false' };
  const result = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', timeout: HUNG, maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  return result;
}

const output = (r: SpawnSyncReturns<string>) => `${r.stdout}\n${r.stderr}`;

/** The server at `bin`'s answer to initialize, over stdio, through the tests' LSP client. */
async function initializeReply(bin: string): Promise<{ capabilities: Record<string, unknown> }> {
  const client = PlainClient.start({ command: process.execPath, args: [bin, '--stdio'] });
  try {
    return await client.request('initialize', { processId: null, rootUri: null, capabilities: {} });
  } finally {
    await client.stop();
  }
}

describe('the npm package, installed into a team project', function () {
  // Packs, installs and spawns: no wall-clock limit, a slow machine only makes it slower.
  this.timeout(0);
  let tarball: string;
  let files: string[];
  let project: string;
  let installOutput: string;

  before(() => {
    const packDir = tempDir('clauselint-pack-');
    const pack = run(NPM, ['pack', '--json', '--ignore-scripts', '--pack-destination', packDir], ROOT);
    assert.strictEqual(pack.status, 0, output(pack));
    const [info] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
    tarball = path.join(packDir, info.filename);
    files = info.files.map((f) => f.path);

    project = tempDir('clauselint-team-');
    fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'team-contracts', version: '1.0.0', private: true }, null, 2));
    fs.mkdirSync(path.join(project, 'contracts'));
    fs.writeFileSync(path.join(project, 'contracts', 'msa.md'), '# Model Services Agreement\n\n1. The Supplier grants the Agency a licence to use the Model for any lawful purpose.\n');
    let install = run(NPM, ['install', '--offline', '--no-audit', '--no-fund', tarball], project);
    if (install.status !== 0 && /ENOTCACHED/.test(output(install))) {
      console.log('      (npm cache lacked a dependency: installed with --prefer-offline)');
      install = run(NPM, ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], project);
    }
    assert.strictEqual(install.status, 0, output(install));
    installOutput = output(install);
  });

  after(() => {
    for (const dir of [path.dirname(tarball), project]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('installs without an install-script prompt: no install-time scripts of its own', () => {
    assert.doesNotMatch(installOutput, /install-scripts|install script/i);
    const manifest = JSON.parse(fs.readFileSync(path.join(project, 'node_modules', 'clauselint', 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    for (const hook of ['preinstall', 'install', 'postinstall', 'prepare']) assert.strictEqual(manifest.scripts[hook], undefined, hook);
    assert.ok(manifest.scripts.prepack, 'the build runs when the package is packed');
  });

  it('holds one copy of the built code (the bundle the bins run), a LICENSE, and no screenshots or tsc output', () => {
    assert.ok(files.includes('LICENSE'));
    assert.ok(files.includes('out/cli.js'));
    assert.deepStrictEqual(files.filter((f) => f.startsWith('out/server/') || f.startsWith('out/test/') || f.startsWith('dist/') || /\.(png|map|ts)$/.test(f)), []);
    assert.ok(files.includes('rules/recommended.yaml') && files.includes('rules/schema/rulepack.schema.json'));
  });

  it('runs `npx clauselint` on a contract in the team project', () => {
    const lint = run(NPX, ['--offline', 'clauselint', '--format', 'json', 'contracts'], project);
    assert.ok(lint.status === 0 || lint.status === 1, output(lint));
    const report = JSON.parse(lint.stdout) as { files: { path: string; findings: { ruleId: string }[] }[] };
    assert.deepStrictEqual(report.files.map((f) => f.path), ['contracts/msa.md']);
    assert.ok(report.files[0].findings.some((f) => f.ruleId === 'recommended/broad-use-grant'));
  });

  it('runs the language server bin from the package', async () => {
    const version = run(NPX, ['--offline', 'clauselint-lsp', '--version'], project);
    assert.strictEqual(version.stdout.trim(), JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
    // It answers initialize over stdio: the server's code is in the bundle.
    const reply = await initializeReply(path.join(project, 'node_modules', 'clauselint', 'bin', 'clauselint-lsp.js'));
    assert.ok(reply.capabilities.textDocumentSync !== undefined, JSON.stringify(reply));
  });
});
