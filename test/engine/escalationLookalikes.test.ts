/**
 * Escalation path look-alikes: words of review or record that are not a review of a proposed use
 * or a logged decision (issue 14, real-document accuracy). Each case puts the look-alike in the
 * section of a gate (trigger and hold, no approver: a named role's sign-off counts as review) that has
 * no real review or record, then checks a real one is still found.
 */
import * as assert from 'assert';
import { ElementCoverage } from '../../server/src/engine/types';
import { lint, recommended } from '../helpers';

function elements(text: string): Record<string, string> {
  const { coverage } = lint(text, recommended());
  const path = coverage.find((c) => c.kind === 'audit-trigger')!;
  return Object.fromEntries((path.elements ?? []).map((e: ElementCoverage) => [e.element, e.state]));
}

const gate = (extra: string) =>
  '# Predictive Analytics Platform Terms\n\n4. High-Risk Uses\n\n' +
  '4.1 The Customer shall not deploy the Platform in a high-risk use case until the steps in this section are complete.\n\n' +
  `4.2 ${extra}\n`;

describe('escalation review: examination that is not a review of a proposed use', () => {
  it('a real legal and risk review of the proposed deployment is a review', () => {
    assert.strictEqual(elements(gate('Each proposed deployment shall first undergo a legal review and a risk assessment.')).review, 'present');
  });

  for (const [what, sentence] of [
    ["the user's own duty to check outputs before relying on them", 'The Customer is responsible for evaluating the outputs for accuracy, including by human review, before relying on them.'],
    ['handling a third party infringement claim', 'The Vendor is responsible for the investigation, defence, settlement and discharge of any infringement claim about the Platform.'],
    ['content moderation after the fact', 'We use content moderation tools and human review to find content that violates our terms.'],
    ['assessing people, a use that is itself banned', 'The Customer shall not use the Platform to evaluate or classify individuals based on profiling of their personality traits.'],
  ] as const) {
    it(`${what} is not a review of the use`, () => {
      assert.notStrictEqual(elements(gate(sentence)).review, 'present');
    });
  }
});

describe('escalation record: words of record that are not a logged decision', () => {
  it('approvals entered in a register with reasons are a record', () => {
    assert.strictEqual(elements(gate('Each approval decision and its reasons shall be recorded in the Deployment Register.')).record, 'present');
  });

  it('signing in ("log in") is not a log of a decision', () => {
    assert.notStrictEqual(elements(gate('The Customer must log in with a named account to submit a deployment request.')).record, 'present');
  });

  it('recording content under a royalty-free licence is making content, not logging a decision', () => {
    const sentence = 'By choosing to record or upload material, the Customer grants the Vendor a royalty-free, sublicensable right to use it, including each request and decision the material contains.';
    assert.notStrictEqual(elements(gate(sentence)).record, 'present');
  });
});

describe('escalation hold and trigger: gates and exceptions that are not about a sensitive use', () => {
  const section = (sentence: string) => `# Conversational Model Service Terms\n\n2. Your Account\n\n2.1 ${sentence}\n`;

  it('a gate on a high-risk use that waits for written approval is a hold', () => {
    assert.strictEqual(elements(section('You may not deploy the Model in a high-risk use case unless we give prior written approval.')).hold, 'present');
  });

  it('an exception that waits for written consent after a longer condition ("unless you are ... or otherwise have our written consent") is a hold', () => {
    const sentence = 'Do not switch off the safety filters of the Model unless you belong to a designated internal testing group or otherwise hold our official written consent.';
    assert.strictEqual(elements(section(sentence)).hold, 'present');
  });

  for (const [what, sentence] of [
    ['a wait for payment', 'Orders for extra model capacity will not be processed until payment has been received.'],
    ['consent to open a new account after a ban', 'You may not create an account after we have closed yours unless we provide written consent.'],
    ["a minor's use with parental consent", 'If you are under 18, you may use the Service only with the permission of a parent or guardian.'],
  ] as const) {
    it(`${what} is no hold`, () => {
      assert.notStrictEqual(elements(section(sentence)).hold, 'present');
    });
  }

  it('a vendor that reserves the right to suspend accounts as it deems necessary holds weakly', () => {
    const text = section('Breaches of these terms may result in account suspension or any other step we deem necessary to protect the Service.');
    assert.strictEqual(elements(text).hold, 'weak');
  });

  it('the exceptions of an arbitration clause are no trigger', () => {
    const text = section('You agree to settle all disputes about the Model, with limited exceptions, by binding arbitration before any claim is filed in court.');
    assert.notStrictEqual(elements(text).trigger, 'present');
  });
});

describe('escalation approver: "official" as an adjective names no one', () => {
  const section = (sentence: string) => `# Model Platform Terms\n\n5. High-Risk Uses\n\n5.1 The Customer shall not deploy the Model in a high-risk use case until it has been approved. ${sentence}\n`;

  it('approval by the designated official is a named approver', () => {
    assert.strictEqual(elements(section('The approval is given by the designated official.')).approver, 'present');
  });

  it('an approval sought because of a request from an official agency names no approver', () => {
    assert.notStrictEqual(elements(section('Approval may be needed after a request from an official agency.')).approver, 'present');
  });
});

describe('escalation trigger: choosing proposals or land is not a use of AI', () => {
  const order = (sentence: string) => `# Order on Artificial Intelligence Compute Capacity\n\nSec. 3. Sites.\n\n${sentence}\n`;

  it('a rights-impacting AI use that waits for a review starts a path', () => {
    assert.strictEqual(elements(order('Where an agency plans a rights-impacting use of AI, the use shall not begin until a review is complete.')).trigger, 'present');
  });

  it('selecting proposals for leased land "where national security requires" starts nothing', () => {
    const text = order('The Secretaries shall select at least one proposal for leasing federal land where they determine that national security requires it, before any award is made.');
    assert.notStrictEqual(elements(text).trigger, 'present');
  });
});
