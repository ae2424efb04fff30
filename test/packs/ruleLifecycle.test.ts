/**
 * Rules that change between pack versions: `deprecated` rules still run;
 * `{ replacedBy }` ids are aliases whose settings move to the replacement.
 */
import * as assert from 'assert';
import * as path from 'path';
import { ConfigLoader, loadConfig } from '../../server/src/packs/config';
import { PackError } from '../../server/src/packs/errors';
import { ruleDocMarkdown } from '../../server/src/engine/ruleDocs/markdown';
import { writeTree } from '../helpers';

/** Version 2 of a team pack: `vague-notice` was renamed `notice-deadline`; `old-audit` is on its way out. */
const BASE_V2 = `pack: { id: base, version: 2.0.0 }
rules:
  notice-deadline:
    kind: flag
    phrases: [promptly]
    message: No deadline.
  old-audit:
    kind: flag
    phrases: [at its discretion]
    message: Discretionary audit.
    deprecated: covered by notice-deadline since 2.0; removed in 3.0
  vague-notice:
    replacedBy: notice-deadline
    deprecated: renamed in 2.0
`;

function load(config: string, extra: Record<string, string> = {}) {
  const dir = writeTree({ 'base.yaml': BASE_V2, '.clauselint.yaml': config, ...extra });
  const loaded = loadConfig(path.join(dir, '.clauselint.yaml'), []);
  const rule = (id: string) => loaded.merged.compiled.ruleSet.rules.find((r) => r.id === id);
  return { dir, loaded, rule };
}

const located = (errors: PackError[]) => errors.map((e) => `${path.basename(e.file)}:${e.line}:${e.column} ${e.severity}: ${e.message}`);

describe('rule lifecycle: replaced rule ids', () => {
  it('never runs a replaced id itself', () => {
    const { loaded, rule } = load('extends: ./base.yaml\n');
    assert.deepStrictEqual(loaded.errors, []);
    assert.strictEqual(rule('base/vague-notice'), undefined);
    assert.ok(rule('base/notice-deadline'));
    assert.ok(loaded.merged.replaced.has('base/vague-notice'));
  });

  it('applies a setting for the replaced id to its replacement, with a warning at the setting', () => {
    const { loaded, rule } = load('extends: ./base.yaml\nrules:\n  vague-notice: error\n');
    assert.strictEqual(rule('base/notice-deadline')!.severity, 'error');
    assert.deepStrictEqual(located(loaded.errors), [
      '.clauselint.yaml:3:3 warning: "vague-notice" was replaced by base/notice-deadline (renamed in 2.0): this setting now applies to base/notice-deadline; rename it here',
    ]);
  });

  it('maps qualified ids and off the same way', () => {
    const { rule, loaded } = load('extends: ./base.yaml\nrules:\n  base/vague-notice: off\n');
    assert.strictEqual(rule('base/notice-deadline')!.enabled, false);
    assert.match(loaded.errors[0].message, /^"base\/vague-notice" was replaced by base\/notice-deadline/);
  });

  it('maps glob overrides too, with a warning at the override', () => {
    const { dir, loaded } = load('extends: ./base.yaml\noverrides:\n  - files: ["drafts/**"]\n    rules:\n      vague-notice: info\n');
    assert.deepStrictEqual(located(loaded.errors), [
      '.clauselint.yaml:5:7 warning: "vague-notice" was replaced by base/notice-deadline (renamed in 2.0): this setting now applies to base/notice-deadline; rename it here',
    ]);
    const loader = new ConfigLoader({ config: path.join(dir, '.clauselint.yaml') });
    const severityIn = (file: string) => loader.rulesFor(path.join(dir, file)).compiled.ruleSet.rules.find((r) => r.id === 'base/notice-deadline')!.severity;
    assert.strictEqual(severityIn('drafts/a.md'), 'info');
    assert.strictEqual(severityIn('final/a.md'), 'warning');
  });

  it('follows a rule renamed twice', () => {
    const v3 = 'pack: { id: next, version: 3.0.0, extends: ./base.yaml }\nrules:\n  notice-deadline:\n    replacedBy: base/notice-deadline\n';
    const twice = BASE_V2.replace('  vague-notice:\n    replacedBy: notice-deadline', '  vague-notice:\n    replacedBy: next/notice-deadline');
    const { rule } = load('extends: ./next.yaml\nrules:\n  base/vague-notice: hint\n', { 'next.yaml': v3, 'base.yaml': twice });
    assert.strictEqual(rule('base/notice-deadline')!.severity, 'hint');
  });

  it('warns at replacedBy when the replacement is not a loaded rule', () => {
    const broken = BASE_V2.replace('replacedBy: notice-deadline', 'replacedBy: nowhere');
    const { loaded } = load('extends: ./base.yaml\n', { 'base.yaml': broken });
    assert.deepStrictEqual(located(loaded.errors), ['base.yaml:13:17 warning: rule base/vague-notice is replaced by "base/nowhere", which is not a loaded rule']);
  });

  it('lets a later pack define the id again', () => {
    const revived = 'pack: { id: base, version: 2.1.0, extends: ./base.yaml }\nrules:\n  vague-notice:\n    kind: flag\n    phrases: [in a timely manner]\n    message: Vague.\n';
    const { rule } = load('extends: ./revived.yaml\n', { 'revived.yaml': revived });
    assert.ok(rule('base/vague-notice'));
  });

  it('accepts { replacedBy, deprecated } in the schema, and nothing else beside them', () => {
    const extra = BASE_V2.replace('    deprecated: renamed in 2.0\n', '    deprecated: renamed in 2.0\n    severity: error\n');
    const { loaded } = load('extends: ./base.yaml\n', { 'base.yaml': extra });
    assert.deepStrictEqual(located(loaded.errors), ['base.yaml:15:5 error: unknown property "severity" at rules.vague-notice']);
    const badId = BASE_V2.replace('replacedBy: notice-deadline', 'replacedBy: Notice Deadline');
    assert.match(load('extends: ./base.yaml\n', { 'base.yaml': badId }).loaded.errors[0].message, /"Notice Deadline" is not a rule id/);
  });
});

describe('rule lifecycle: deprecated rules', () => {
  it('still run, and keep their reason for the CLI to warn about', () => {
    const { loaded, rule } = load('extends: ./base.yaml\n');
    assert.deepStrictEqual(loaded.errors, []);
    const old = rule('base/old-audit')!;
    assert.strictEqual(old.enabled, true);
    assert.strictEqual(old.deprecated, 'covered by notice-deadline since 2.0; removed in 3.0');
  });

  it('say so at the top of their generated docs', () => {
    const { loaded, rule } = load('extends: ./base.yaml\n');
    const docs = ruleDocMarkdown(rule('base/old-audit')!, loaded.merged.compiled.ruleSet);
    assert.match(docs, /^# base\/old-audit\n\n\*\*Kind:\*\* .*\n\n> \*\*Deprecated:\*\* covered by notice-deadline since 2\.0; removed in 3\.0\n/);
    assert.doesNotMatch(ruleDocMarkdown(rule('base/notice-deadline')!, loaded.merged.compiled.ruleSet), /Deprecated/);
  });
});
