/** Writes docs/rules/<pack>/<rule>.md for every built-in pack (run: npm run docs). */
import * as fs from 'fs';
import * as path from 'path';
import { builtinPackNames, builtinPackPath } from '../server/src/packs/builtin';
import { loadConfig } from '../server/src/packs/config';
import { ruleDocMarkdown } from '../server/src/engine/ruleDocs/markdown';

export function generatedRuleDocs(): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of builtinPackNames()) {
    const { merged } = loadConfig(builtinPackPath(name)!, []);
    const { ruleSet } = merged.compiled;
    for (const rule of ruleSet.rules.filter((r) => r.pack === name)) {
      files.set(path.join('docs', 'rules', name, `${rule.name}.md`), ruleDocMarkdown(rule, ruleSet));
    }
  }
  return files;
}

if (require.main === module) {
  const root = path.join(__dirname, '..', '..');
  for (const [rel, content] of generatedRuleDocs()) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), content);
    console.log(`wrote ${rel}`);
  }
}
