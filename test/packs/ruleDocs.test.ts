import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { generatedRuleDocs } from '../../scripts/docs';
import { docsLinks } from '../../server/src/lsp/ruleDocs';
import { repositoryWebUrl } from '../../server/src/packs/builtin';
import { ConfigLoader } from '../../server/src/packs/config';
import { writeTree } from '../helpers';

describe('generated rule docs', () => {
  it('are up to date with the built-in packs (run `npm run docs` after editing a pack)', () => {
    const root = path.join(__dirname, '..', '..', '..');
    for (const [rel, content] of generatedRuleDocs()) {
      const file = path.join(root, rel);
      assert.ok(fs.existsSync(file), `${rel} is missing`);
      assert.strictEqual(fs.readFileSync(file, 'utf8'), content, `${rel} is stale`);
    }
  });
});

describe('built-in rules link to their docs on the web', () => {
  const root = path.join(__dirname, '..', '..', '..');
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string; repository: { url: string }; homepage: string };

  it('package.json names the repository and homepage as https addresses', () => {
    assert.strictEqual(repositoryWebUrl(pkg.repository), 'https://github.com/clauselint/clauselint');
    assert.match(pkg.homepage, /^https:\/\/github\.com\/clauselint\/clauselint/);
    assert.strictEqual(repositoryWebUrl('git+https://git.example.org/team/rules.git'), 'https://git.example.org/team/rules');
    assert.strictEqual(repositoryWebUrl({ url: 'git@github.com:team/rules.git' }), undefined, 'not a web address');
  });

  it("each built-in rule's docsUrl is its page at this version's tag, and the editor's docs view gets the bundled copy of that page", () => {
    const rules = new ConfigLoader().configFor(path.join(writeTree({}), 'a.md')).merged.compiled.ruleSet.rules;
    assert.ok(rules.length > 5);
    for (const rule of rules) {
      const [pack, name] = rule.id.split('/');
      assert.strictEqual(rule.docsUrl, `https://github.com/clauselint/clauselint/blob/v${pkg.version}/docs/rules/${pack}/${name}.md`);
      const links = docsLinks(rule.docsUrl);
      assert.strictEqual(links.webUrl, rule.docsUrl);
      assert.strictEqual(links.fileUrl, pathToFileURL(path.join(root, 'docs', 'rules', pack, `${name}.md`)).href);
    }
  });

  it('maps no other web page to a file', () => {
    const base = `https://github.com/clauselint/clauselint/blob/v${pkg.version}/docs/rules/`;
    for (const url of [`${base}../../package.json`, `${base}recommended/no-such-rule.md`, 'https://example.com/docs/rules/recommended/broad-use-grant.md']) {
      assert.deepStrictEqual(docsLinks(url), { webUrl: url }, url);
    }
  });
});
