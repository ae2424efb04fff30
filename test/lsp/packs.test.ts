import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { DiagnosticSeverity, FileChangeType } from 'vscode-languageserver-protocol';
import { AI_DRAFT } from './fixtures';
import { LspTestClient, tempWorkspace, uri } from './harness';

const BROKEN_CONFIG = `extends: clauselint:recommended
rules:
  practicable-notice: fatal
  broad-use-grant: error
`;

const TEAM_PACK = `pack:
  id: team
  version: 1.0.0
terms:
  pilot:
    phrases: ["pilot program"]
rules:
  no-pilot:
    kind: flag
    terms: pilot
    message: Pilot programs need a sunset date.
`;

async function watchedChange(client: LspTestClient, file: string) {
  client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(file), type: FileChangeType.Changed }] });
}

const TEAM_FILES = {
  'team/.clauselint.yaml': 'extends:\n  - clauselint:recommended\n  - team-pack\n',
  'team/node_modules/team-pack/package.json': JSON.stringify({ name: 'team-pack', version: '1.0.0', clauselint: { pack: 'pack.yaml' } }),
  'team/node_modules/team-pack/pack.yaml': TEAM_PACK,
};
const PILOT_DRAFT = AI_DRAFT + '\n4. The pilot program runs for a year.\n';

describe('LSP: rule packs and .clauselint.yaml (trusted workspace)', function () {
  // Spawns processes or works hard: no wall-clock limit (a loaded machine is only slower); hung processes are killed by the helpers.
  this.timeout(0);
  let ws: ReturnType<typeof tempWorkspace>;
  let client: LspTestClient;

  before(async () => {
    ws = tempWorkspace({
      '.clauselint.yaml': BROKEN_CONFIG,
      'packs/clauselint-pack-broken.yaml': TEAM_PACK.replace('kind: flag', 'kind: flagg'),
      ...TEAM_FILES,
    });
    client = await LspTestClient.start({ root: ws.root, init: { trusted: true } });
  });

  after(async () => {
    await client.dispose();
    ws.cleanup();
  });

  it('shows errors of a malformed .clauselint.yaml in that file, keeps linting, and clears them once fixed', async () => {
    const configFile = path.join(ws.root, '.clauselint.yaml');
    const docUri = uri(path.join(ws.root, 'draft.contract.md'));
    await client.open(docUri, AI_DRAFT, 'contract', 1);

    const pack = await client.waitForDiagnostics(uri(configFile), (p) => p.diagnostics.length > 0);
    assert.strictEqual(pack.diagnostics[0].severity, DiagnosticSeverity.Error);
    assert.deepStrictEqual(pack.diagnostics[0].range.start, { line: 2, character: 22 });
    assert.match(pack.diagnostics[0].message, /must be one of/);
    // The rest keeps working: the valid setting applies.
    const doc = await client.waitForDiagnostics(docUri);
    const grant = doc.diagnostics.find((d) => d.code === 'recommended/broad-use-grant')!;
    assert.strictEqual(grant.severity, DiagnosticSeverity.Error);

    fs.writeFileSync(configFile, BROKEN_CONFIG.replace('fatal', 'off'));
    const count = client.published.length;
    await watchedChange(client, configFile);
    await client.waitForDiagnostics(uri(configFile), (p) => client.published.indexOf(p) >= count && p.diagnostics.length === 0);
    const relinted = await client.waitForDiagnostics(docUri, (p) => client.published.indexOf(p) >= count);
    assert.ok(!relinted.diagnostics.some((d) => d.code === 'recommended/practicable-notice'), 'the new setting applies after the change');
  });

  it('ignores changes to YAML files no config involves', async () => {
    const count = client.published.length;
    await watchedChange(client, path.join(ws.root, 'ci/workflow.yaml'));
    await new Promise((r) => setTimeout(r, 150));
    assert.strictEqual(client.published.length, count);
  });

  it('checks a pack file opened in the editor on its own', async () => {
    const packFile = path.join(ws.root, 'packs/clauselint-pack-broken.yaml');
    await client.open(uri(packFile), fs.readFileSync(packFile, 'utf8'), 'yaml');
    const p = await client.waitForDiagnostics(uri(packFile), (x) => x.diagnostics.length > 0);
    assert.strictEqual(p.diagnostics[0].range.start.line, 8);
  });

  it('uses the nearest config, here one extending an npm-package pack', async () => {
    const docUri = uri(path.join(ws.root, 'team/draft.contract.md'));
    await client.open(docUri, PILOT_DRAFT, 'contract', 1);
    assert.ok((await client.waitForDiagnostics(docUri)).diagnostics.some((d) => d.code === 'team/no-pilot'));
  });
});

