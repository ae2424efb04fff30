/** A pack cannot make the rule-docs view show a file: docs are web pages, or the built-in rules' own Markdown. */
import * as assert from 'assert';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { docsLinks } from '../../server/src/lsp/ruleDocs';
import { ConfigLoader, loadConfig } from '../../server/src/packs/config';
import { writeTree } from '../helpers';

const SECRET = 'CANARY-docs-77ab';

describe('hostile packs: rule docs cannot show a file', () => {
  it('docsBase must be a web address, at its line', () => {
    const dir = writeTree({ 'pack.yaml': 'pack:\n  id: docs\n  docsBase: "file:///home/me/.ssh/id_"\nrules:\n  rsa: { kind: flag, phrases: [x], message: X. }\n' });
    const config = loadConfig(path.join(dir, 'pack.yaml'), []);
    assert.deepStrictEqual(
      config.errors.map((e) => `${e.line}:${e.column} ${e.message}`),
      ['3:13 "file:///home/me/.ssh/id_" is not a web address: docsBase must start with https:// (or http://) at pack.docsBase'],
    );
    assert.ok(!config.merged.compiled.ruleSet.rules.some((r) => r.id === 'docs/rsa'));
  });

  it("the docs view shows a built-in rule's docs file, never another file", () => {
    const recommended = new ConfigLoader().configFor(path.join(writeTree({}), 'a.md')).merged.compiled.ruleSet.rules[0];
    assert.match(docsLinks(recommended.docsUrl).fileUrl ?? '', /\/docs\/rules\/recommended\/.*\.md$/);
    const dir = writeTree({ 'id_rsa': SECRET, 'docs/rules/recommended/x.md': SECRET });
    for (const file of [path.join(dir, 'id_rsa'), path.join(dir, 'docs', 'rules', 'recommended', 'x.md'), '/etc/passwd']) {
      assert.deepStrictEqual(docsLinks(pathToFileURL(file).href), {}, file);
    }
  });
});
