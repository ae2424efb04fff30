/**
 * A pack cannot make ClauseLint read files outside the workspace and the packs
 * it extends (the policy of server/src/packs/readPolicy.ts): `..`,
 * absolute paths and symbolic links out are refused at the `extends` entry,
 * real paths decide, and the other packs keep working.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { trustedWorkspacePolicy, untrustedWorkspacePolicy } from '../../server/src/packs/readPolicy';
import { WorkspaceFolders } from '../../server/src/lsp/workspaceFolders';
import { ConfigLoader, loadConfig, LoadedConfig } from '../../server/src/packs/config';
import { PackPolicy, realPathOf } from '../../server/src/packs/readScope';
import { writeTree } from '../helpers';

const SECRET = 'CANARY-5e1f-do-not-print';

function pack(id: string, extendsList: string[] = []): string {
  return `pack: { id: ${id}, version: 1.0.0${extendsList.length ? `, extends: ${JSON.stringify(extendsList)}` : ''} }
terms:
  ${id}-grant: { phrases: [any lawful use] }
rules:
  grant: { kind: flag, terms: ${id}-grant, message: Broad. }
`;
}

function npmPackage(name: string, packFile: string, content?: string): Record<string, string> {
  const files: Record<string, string> = { [`node_modules/${name}/package.json`]: JSON.stringify({ name, version: '1.0.0', clauselint: { pack: packFile } }) };
  if (content !== undefined) files[`node_modules/${name}/${packFile}`] = content;
  return files;
}

function folders(...dirs: string[]): WorkspaceFolders {
  return new WorkspaceFolders(dirs.map((d) => pathToFileURL(d).href));
}

function ruleIds(config: LoadedConfig): string[] {
  return config.merged.compiled.ruleSet.rules.map((r) => r.id);
}

/** `line:column message` of each error in `file`. */
function errorsIn(config: LoadedConfig, file: string): string[] {
  return config.errors.filter((e) => e.file === file).map((e) => `${e.line}:${e.column} ${e.message}`);
}

/** A workspace `ws` next to an `outside` folder holding a valid pack and a secret. */
function layout(wsFiles: Record<string, string>): { root: string; ws: string; outside: string } {
  const root = writeTree({
    'outside/pack.yaml': pack('outside'),
    'outside/id_rsa': `-----BEGIN OPENSSH PRIVATE KEY-----\n${SECRET}\n-----END OPENSSH PRIVATE KEY-----\n`,
    'outside/named/pack.yaml': pack('named', ['./base.yaml']),
    'outside/named/base.yaml': pack('namedbase'),
    'outside/named/escape.yaml': pack('escape', ['../id_rsa']),
    ...Object.fromEntries(Object.entries(wsFiles).map(([k, v]) => [`ws/${k}`, v])),
  });
  return { root, ws: path.join(root, 'ws'), outside: path.join(root, 'outside') };
}

function noSecretIn(config: LoadedConfig): void {
  for (const e of config.errors) assert.ok(!e.message.includes(SECRET), `an error quotes the secret: ${e.message}`);
}