describe('LSP: rule packs in an untrusted workspace', function () {
  // Spawns processes or works hard: no wall-clock limit (a loaded machine is only slower); hung processes are killed by the helpers.
  this.timeout(0);
  let ws: ReturnType<typeof tempWorkspace>;
  let outside: ReturnType<typeof tempWorkspace>;
  let client: LspTestClient;

  before(async () => {
    outside = tempWorkspace({ 'outside.yaml': TEAM_PACK });
    ws = tempWorkspace({ ...TEAM_FILES, 'far/.clauselint.yaml': `extends:\n  - ${path.join(outside.root, 'outside.yaml')}\n` });
    client = await LspTestClient.start({ root: ws.root, init: { trusted: false } });
  });

  after(async () => {
    await client.dispose();
    ws.cleanup();
    outside.cleanup();
  });

  it('does not load an npm-package pack, and says so at the extends entry; built-in packs still load', async () => {
    const docUri = uri(path.join(ws.root, 'team/draft.contract.md'));
    await client.open(docUri, PILOT_DRAFT, 'contract', 1);
    const doc = await client.waitForDiagnostics(docUri);
    assert.ok(!doc.diagnostics.some((d) => d.code === 'team/no-pilot'));
    assert.ok(doc.diagnostics.some((d) => d.code === 'recommended/broad-use-grant'));
    const config = await client.waitForDiagnostics(uri(path.join(ws.root, 'team/.clauselint.yaml')), (p) => p.diagnostics.length > 0);
    assert.match(config.diagnostics[0].message, /cannot extend "team-pack": npm-package packs are not loaded in an untrusted workspace/);
    assert.deepStrictEqual(config.diagnostics[0].range.start, { line: 2, character: 4 });
  });

  it('does not load a pack outside the workspace folder', async () => {
    const docUri = uri(path.join(ws.root, 'far/draft.contract.md'));
    await client.open(docUri, PILOT_DRAFT, 'contract', 1);
    const config = await client.waitForDiagnostics(uri(path.join(ws.root, 'far/.clauselint.yaml')), (p) => p.diagnostics.length > 0);
    assert.match(config.diagnostics[0].message, /outside the workspace folder/);
    const doc = await client.waitForDiagnostics(docUri);
    assert.ok(!doc.diagnostics.some((d) => d.code === 'team/no-pilot'));
  });
});

describe('LSP: what packs may read in a trusted workspace', function () {
  // Spawns processes or works hard: no wall-clock limit (a loaded machine is only slower); hung processes are killed by the helpers.
  this.timeout(0);
  let ws: ReturnType<typeof tempWorkspace>;
  let outside: ReturnType<typeof tempWorkspace>;
  let client: LspTestClient;
  const packWithId = (id: string) => TEAM_PACK.replace('id: team', `id: ${id}`);

  before(async () => {
    outside = tempWorkspace({ 'outside.yaml': packWithId('outside'), 'named/pack.yaml': packWithId('named') });
    const escape = path.relative(path.join(outside.root, '..'), path.join(outside.root, 'outside.yaml'));
    ws = tempWorkspace({
      '.clauselint.yaml': `extends:\n  - clauselint:recommended\n  - ../${escape}\n  - ${path.join(outside.root, 'outside.yaml')}\n  - ./packs/link.yaml\n  - ./packs/team.yaml\n`,
      'packs/team.yaml': TEAM_PACK,
    });
    fs.symlinkSync(path.join(outside.root, 'outside.yaml'), path.join(ws.root, 'packs', 'link.yaml'));
    client = await LspTestClient.start({ root: ws.root, init: { trusted: true }, settings: { packs: [path.join(outside.root, 'named', 'pack.yaml')] } });
  });

  after(async () => {
    await client.dispose();
    ws.cleanup();
    outside.cleanup();
  });

  it('refuses extends that leave the workspace (.., absolute, a link), at each entry; the other packs and the settings pack load', async () => {
    const docUri = uri(path.join(ws.root, 'draft.contract.md'));
    await client.open(docUri, PILOT_DRAFT, 'contract', 1);
    const config = await client.waitForDiagnostics(uri(path.join(ws.root, '.clauselint.yaml')), (p) => p.diagnostics.length > 0);
    assert.deepStrictEqual(
      config.diagnostics.map((d) => [d.range.start.line, d.range.start.character]),
      [[2, 4], [3, 4], [4, 4]],
    );
    for (const d of config.diagnostics) {
      assert.strictEqual(d.severity, DiagnosticSeverity.Error);
      assert.match(d.message, /^cannot extend ".*": .* is outside the workspace folders: a pack may extend files in the workspace/);
    }
    assert.match(config.diagnostics[2].message, /\(a symbolic link to .*outside\.yaml\)/);
    const doc = await client.waitForDiagnostics(docUri);
    const codes = new Set(doc.diagnostics.map((d) => d.code));
    assert.ok(codes.has('recommended/broad-use-grant') && codes.has('team/no-pilot') && codes.has('named/no-pilot'), [...codes].join(', '));
    assert.ok(!codes.has('outside/no-pilot'));
  });
});
