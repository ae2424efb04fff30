import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { applyPlans } from '../../server/src/engine/fixes/apply';
import { CompiledRuleSet, INTERNAL_ERROR_RULE_ID } from '../../server/src/engine/lint';
import { Finding, FixPlan, RuleSpec } from '../../server/src/engine/types';
import { fixture, lint, recommended, ruleIds, summary } from '../helpers';

const SAMPLE = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'examples', 'ai-services-draft.md'), 'utf8');

/** The first fix that is not a suppression, per finding: what `clauselint --fix` applies. */
function autoFixes(text: string): FixPlan[] {
  return lint(text, recommended()).findings.map((f) => f.fixes.find((p) => p.type !== 'suppress')).filter((p): p is FixPlan => !!p);
}

/** True when `original` survives in `fixed` in order with only insertions between its characters. */
function onlyInsertions(original: string, fixed: string): boolean {
  let i = 0;
  for (let j = 0; j < fixed.length && i < original.length; j++) if (fixed[j] === original[i]) i++;
  return i === original.length;
}

/**
 * Findings other than the qualified broad grant: once the carve-outs are inserted, the grant
 * stays visible at info, with the inserted carve-outs as its related locations.
 */
function besidesQualifiedGrant(findings: Finding[]): Finding[] {
  const qualified = findings.filter((f) => f.ruleId === 'recommended/broad-use-grant' && f.severity === 'info');
  for (const q of qualified) assert.ok(q.related.length >= 2, 'a qualified grant points at the carve-outs that qualify it');
  return findings.filter((f) => !qualified.includes(f));
}

/**
 * Findings other than the placeholders the inserted clauses still hold ("[designated official]"):
 * each of those is reported until it is filled in (recommended/unfilled-placeholder).
 */
function besidesPlaceholders(text: string, findings: Finding[]): Finding[] {
  const placeholders = findings.filter((f) => f.ruleId === 'recommended/unfilled-placeholder');
  for (const p of placeholders) assert.match(text.slice(p.span.start, p.span.end), /^\[[^\]]*\]$/, 'a placeholder finding covers a bracketed placeholder');
  return findings.filter((f) => !placeholders.includes(f));
}

describe('recommended pack on the bundled AI services draft', () => {
  it('reports the broad grant, both missing carve-outs and the missing audit trigger at "any lawful purpose"', () => {
    const { findings } = lint(SAMPLE, recommended(), { path: 'ai-services-draft.md' });
    assert.deepStrictEqual(summary(SAMPLE, findings), [
      'recommended/broad-use-grant@any lawful purpose',
      'recommended/missing-audit-trigger@any lawful purpose',
      'recommended/missing-surveillance-carve-out@any lawful purpose',
      'recommended/missing-weapons-carve-out@any lawful purpose',
    ]);
    assert.deepStrictEqual(findings.map((f) => f.clauseKind), ['broad-grant', 'audit-trigger', 'carve-out:domestic-surveillance', 'carve-out:autonomous-weapons']);
    for (const f of findings) assert.ok(f.fixes.some((p) => p.type === 'insert-clause'), `${f.ruleId} has a clause fix`);
  });

  it('after applying every fix, a second lint finds only the placeholders left to fill, and the original text is untouched', () => {
    const fixed = applyPlans(SAMPLE, autoFixes(SAMPLE));
    assert.strictEqual(fixed.applied, 3, 'two carve-outs and one trigger, each inserted once');
    const again = besidesPlaceholders(fixed.text, lint(fixed.text, recommended()).findings);
    assert.deepStrictEqual(besidesQualifiedGrant(again), []);
    assert.deepStrictEqual(summary(fixed.text, again), ['recommended/broad-use-grant@any lawful purpose'], 'the grant stays visible, qualified');
    assert.ok(onlyInsertions(SAMPLE, fixed.text));
    const grantEnd = SAMPLE.indexOf('any lawful purpose.') + 'any lawful purpose.'.length;
    assert.strictEqual(fixed.text.slice(0, grantEnd), SAMPLE.slice(0, grantEnd), 'text before the insertion is byte for byte the same');
    assert.ok(fixed.text.endsWith(SAMPLE.slice(grantEnd)), 'text after the insertion is byte for byte the same');
  });

  it('keeps CRLF line endings when it inserts clauses', () => {
    const crlf = SAMPLE.replace(/\n/g, '\r\n');
    const fixed = applyPlans(crlf, autoFixes(crlf)).text;
    assert.ok(!/[^\r]\n/.test(fixed), 'every line break is CRLF');
    assert.deepStrictEqual(besidesQualifiedGrant(besidesPlaceholders(fixed, lint(fixed, recommended()).findings)), []);
  });

  it('never inserts a clause inside an HTML comment, even one left open at the end', () => {
    const text = 'Artificial intelligence services with machine learning models.\n\nThe Government may use the Services for any lawful purpose. <!-- reviewer: check this';
    const fixed = applyPlans(text, autoFixes(text)).text;
    assert.ok(fixed.startsWith('Artificial intelligence services with machine learning models.\n\nThe Government may use the Services for any lawful purpose. \n\n'));
    assert.ok(fixed.endsWith('\n\n<!-- reviewer: check this'));
    assert.deepStrictEqual(besidesQualifiedGrant(besidesPlaceholders(fixed, lint(fixed, recommended()).findings)), []);
  });

  it('reports coverage of every kind the pack knows', () => {
    const { coverage } = lint(SAMPLE, recommended());
    assert.deepStrictEqual(coverage.map((c) => c.kind), [
      'audit-rights',
      'audit-trigger',
      'automatic-logging',
      'broad-grant',
      'carve-out:autonomous-weapons',
      'carve-out:domestic-surveillance',
      'event-audit',
      'human-oversight',
      'incident-notice',
      'logging',
      'monitoring',
      'stop-or-override',
      'suspension',
      'unfilled-placeholder',
    ]);
    assert.deepStrictEqual(coverage.filter((c) => c.present).map((c) => c.kind), ['broad-grant']);
  });
});

