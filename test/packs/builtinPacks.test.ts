/** Every built-in pack loads cleanly, every rule's examples behave, and every clause snippet is detected as its kind. */
import * as assert from 'assert';
import * as fs from 'fs';
import { parseDocument } from '../../server/src/document/contractDocument';
import { RuleContext } from '../../server/src/engine/context';
import { renderPlain } from '../../server/src/engine/fixes/snippet';
import { lintDocument } from '../../server/src/engine/lint';
import { documentHits, lazyMatcher } from '../../server/src/engine/match/documentHits';
import { checkFireExample, checkPassExample } from '../../server/src/engine/ruleExamples';
import { builtinPackNames, builtinPackPath } from '../../server/src/packs/builtin';
import { loadConfig } from '../../server/src/packs/config';
import { checkSchema } from '../../server/src/packs/schemaCheck';
import { parseYaml } from '../../server/src/packs/yamlSource';

for (const name of builtinPackNames()) {
  describe(`built-in pack clauselint:${name}`, () => {
    const config = loadConfig(builtinPackPath(name)!, []);
    const { compiled } = config.merged;
    const own = compiled.ruleSet.rules.filter((r) => r.pack === name);

    it('loads without errors', () => {
      assert.deepStrictEqual(config.errors, []);
      assert.ok(own.length > 0);
    });

    it('validates against the rule-pack schema (skipped at run time for built-in packs)', () => {
      const file = builtinPackPath(name)!;
      const { source, errors } = parseYaml(file, fs.readFileSync(file, 'utf8'));
      assert.deepStrictEqual(errors, []);
      assert.deepStrictEqual(checkSchema(source!).errors, []);
    });

    for (const rule of own) {
      describe(rule.id, () => {
        it('has at least 3 fire and 3 pass examples, docs and a message', () => {
          assert.ok(rule.examples.fire.length >= 3 && rule.examples.pass.length >= 3);
          assert.ok(rule.docs.length > 40 && rule.message.length > 10);
        });
        rule.examples.fire.forEach((text, i) => {
          const match = rule.examples.fireMatches[i];
          it(`fires on example ${i + 1}${match ? ` at "${match}"` : ''}`, () => assert.strictEqual(checkFireExample(rule, compiled, text, match).problem, undefined, text));
        });
        rule.examples.pass.forEach((text, i) => it(`passes example ${i + 1}`, () => assert.deepStrictEqual(checkPassExample(rule, compiled, text).findings.map((f) => f.message), [], text)));
      });
    }

    for (const [id, clause] of compiled.ruleSet.clauses) {
      if (clause.pack !== name) continue;
      it(`clause ${id} is recognised as ${clause.kind} once inserted`, () => {
        const { coverage } = lintDocument(parseDocument(renderPlain(clause.body), 'clause.md'), compiled, { ignoreConditions: true });
        if (compiled.ruleSet.kinds.get(clause.kind)?.coverage !== false) {
          assert.strictEqual(coverage.find((c) => c.kind === clause.kind)?.present, true);
          return;
        }
        // A kind reported only as an element of a path (not listed in coverage): its own detectors find the clause.
        const doc = parseDocument(renderPlain(clause.body), 'clause.md');
        const ctx = new RuleContext(doc, compiled.ruleSet, documentHits(doc, compiled.scanner).hits, lazyMatcher(doc, compiled.scanner));
        assert.ok(ctx.kindDetections(clause.kind).length > 0, `${clause.kind} found in its own clause`);
      });
    }

    it('offers a clause snippet for every kind its rules require', () => {
      const required = new Set(
        own.flatMap((r) => (r.kind === 'require' ? [r.options.clause] : r.kind === 'conditional' ? [r.options.then].flat() : [])).filter((k): k is string => typeof k === 'string'),
      );
      const offered = new Set([...compiled.ruleSet.clauses.values()].map((c) => c.kind));
      for (const kind of required) assert.ok(offered.has(kind), `no clause for ${kind}`);
    });
  });
}