describe('hostile packs: reading outside the workspace (trusted workspace)', () => {
  const { ws, outside } = layout({
    'packs/team.yaml': pack('team'),
    'contracts/a.md': 'x',
  });
  fs.symlinkSync(path.join(outside, 'pack.yaml'), path.join(ws, 'packs', 'link.yaml'));
  fs.symlinkSync(outside, path.join(ws, 'linked'));
  fs.symlinkSync(path.join(outside, 'missing.yaml'), path.join(ws, 'packs', 'dangling.yaml'));
  const configFile = path.join(ws, '.clauselint.yaml');
  fs.writeFileSync(
    configFile,
    [
      'extends:',
      '  - clauselint:recommended',
      '  - ./packs/team.yaml',
      '  - ../outside/pack.yaml',
      `  - ${path.join(outside, 'pack.yaml')}`,
      '  - ./packs/link.yaml',
      '  - ./linked/pack.yaml',
      '  - ./packs/../../outside/pack.yaml',
      '  - ../outside/id_rsa',
      '  - ../outside/missing.yaml',
      '  - ./packs/dangling.yaml',
      '',
    ].join('\n'),
  );
  const policy = trustedWorkspacePolicy(folders(ws));
  const realOutside = realPathOf(outside);

  it('refuses `..`, absolute paths and links out, each at its extends entry; the other packs load', () => {
    const config = loadConfig(configFile, [], { policy });
    const outsideMsg = 'is outside the workspace folders: a pack may extend files in the workspace, built-in packs (clauselint:<name>) and npm packages';
    assert.deepStrictEqual(errorsIn(config, configFile), [
      `4:5 cannot extend "../outside/pack.yaml": ${path.join(outside, 'pack.yaml')} ${outsideMsg}`,
      `5:5 cannot extend "${path.join(outside, 'pack.yaml')}": ${path.join(outside, 'pack.yaml')} ${outsideMsg}`,
      `6:5 cannot extend "./packs/link.yaml": ${path.join(ws, 'packs', 'link.yaml')} (a symbolic link to ${path.join(realOutside, 'pack.yaml')}) ${outsideMsg}`,
      `7:5 cannot extend "./linked/pack.yaml": ${path.join(ws, 'linked', 'pack.yaml')} (a symbolic link to ${path.join(realOutside, 'pack.yaml')}) ${outsideMsg}`,
      `8:5 cannot extend "./packs/../../outside/pack.yaml": ${path.join(outside, 'pack.yaml')} ${outsideMsg}`,
      `9:5 cannot extend "../outside/id_rsa": ${path.join(outside, 'id_rsa')} ${outsideMsg}`,
      // Missing or not, outside is outside: a refusal does not tell whether the file exists.
      `10:5 cannot extend "../outside/missing.yaml": ${path.join(outside, 'missing.yaml')} ${outsideMsg}`,
      `11:5 cannot extend "./packs/dangling.yaml": ${path.join(ws, 'packs', 'dangling.yaml')} (a symbolic link to ${path.join(realOutside, 'missing.yaml')}) ${outsideMsg}`,
    ]);
    assert.deepStrictEqual(config.errors.length, 8, 'no other errors');
    const ids = ruleIds(config);
    assert.ok(ids.includes('recommended/broad-use-grant') && ids.includes('team/grant'), ids.join(', '));
    assert.ok(!ids.includes('outside/grant'));
    assert.ok(!config.files.some((f) => !realPathOf(f).startsWith(realPathOf(ws)) && !f.includes(`${path.sep}rules${path.sep}`)), config.files.join('\n'));
    noSecretIn(config);
  });

  it('loads a pack in the workspace, an npm package from its node_modules, a built-in pack, and a pack named in settings outside it', () => {
    const dir = layout({
      '.clauselint.yaml': 'extends: [clauselint:defense-ai, ./packs/team.yaml, team-npm]\n',
      'packs/team.yaml': pack('team'),
      ...npmPackage('team-npm', 'pack.yaml', pack('npm', ['./more.yaml'])),
      'node_modules/team-npm/more.yaml': pack('npmmore'),
    });
    const config = loadConfig(path.join(dir.ws, '.clauselint.yaml'), [path.join(dir.outside, 'named', 'pack.yaml')], { policy: trustedWorkspacePolicy(folders(dir.ws)), packBase: dir.ws });
    assert.deepStrictEqual(config.errors, []);
    const ids = ruleIds(config);
    for (const id of ['defense-ai/human-judgment-over-force', 'team/grant', 'npm/grant', 'npmmore/grant', 'named/grant', 'namedbase/grant']) {
      assert.ok(ids.includes(id), `${id} in ${ids.join(', ')}`);
    }
  });

  it('a pack named in settings may extend files in its own folder, not above it', () => {
    const named = path.join(outside, 'named', 'escape.yaml');
    const config = loadConfig(configFile, [named], { policy, packBase: ws });
    assert.deepStrictEqual(errorsIn(config, named), [
      `1:47 cannot extend "../id_rsa": ${path.join(outside, 'id_rsa')} is outside the workspace folders or ${path.join(outside, 'named')} (the folder of this config or pack): a pack may extend files in the workspace, built-in packs (clauselint:<name>) and npm packages`,
    ]);
    assert.ok(ruleIds(config).includes('escape/grant'), 'the named pack itself loads');
    noSecretIn(config);
  });

  it('a config that is a link to a file outside is not read; the default rules apply', () => {
    const dir = layout({ 'sub/a.md': 'x' });
    fs.symlinkSync(path.join(dir.outside, 'pack.yaml'), path.join(dir.ws, 'sub', '.clauselint.yaml'));
    const config = new ConfigLoader({ policy: trustedWorkspacePolicy(folders(dir.ws)) }).configFor(path.join(dir.ws, 'sub', 'a.md'));
    assert.deepStrictEqual(errorsIn(config, path.join(dir.ws, 'sub', '.clauselint.yaml')).map((e) => e.replace(/ \(a symbolic link.*$/, '')), [
      `1:1 this config is not read: ${path.join(dir.ws, 'sub', '.clauselint.yaml')}`,
    ]);
    const ids = ruleIds(config);
    assert.ok(ids.includes('recommended/broad-use-grant') && !ids.includes('outside/grant'));
  });

  it('a config above the workspace folder may extend files in its own folder, not beyond', () => {
    const config = new ConfigLoader({ policy: trustedWorkspacePolicy(folders(path.join(ws, 'contracts'))) }).configFor(path.join(ws, 'contracts', 'a.md'));
    assert.strictEqual(config.configFile, configFile);
    assert.deepStrictEqual(errorsIn(config, configFile).map((e) => e.slice(0, 5)), ['4:5 c', '5:5 c', '6:5 c', '7:5 c', '8:5 c', '9:5 c', '10:5 ', '11:5 ']);
    assert.match(config.errors[0].message, new RegExp(`is outside the workspace folders or ${ws.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(the folder of this config or pack\\)`));
    assert.ok(ruleIds(config).includes('team/grant'));
  });

  it('an npm package may only point at and extend its own files', () => {
    const dir = layout({
      '.clauselint.yaml': 'extends:\n  - pointer\n  - linker\n  - wanderer\n  - clauselint:recommended\n',
      'packs/team.yaml': pack('team'),
      ...npmPackage('pointer', '../../packs/team.yaml'),
      ...npmPackage('linker', 'pack.yaml'),
      ...npmPackage('wanderer', 'pack.yaml', pack('wanderer', ['../../packs/team.yaml', '../../../outside/pack.yaml'])),
    });
    fs.symlinkSync(path.join(dir.outside, 'pack.yaml'), path.join(dir.ws, 'node_modules', 'linker', 'pack.yaml'));
    const config = loadConfig(path.join(dir.ws, '.clauselint.yaml'), [], { policy: trustedWorkspacePolicy(folders(dir.ws)) });
    const wanderer = path.join(dir.ws, 'node_modules', 'wanderer', 'pack.yaml');
    const where = `the package wanderer (${realPathOf(path.join(dir.ws, 'node_modules', 'wanderer'))}): a package may only extend its own files, built-in packs and npm packages`;
    assert.deepStrictEqual(errorsIn(config, path.join(dir.ws, '.clauselint.yaml')), [
      '2:5 cannot extend "pointer": package pointer points its pack outside itself (../../packs/team.yaml)',
      '3:5 cannot extend "linker": package linker points its pack outside itself (pack.yaml)',
    ]);
    assert.deepStrictEqual(errorsIn(config, wanderer), [
      `1:49 cannot extend "../../packs/team.yaml": ${path.join(dir.ws, 'packs', 'team.yaml')} is outside ${where}`,
      `1:73 cannot extend "../../../outside/pack.yaml": ${path.join(dir.outside, 'pack.yaml')} is outside ${where}`,
    ]);
    assert.deepStrictEqual(ruleIds(config).filter((id) => !id.startsWith('recommended/')), ['wanderer/grant']);
  });
});

describe('hostile packs: reading outside the workspace (untrusted workspace, stricter)', () => {
  const { ws, outside } = layout({
    '.clauselint.yaml': 'extends:\n  - ./packs/team.yaml\n  - team-npm\n  - ../outside/pack.yaml\n',
    'packs/team.yaml': pack('team'),
    ...npmPackage('team-npm', 'pack.yaml', pack('npm')),
    'contracts/a.md': 'x',
  });
  const policy: PackPolicy = untrustedWorkspacePolicy(folders(ws));

  it('loads packs in the workspace only: no npm packages, nothing outside', () => {
    const config = loadConfig(path.join(ws, '.clauselint.yaml'), [], { policy });
    assert.deepStrictEqual(errorsIn(config, path.join(ws, '.clauselint.yaml')), [
      '3:5 cannot extend "team-npm": npm-package packs are not loaded in an untrusted workspace (trust the workspace to load it)',
      `4:5 cannot extend "../outside/pack.yaml": ${path.join(outside, 'pack.yaml')} is outside the workspace folders: an untrusted workspace only loads packs inside them (trust the workspace to load it)`,
    ]);
    assert.deepStrictEqual(ruleIds(config), ['team/grant']);
  });

  it('refuses a pack named in settings outside the workspace, and a config above the folder', () => {
    const named = loadConfig(path.join(ws, '.clauselint.yaml'), [path.join(outside, 'named', 'pack.yaml')], { policy, packBase: ws });
    assert.match(named.errors.find((e) => e.file === path.join(outside, 'named', 'pack.yaml'))!.message, /is outside the workspace folders: an untrusted workspace only loads/);
    assert.ok(!ruleIds(named).includes('named/grant'));
    const above = new ConfigLoader({ policy: untrustedWorkspacePolicy(folders(path.join(ws, 'contracts'))) }).configFor(path.join(ws, 'contracts', 'a.md'));
    assert.match(above.errors[0].message, /^this config is not read: .* is outside the workspace folders/);
    assert.ok(ruleIds(above).includes('recommended/broad-use-grant'), 'the default rules apply instead');
  });
});