describe('recommended pack on other contracts', () => {
  it('finds every clause kind in a complete AI contract and reports nothing', () => {
    const text = fixture('contracts/ai-terms-complete.md');
    const { findings, coverage } = lint(text, recommended());
    assert.deepStrictEqual(summary(text, findings), []);
    const present = coverage.filter((c) => c.present).map((c) => c.kind);
    for (const kind of ['broad-grant', 'carve-out:domestic-surveillance', 'carve-out:autonomous-weapons', 'audit-trigger', 'audit-rights', 'incident-notice']) {
      assert.ok(present.includes(kind), `${kind} present`);
    }
  });

  it('without the prohibited-uses section, reports the broadly defined term and both carve-outs', () => {
    const text = fixture('contracts/ai-terms-complete.md').replace(/## 5\. Prohibited Uses[\s\S]*?(?=## 6)/, '');
    const { findings } = lint(text, recommended());
    // The definition itself is not a grant: its use in 2.1 is, and the carve-out findings sit there too.
    assert.deepStrictEqual(ruleIds(findings), ['recommended/broad-defined-term', 'recommended/missing-surveillance-carve-out', 'recommended/missing-weapons-carve-out']);
    assert.ok(findings.every((f) => text.slice(f.span.start, f.span.end) === 'Permitted Purpose'));
    const defined = findings.find((f) => f.ruleId === 'recommended/broad-defined-term')!;
    assert.strictEqual(text.slice(defined.span.start, defined.span.end), 'Permitted Purpose');
  });

  it('does not flood an ordinary supply contract (weapons in insurance, surveillance audits, practicable notice)', () => {
    const text = fixture('contracts/supply-agreement.md');
    assert.deepStrictEqual(lint(text, recommended()).findings, []);
    const carveOuts = lint(text, recommended(), { ignoreConditions: true }).coverage.filter((c) => c.kind.startsWith('carve-out:') && c.present);
    assert.deepStrictEqual(carveOuts, [], 'look-alikes never count as carve-outs');
  });
});

describe('suppressions', () => {
  const grant = 'This AI services agreement covers artificial intelligence services.\n\nThe Government may use the Services for any lawful purpose.';

  it('a disable-next-line comment with a reason silences the named rule on the next line', () => {
    const text = grant.replace('\n\nThe Government', '\n\n<!-- clauselint-disable-next-line recommended/broad-use-grant -- reason: carve-outs are in the task order; approved-by: J. Doe -->\nThe Government');
    const result = lint(text, recommended());
    assert.ok(!ruleIds(result.findings).includes('recommended/broad-use-grant'));
    assert.strictEqual(result.suppressed.length, 1);
    assert.strictEqual(result.suppressed[0].by.approvedBy, 'J. Doe');
  });

  it('a suppression without a reason does not apply and is itself a finding', () => {
    const text = grant.replace('\n\nThe Government', '\n\n<!-- clauselint-disable-next-line broad-use-grant -->\nThe Government');
    const ids = ruleIds(lint(text, recommended()).findings);
    assert.ok(ids.includes('recommended/broad-use-grant'));
    assert.ok(ids.includes('clauselint/suppression-without-reason'));
  });

  it('the suppress fix inserts a comment that applies only once its reason is written', () => {
    const { findings } = lint(grant, recommended(), { path: 'draft.txt' });
    const f = findings.find((x) => x.ruleId === 'recommended/broad-use-grant')!;
    const plan = f.fixes.find((p) => p.type === 'suppress')!;
    assert.match(plan.edits[0].snippet!, /reason: \$\{1:why this is acceptable\}; approved-by: \$\{2:name\}/);
    const inserted = applyPlans(grant, [plan]).text;
    assert.match(inserted, /\[clauselint-disable-next-line recommended\/broad-use-grant -- reason: ; approved-by: \]\nThe Government/);
    const unfilled = ruleIds(lint(inserted, recommended(), { path: 'draft.txt' }).findings);
    assert.ok(unfilled.includes('recommended/broad-use-grant') && unfilled.includes('clauselint/suppression-without-reason'));
    const filled = inserted.replace('reason: ;', 'reason: carve-outs are in Task Order 7;');
    assert.ok(!ruleIds(lint(filled, recommended(), { path: 'draft.txt' }).findings).includes('recommended/broad-use-grant'));
  });
});

describe('a rule that throws', () => {
  /** Decoded rule options whose every read throws: the rule's own implementation fails while it runs. */
  function corruptOptions(why: string): Record<string, unknown> {
    return new Proxy({}, { get: () => { throw new Error(why); } });
  }

  /** The recommended pack with the given rules replaced. */
  function withRules(replace: (r: RuleSpec) => RuleSpec): CompiledRuleSet {
    const compiled = recommended();
    return { ...compiled, ruleSet: { ...compiled.ruleSet, rules: compiled.ruleSet.rules.map(replace) } };
  }

  it('is reported as one internal error of that rule, and every other rule reports exactly what it reports without it', () => {
    const broken = 'recommended/broad-use-grant';
    const baseline = lint(SAMPLE, recommended());
    const { findings, coverage } = lint(SAMPLE, withRules((r) => (r.id === broken ? { ...r, kindOptions: corruptOptions('options table is corrupt') } : r)));
    const internal = findings.filter((f) => f.ruleId === INTERNAL_ERROR_RULE_ID);
    assert.deepStrictEqual(
      internal.map((f) => [f.severity, f.message]),
      [['error', 'Rule recommended/broad-use-grant failed and was skipped: options table is corrupt']],
    );
    assert.deepStrictEqual(findings.filter((f) => f.ruleId !== INTERNAL_ERROR_RULE_ID), baseline.findings.filter((f) => f.ruleId !== broken));
    assert.ok(findings.some((f) => f.ruleId === 'recommended/missing-weapons-carve-out'), 'the sample still has findings of other rules');
    // Only the broken rule judged grants qualified or not: coverage is otherwise the same.
    const unjudged = baseline.coverage.map(({ qualification: _q, grants: _g, ...rest }) => rest);
    assert.deepStrictEqual(coverage, unjudged);
  });

  it('each failing rule gets its own internal error; a rule of an unknown kind is one of them', () => {
    const { findings } = lint(
      SAMPLE,
      withRules((r) => {
        if (r.id === 'recommended/broad-use-grant') return { ...r, kind: 'no-such-kind' };
        if (r.id === 'recommended/missing-audit-trigger') return { ...r, kindOptions: corruptOptions('boom') };
        return r;
      }),
    );
    assert.deepStrictEqual(findings.filter((f) => f.ruleId === INTERNAL_ERROR_RULE_ID).map((f) => f.message).sort(), [
      'Rule recommended/broad-use-grant failed and was skipped: unknown rule kind "no-such-kind"',
      'Rule recommended/missing-audit-trigger failed and was skipped: boom',
    ]);
    assert.deepStrictEqual(ruleIds(findings), [INTERNAL_ERROR_RULE_ID, 'recommended/missing-surveillance-carve-out', 'recommended/missing-weapons-carve-out']);
  });
});
