/** npm packs are found the way Node finds packages: node_modules above the config, and the package's `exports` map. */
import * as assert from 'assert';
import * as path from 'path';
import { loadConfig } from '../../server/src/packs/config';
import { writeTree } from '../helpers';

const pack = (id: string) => `pack: { id: ${id}, version: 1.0.0 }
terms:
  grant: { phrases: [for any purpose whatsoever] }
rules:
  grant:
    kind: flag
    terms: grant
    message: Broad.
`;

function ruleIds(files: Record<string, string>, config = '.clauselint.yaml'): { ids: string[]; errors: string[] } {
  const dir = writeTree(files);
  const loaded = loadConfig(path.join(dir, config), []);
  return { ids: loaded.merged.compiled.ruleSet.rules.map((r) => r.id), errors: loaded.errors.map((e) => e.message) };
}

describe('pack loading: npm packages through Node\'s resolver', () => {
  it('loads the pack a package exports as "." (exports map), and one a subpath exports', () => {
    const { ids, errors } = ruleIds({
      '.clauselint.yaml': 'extends: ["@acme/rules", "@acme/rules/strict"]\n',
      'node_modules/@acme/rules/package.json': JSON.stringify({ name: '@acme/rules', version: '1.0.0', exports: { '.': './dist/base.yaml', './strict': './dist/strict.yaml' } }),
      'node_modules/@acme/rules/dist/base.yaml': pack('acme-base'),
      'node_modules/@acme/rules/dist/strict.yaml': pack('acme-strict'),
    });
    assert.deepStrictEqual(errors, []);
    assert.deepStrictEqual(ids, ['acme-base/grant', 'acme-strict/grant']);
  });

  it('names a subpath the exports map does not export', () => {
    const { errors } = ruleIds({
      '.clauselint.yaml': 'extends: ["@acme/rules/internal"]\n',
      'node_modules/@acme/rules/package.json': JSON.stringify({ name: '@acme/rules', exports: { '.': './base.yaml' } }),
      'node_modules/@acme/rules/base.yaml': pack('acme'),
    });
    assert.strictEqual(errors.length, 1);
    assert.match(errors[0], /cannot extend "@acme\/rules\/internal": package @acme\/rules has no "\.\/internal" \(not in its exports map\)/);
  });

  it('finds the package in node_modules of a folder above the config, as require does', () => {
    const { ids, errors } = ruleIds(
      {
        'team/contracts/.clauselint.yaml': 'extends: [team-rules]\n',
        'node_modules/team-rules/package.json': JSON.stringify({ name: 'team-rules', clauselint: { pack: 'rules.yaml' } }),
        'node_modules/team-rules/rules.yaml': pack('team'),
      },
      'team/contracts/.clauselint.yaml',
    );
    assert.deepStrictEqual(errors, []);
    assert.deepStrictEqual(ids, ['team/grant']);
  });

  it('refuses an exported pack that is a link out of the package', () => {
    const { errors } = ruleIds({
      '.clauselint.yaml': 'extends: [sneaky]\n',
      'node_modules/sneaky/package.json': JSON.stringify({ name: 'sneaky', exports: { '.': './../../outside.yaml' } }),
      'outside.yaml': pack('outside'),
    });
    assert.strictEqual(errors.length, 1);
    assert.match(errors[0], /sneaky/);
  });
});
