/**
 * Preloaded into the language server (node --require) by the "a rule that throws" LSP test:
 * every rule kind's implementation throws for the rule named in CLAUSELINT_TEST_THROWING_RULE.
 * It patches the server's own module (out/server/src/engine/rules), so it works only with the
 * tsc build of the server, not the bundle. Never import it from a test: it would patch the
 * mocha process's engine too.
 */
import { RULE_KINDS } from '../../server/src/engine/rules';

const target = process.env.CLAUSELINT_TEST_THROWING_RULE;
if (!target) throw new Error('throwingRulePreload: set CLAUSELINT_TEST_THROWING_RULE to the id of the rule that should throw');

for (const [kind, impl] of [...RULE_KINDS]) {
  (RULE_KINDS as Map<string, typeof impl>).set(kind, {
    ...impl,
    run(rule, options, ctx) {
      if (rule.id === target) throw new Error(`${rule.id} throws on purpose (test)`);
      return impl.run(rule, options, ctx);
    },
  });
}
