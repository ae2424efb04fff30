/**
 * The escalation path, element by element (issue 14): contracts in, the path's elements and the
 * one escalation finding out. Fixtures are in test/fixtures/contracts/escalation/.
 */
import * as assert from 'assert';
import { applyPlans } from '../../server/src/engine/fixes/apply';
import { ElementCoverage, Finding } from '../../server/src/engine/types';
import { fixture, lint, recommended } from '../helpers';

const RULE = 'recommended/missing-audit-trigger';

function escalation(text: string): { finding?: Finding; elements: Record<string, string>; state?: string } {
  const { findings, coverage } = lint(text, recommended());
  const path = coverage.find((c) => c.kind === 'audit-trigger')!;
  const elements = Object.fromEntries((path.elements ?? []).map((e: ElementCoverage) => [e.element, e.state + (e.why ? `: ${e.why}` : '')]));
  return { finding: findings.find((f) => f.ruleId === RULE), elements, state: path.state };
}

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

const AI_TITLE = '# Machine Learning Services Terms\n\n';

describe('escalation path: elements gathered over a section and what it ties to', () => {
  it('a change-control section whose sub-clauses hold the five elements, with a defined Decision Log, is complete: no finding', () => {
    const { finding, elements, state } = escalation(fixture('contracts/escalation/change-control-complete.md'));
    assert.strictEqual(finding, undefined);
    assert.strictEqual(state, 'present');
    assert.deepStrictEqual(elements, { trigger: 'present', hold: 'present', review: 'present', approver: 'present', record: 'present' });
  });

  it('the same path over wrapped lines with curly quotes is complete too', () => {
    const { finding, state } = escalation(fixture('contracts/escalation/change-control-wrapped.md'));
    assert.strictEqual(finding, undefined);
    assert.strictEqual(state, 'present');
  });

  it('a record kept under another section counts when the path names its defined log ("Decision Log" means the register kept under Section 5.3)', () => {
    const text = fixture('contracts/escalation/change-control-complete.md')
      .replace('5.3 The Supplier shall enter each request, the decision on it, the name of the approver and the reasons in the Decision Log.', '5.3 The Governance Lead shall decide within ten days.')
      .replace('## 6. Fees', '## 6. Records\n\n6.1 The Supplier shall keep a register in which each request, the decision on it and the reasons are recorded.\n\n## 7. Fees')
      .replace('1.2 "Decision Log" means the register kept under Section 5.3.', '1.2 "Decision Log" means the register kept under Section 6.1.')
      .replace('approved it in writing.', 'approved it in writing, with a note in the Decision Log.');
    const { finding, elements } = escalation(text);
    assert.strictEqual(elements.record, 'present');
    assert.strictEqual(finding, undefined);
    // Without the tie (the log not named in the path), Section 6 is another clause: the record is missing.
    const untied = escalation(text.replace(', with a note in the Decision Log.', '.'));
    assert.strictEqual(untied.elements.record, 'absent');
    assert.match(untied.finding?.message ?? '', /has no logged decision/);
  });

  it('an employee policy gate "may be used only if confirmed in writing by the Legal Team" is a hold with a named approver', () => {
    const { finding, elements } = escalation(fixture('contracts/escalation/staff-ai-policy.md'));
    assert.strictEqual(elements.hold, 'present');
    assert.strictEqual(elements.approver, 'present');
    assert.strictEqual(finding, undefined);
  });

  it('the same policy without its register names the missing record, on the gate', () => {
    const text = fixture('contracts/escalation/staff-ai-policy.md').replace(/Each request and each confirmation[^\n]*\n/, '');
    const { finding, elements } = escalation(text);
    assert.strictEqual(elements.record, 'absent');
    assert.ok(finding);
    assert.match(finding.message, /^The escalation path in "New uses" has no logged decision\./);
    assert.strictEqual(lineOf(text, finding.span.start), 13);
    assert.ok(finding.related.some((r) => /^hold/.test(r.message)));
  });
});

