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

describe('escalation approver: deciding what counts as what is no sign-off', () => {
  const section = (sentence: string) =>
    `# Order on Model Evaluation\n\nSec. 2. Evaluation.\n\n(a) No agency shall deploy a covered model until its evaluation is complete. ${sentence}\n`;

  it('a decision of a named office on each deployment is a named approver', () => {
    assert.strictEqual(elements(section('The decision on each deployment shall be taken by the Chief Evaluation Officer.')).approver, 'present');
  });

  it('a determination of the threshold at which a model is designated covered signs off nothing', () => {
    const sentence = 'The threshold at which a model is designated a covered model shall be set by determination of the Director of Standards.';
    assert.notStrictEqual(elements(section(sentence)).approver, 'present');
  });
});

describe('escalation trigger: events as developer and commercial terms write them', () => {
  const terms = (sentence: string) => `# Speech Model Developer Terms\n\n3. Your Integrations\n\n3.1 ${sentence}\n`;

  it('a banned use allowed only with written permission starts a path (a request for an exception)', () => {
    assert.strictEqual(elements(terms('You may not connect the Model to emergency dispatch systems unless we have given our prior written approval.')).trigger, 'present');
  });

  it('a usage policy ban in the imperative with a consent exception starts a path', () => {
    assert.strictEqual(elements(terms("Don't disable the watermarking of outputs unless you hold our written consent.")).trigger, 'present');
  });

  it('a use that must be expressly authorised starts a path', () => {
    assert.strictEqual(elements(terms('Any use of the Model on hardware that you operate yourself must be expressly authorised by us in an order.')).trigger, 'present');
  });

  it('processing without the consent of the people concerned is not a request for permission', () => {
    assert.notStrictEqual(elements(terms("Don't use the Model to analyse people's voices without their consent.")).trigger, 'present');
  });

  it('assigning the agreement with consent is not a request for an exception', () => {
    assert.notStrictEqual(elements(terms('These terms may not be assigned by you without our prior written consent.')).trigger, 'present');
  });

  it('submitting an integration to be published starts a path (go-live)', () => {
    assert.strictEqual(elements(terms('By submitting an integration to be published in our catalogue, you agree that we will test it first.')).trigger, 'present');
  });

  it('a planned release starts a path', () => {
    assert.strictEqual(elements(terms('You will give us access to each new voice model for two weeks before you plan to release it.')).trigger, 'present');
  });

  it('outputs used for decisions with legal effects on people that must undergo human review start a path', () => {
    const sentence = 'If you use outputs in a way that could have a legal or similarly significant effect on individuals, the outputs shall undergo human review.';
    assert.strictEqual(elements(terms(sentence)).trigger, 'present');
  });

  it('a use of a sensitive kind that requires prior approval starts a path', () => {
    assert.strictEqual(elements(terms('Any use of the Model for voiceprint identification requires prior approval by the Ethics Board.')).trigger, 'present');
  });

  it('a wish to expand the scope of use that goes through a change request starts a path', () => {
    assert.strictEqual(elements(terms('If you wish to expand the scope of use, you shall raise a change request.')).trigger, 'present');
  });

  it('the same category named in a bare ban with no step starts nothing', () => {
    assert.notStrictEqual(elements(terms('You may not use outputs for any purpose that has a legal effect on individuals.')).trigger, 'present');
  });
});

describe('escalation elements written as duties', () => {
  const clause = (sentence: string) =>
    `# Machine Learning Services Agreement\n\n7. Sensitive Uses\n\n7.1 The Customer shall not deploy the Services for a high-risk use until the steps in this clause are complete.\n\n7.2 ${sentence}\n`;

  for (const sentence of [
    'The Customer shall document each decision to deploy, including who approved it.',
    'The Customer shall keep a register of approved uses.',
    'The Customer shall retain documentation of every impact assessment for five years.',
    'The outcome of each review shall be entered in the Governance Register.',
  ]) {
    it(`record: "${sentence}"`, () => assert.strictEqual(elements(clause(sentence)).record, 'present'));
  }

  it('record: "keep appropriate records" with nothing about the decision is no record', () => {
    assert.notStrictEqual(elements(clause('The Customer shall keep appropriate records.')).record, 'present');
  });

  for (const sentence of [
    'The Customer shall test the model on representative data before it is put into service and evaluate the results.',
    'The proposal shall be referred to the Ethics Committee for its opinion.',
    'The request will be considered by the Model Risk Committee.',
  ]) {
    it(`review: "${sentence}"`, () => assert.strictEqual(elements(clause(sentence)).review, 'present'));
  }

  it('a short numbered clause with a modal verb is a clause, not a heading: "7.2 The Secretary shall approve each use in writing."', () => {
    assert.strictEqual(elements(clause('The Secretary shall approve each use in writing.')).approver, 'present');
  });
});

describe('escalation hold: negation on the subject, and a suspension that waits for the review', () => {
  const clause = (sentence: string) => `# Machine Learning Services Agreement\n\n7. Sensitive Uses\n\n7.1 This clause governs sensitive uses.\n\n7.2 ${sentence}\n`;

  it('"No high-risk use may begin until ..." is a hold', () => {
    assert.strictEqual(elements(clause('No high-risk use may begin until the Chief AI Officer has approved it in writing.')).hold, 'present');
  });

  it('a use suspended pending the outcome of the review is a hold, not a weak one', () => {
    assert.strictEqual(elements(clause('Any high-risk use shall be suspended pending the outcome of the review.')).hold, 'present');
  });

  it('a use that may continue pending the outcome of the review is no present hold', () => {
    assert.notStrictEqual(elements(clause('Any high-risk use may continue pending the outcome of the review.')).hold, 'present');
  });

  it('a short numbered clause with "is" is a clause, not a heading: "7.2 Deployment is subject to a completed impact assessment."', () => {
    assert.strictEqual(elements(clause('Deployment is subject to a completed impact assessment.')).hold, 'present');
  });
});

describe('escalation elements as developer terms write them: events reviewed first, stops of the affected processing', () => {
  const clause = (sentence: string) => `# Machine Learning Services Agreement\n\n7. Sensitive Uses\n\n7.1 This clause governs sensitive uses.\n\n7.2 ${sentence}\n`;

  it('material changes to the model that are reviewed are a trigger', () => {
    assert.strictEqual(elements(clause('Material changes to the model must be notified to the Customer and reviewed before they take effect.')).trigger, 'present');
  });

  it('an intended use that is reviewed first is a trigger', () => {
    assert.strictEqual(elements(clause('If you intend to use the Model for triage of patients, contact us first so that we can review your use case.')).trigger, 'present');
  });

  it('a step before the use with no pause is no hold (the pack example: approval "before any deployment" without a pause)', () => {
    assert.notStrictEqual(elements(clause('Before deploying a voice agent built on the Model to the public, you must complete our safety review.')).hold, 'present');
  });

  it('stopping the affected processing until the cause is found is a hold', () => {
    assert.strictEqual(elements(clause('After any serious incident, the Customer shall stop the affected processing until the root cause is found.')).hold, 'present');
  });
});
