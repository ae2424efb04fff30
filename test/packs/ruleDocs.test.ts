import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { generatedRuleDocs } from '../../scripts/gen-rule-docs';

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