describe('escalation path: weak forms stay weak and are named', () => {
  const gate = (hold: string, approver = 'the written approval of the Chief AI Officer', record = 'Each decision and its reasons shall be recorded in the decision log.') =>
    `${AI_TITLE}1. Escalation\n\n1.1 Before any deployment of the Model in a high-risk use case, the Customer ${hold} for a legal review and ${approver}.\n\n1.2 ${record}\n`;

  it('a complete gate reports nothing', () => {
    assert.strictEqual(escalation(gate('shall pause the proposed use')).finding, undefined);
  });

  for (const [what, text, element] of [
    ['discretion', gate('may, at its discretion, pause the proposed use'), 'hold'],
    ['"where practicable"', gate('shall, where practicable, pause the proposed use'), 'hold'],
    ['a review while the use continues', gate('shall suspend the proposed use, but may continue it pending the outcome,'), 'hold'],
    ['approval by "the Government", no role', gate('shall pause the proposed use', 'obtain the written approval of the Government'), 'approver'],
    ['records of money only', gate('shall pause the proposed use', 'obtain the written approval of the Chief AI Officer', 'The Customer shall keep books and records of the fees and charges paid.'), 'record'],
  ] as const) {
    it(`${what}: the ${element} is weak and the finding says so`, () => {
      const { finding, elements } = escalation(text);
      assert.match(elements[element], /^weak: /, `${element}: ${elements[element]}`);
      assert.ok(finding, 'one escalation finding');
      assert.match(finding.message, new RegExp(`has a weak ${element} \\(`));
    });
  }
});

describe('escalation path: when the check runs', () => {
  it('a data processing agreement listing "automated decision making" among processing operations is not about AI: no finding', () => {
    assert.strictEqual(escalation(fixture('contracts/escalation/dpa-not-ai.md')).finding, undefined);
  });

  it('a Model Access Agreement whose Platform is a hosted model is about AI: no path, one finding on the definition of what is supplied', () => {
    const text = fixture('contracts/escalation/model-access-agreement.md');
    const { finding, state } = escalation(text);
    assert.strictEqual(state, 'absent');
    assert.ok(finding);
    assert.match(finding.message, /^No escalation path/);
    assert.strictEqual(text.slice(finding.span.start, finding.span.end), 'Platform');
  });

  it('one finding per document, however many incomplete paths', () => {
    const text = `${AI_TITLE}1. Deployment\n\n1.1 Before any deployment in a high-risk use case, the Customer shall pause the use.\n\n2. Changes\n\n2.1 Before any deployment of a new model version, the Customer shall pause the use.\n`;
    assert.strictEqual(lint(text, recommended()).findings.filter((f) => f.ruleId === RULE).length, 1);
  });
});

describe('escalation path: the quick fix inserts only what is missing', () => {
  it('adds the approver and the record after the path clause, and the path is then complete', () => {
    const text = `${AI_TITLE}1. Escalation\n\n1.1 Before any deployment of the Model in a high-risk use case, the Customer shall pause the proposed use for a legal review.\n\n2. Fees\n\n2.1 Fees are due monthly.\n`;
    const { finding } = escalation(text);
    assert.ok(finding);
    assert.match(finding.message, /has no named approver and no logged decision/);
    const plan = finding.fixes.find((p) => p.type === 'insert-clause')!;
    assert.deepStrictEqual(plan.edits.map((e) => e.clauseId), ['escalation-approver', 'escalation-record']);
    const fixed = applyPlans(text, [plan]).text;
    assert.ok(fixed.indexOf('written approval of') < fixed.indexOf('2. Fees'), 'inserted inside the path clause, before the next section');
    assert.strictEqual(escalation(fixed).finding, undefined);
  });

  it('with no path at all, inserts the whole escalation clause', () => {
    const text = `${AI_TITLE}The Government may use the Services for any lawful purpose.\n`;
    const { finding } = escalation(text);
    assert.deepStrictEqual(finding?.fixes.find((p) => p.type === 'insert-clause')?.edits.map((e) => e.clauseId), ['use-governance-trigger']);
  });
});
