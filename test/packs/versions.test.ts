/** Version pins in `extends`: "@scope/name@<semver range>" must match the installed pack's version. */
import * as assert from 'assert';
import * as path from 'path';
import { loadConfig } from '../../server/src/packs/config';
import { PackError } from '../../server/src/packs/errors';
import { splitVersionRange } from '../../server/src/packs/versionRange';
import { writeTree } from '../helpers';

function acmePack(version?: string): string {
  const header = version === undefined ? 'pack: { id: acme }' : `pack: { id: acme, version: ${version} }`;
  return `${header}\nrules:\n  grant:\n    kind: flag\n    phrases: [any lawful use]\n    message: Broad.\n`;
}

/** A workspace whose config extends `spec`, with @acme/rules installed in node_modules. */
function workspace(spec: string, pack: { packVersion?: string; packageVersion?: string }) {
  const manifest: Record<string, unknown> = { name: '@acme/rules', clauselint: { pack: 'pack.yaml' } };
  if (pack.packageVersion !== undefined) manifest.version = pack.packageVersion;
  const dir = writeTree({
    '.clauselint.yaml': `# team config\nextends:\n  - clauselint:recommended\n  - "${spec}"\n`,
    'node_modules/@acme/rules/package.json': JSON.stringify(manifest),
    'node_modules/@acme/rules/pack.yaml': acmePack(pack.packVersion),
  });
  const config = loadConfig(path.join(dir, '.clauselint.yaml'), []);
  return { config, ids: config.merged.compiled.ruleSet.rules.map((r) => r.id) };
}

const located = (errors: PackError[]) => errors.map((e) => `${path.basename(e.file)}:${e.line}:${e.column} ${e.severity}: ${e.message}`);

describe('pack versions: extends with a version range', () => {
  it('splits a package name from its range, and leaves other specs alone', () => {
    assert.deepStrictEqual(splitVersionRange('@acme/rules@^1.2.0'), { name: '@acme/rules', range: '^1.2.0' });
    assert.deepStrictEqual(splitVersionRange('acme-rules@>=1.0.0 <2'), { name: 'acme-rules', range: '>=1.0.0 <2' });
    assert.deepStrictEqual(splitVersionRange('@acme/rules'), { name: '@acme/rules' });
    assert.deepStrictEqual(splitVersionRange('acme-rules'), { name: 'acme-rules' });
  });

  it('loads the pack when its pack.version satisfies the range', () => {
    const { config, ids } = workspace('@acme/rules@^1.2.0', { packVersion: '1.4.1', packageVersion: '9.9.9' });
    assert.deepStrictEqual(config.errors, []);
    assert.ok(ids.includes('acme/grant'));
  });

  it('reports a located error at the extends entry when it does not, and leaves the pack out', () => {
    const { config, ids } = workspace('@acme/rules@^1.2.0', { packVersion: '1.1.0' });
    assert.deepStrictEqual(located(config.errors), [
      '.clauselint.yaml:4:5 error: cannot extend "@acme/rules@^1.2.0": @acme/rules is version 1.1.0 (its pack.version), which does not satisfy ^1.2.0',
    ]);
    assert.ok(!ids.includes('acme/grant'));
    assert.ok(ids.includes('recommended/broad-use-grant'), 'the other packs still load');
  });

  it('uses the package.json version when the pack declares none', () => {
    assert.deepStrictEqual(workspace('@acme/rules@~2.0.0', { packageVersion: '2.0.3' }).config.errors, []);
    const { config } = workspace('@acme/rules@~2.0.0', { packageVersion: '2.1.0' });
    assert.match(config.errors[0].message, /@acme\/rules is version 2\.1\.0 \(its package\.json\), which does not satisfy ~2\.0\.0$/);
  });

  it('reports a pack that declares no version at all', () => {
    const { config } = workspace('@acme/rules@^1.0.0', {});
    assert.match(config.errors[0].message, /@acme\/rules declares no version \(set pack\.version or the package\.json version\), so it cannot satisfy \^1\.0\.0$/);
  });

  it('follows npm: a prerelease does not satisfy a plain range', () => {
    const { config } = workspace('@acme/rules@^1.2.0', { packVersion: '1.3.0-beta.1' });
    assert.match(config.errors[0].message, /is version 1\.3\.0-beta\.1 .* does not satisfy \^1\.2\.0$/);
    assert.deepStrictEqual(workspace('@acme/rules@^1.3.0-beta.0', { packVersion: '1.3.0-beta.1' }).config.errors, []);
  });

  it('rejects a range that is not semver', () => {
    const { config } = workspace('@acme/rules@newest', { packVersion: '1.0.0' });
    assert.deepStrictEqual(located(config.errors), [
      '.clauselint.yaml:4:5 error: cannot extend "@acme/rules@newest": "newest" is not a valid semver range (e.g. ^1.2.0, ~1.2, >=1.0.0 <2)',
    ]);
  });

  it('only npm packages take a range: a built-in pack with one is an error', () => {
    const dir = writeTree({ '.clauselint.yaml': 'extends: ["clauselint:recommended@^1.0.0"]\n' });
    const { errors } = loadConfig(path.join(dir, '.clauselint.yaml'), []);
    assert.match(errors[0].message, /a version range can only pin an npm package; built-in packs come with ClauseLint itself/);
  });

  it('requires pack.version to be semver (schema)', () => {
    const dir = writeTree({ 'pack.yaml': acmePack('"1.2"') });
    const { errors } = loadConfig(path.join(dir, 'pack.yaml'), []);
    assert.deepStrictEqual(located(errors), ['pack.yaml:1:28 error: "1.2" is not a semantic version (e.g. 1.2.0) at pack.version']);
  });
});
