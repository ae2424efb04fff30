/**
 * Escalation path elements as real AI terms, orders and policies draft them (issue 14): each case
 * is one element written in a form other than the model clause, in a section that would otherwise
 * lack it, with the look-alike that must not count beside it.
 */
import * as assert from 'assert';
import { ElementCoverage } from '../../server/src/engine/types';
import { lint, recommended } from '../helpers';

function elements(text: string): Record<string, string> {
  const { coverage } = lint(text, recommended());
  const path = coverage.find((c) => c.kind === 'audit-trigger')!;
  return Object.fromEntries((path.elements ?? []).map((e: ElementCoverage) => [e.element, e.state]));
}

describe('escalation approver: what is signed off must be a use, not an instrument', () => {
  const gate = (sentence: string) =>
    `# Fraud Scoring Model Schedule\n\n6. Sensitive Deployments\n\n6.1 The Agency shall not deploy the Model for a sensitive use until the review below is complete. ${sentence}\n`;

  it('written approval of each deployment by a named office is a named approver', () => {
    assert.strictEqual(elements(gate('Each deployment shall be approved in writing by the Head of Analytics Assurance.')).approver, 'present');
  });

  it('a committee approving a framework document signs off no use', () => {
    assert.notStrictEqual(elements(gate('The Assurance Framework shall be approved by the Steering Committee each year.')).approver, 'present');
  });

  it('a board adopting a policy signs off no use', () => {
    assert.notStrictEqual(elements(gate('The Data Board will adopt the retention policy by the end of the quarter.')).approver, 'present');
  });
});

describe('escalation hold: gates written as exceptions, terminations and conditions on acquisition', () => {
  it('"may not otherwise use" the licensed marks without consent is the scope of a licence, not a hold', () => {
    const text =
      '# Plugin Developer Terms\n\n4. Licences\n\n4.1 We grant you a limited licence to use our badges to advertise your plugin. ' +
      'You may not otherwise use our badges without our prior written consent.\n';
    assert.notStrictEqual(elements(text).hold, 'present');
  });

  it('an exception to a use policy granted at the provider\'s discretion keeps the prohibited use on hold until it is granted', () => {
    const text =
      '# Image Model Use Rules\n\n## Forbidden uses\n\nYou may not use the model to identify people in crowds.\n\n## Exceptions\n\n' +
      'The Provider may, at its sole discretion, grant exceptions to these rules for accredited safety research with adequate safeguards.\n';
    assert.strictEqual(elements(text).hold, 'present');
  });

  it('an exception to an arbitration clause is no hold', () => {
    const text = '# Chat Service Terms\n\n9. Disputes\n\n9.1 We may grant exceptions to this arbitration agreement for small claims.\n';
    assert.notStrictEqual(elements(text).hold, 'present');
  });

  it('a duty to terminate contracts whose supplier does not comply with the policy stops the use', () => {
    const text =
      '# Directive on Model Suppliers\n\nSec. 4. Supplier conduct.\n\n(a) Each department head shall require termination of any contract for model services ' +
      'whose supplier acts in a way that is inconsistent with the principles in section 2.\n';
    assert.strictEqual(elements(text).hold, 'present');
  });

  it('a right to terminate for non-compliance at the buyer\'s option holds only weakly or not at all', () => {
    const text =
      '# Directive on Model Suppliers\n\nSec. 4. Supplier conduct.\n\n(a) A department may, at its option, terminate a contract for model services ' +
      'whose supplier does not comply with section 2.\n';
    assert.notStrictEqual(elements(text).hold, 'present');
  });

  it('acquiring only the systems that meet stated principles is a condition the acquisition waits on', () => {
    const text =
      '# Order on Trustworthy Language Models\n\nSec. 3. Acquisition.\n\nDepartment heads shall procure only those language models that satisfy the accuracy principles in section 4.\n';
    assert.strictEqual(elements(text).hold, 'present');
  });
});
