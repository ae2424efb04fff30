/**
 * Where an escalation path's elements are gathered in documents without numbered clauses (orders,
 * fact sheets, usage policies): headings there only group topics, so one process drafted under
 * several headings is one path; and the reviews and records such texts write as duties.
 */
import * as assert from 'assert';
import { ElementCoverage } from '../../server/src/engine/types';
import { lint, recommended } from '../helpers';

function elements(text: string): Record<string, string> {
  const { coverage } = lint(text, recommended());
  const path = coverage.find((c) => c.kind === 'audit-trigger')!;
  return Object.fromEntries((path.elements ?? []).map((e: ElementCoverage) => [e.element, e.state]));
}

const gateUnder = (heading: string) =>
  `# Memorandum on Departmental Use of Machine Learning\n\n## ${heading}\n\n` +
  'A department must stop using any rights-impacting model that cannot meet the minimum safeguards, unless a waiver is granted.\n\n';

describe('escalation path in a document without numbered clauses', () => {
  it('the public record of waivers under another heading is the record of the gate', () => {
    const text = gateUnder('Managing risk') + '## Openness\n\nDepartments shall publish each waiver, with the reasons for it, in their annual inventory of use cases.\n';
    assert.strictEqual(elements(text).record, 'present');
  });

  it('the same record under another numbered clause is not gathered without a tie', () => {
    const text =
      '# Memorandum on Departmental Use of Machine Learning\n\n1. Managing risk\n\n1.1 A department must stop using any rights-impacting model that cannot meet the minimum safeguards, unless a waiver is granted.\n\n' +
      '2. Openness\n\n2.1 Departments shall publish each waiver, with the reasons for it, in their annual inventory of use cases.\n';
    assert.notStrictEqual(elements(text).record, 'present');
  });

  it('a trigger under another heading does not join the path (it starts its own)', () => {
    const text = '# Assistant Usage Rules\n\n## Reviews\n\nEach proposed use case shall undergo a legal review.\n\n## Deployment\n\nA high-risk use shall not proceed until it has been reviewed.\n';
    const found = elements(text);
    assert.strictEqual(found.hold, 'present');
    assert.strictEqual(found.review, 'present');
  });
});

describe('escalation review written as a process or an investigation', () => {
  const clause = (sentence: string) =>
    `# Model Evaluation Order\n\n5. Evaluation\n\n5.1 An agency shall not field a covered model until the steps below are complete.\n\n5.2 ${sentence}\n`;

  it('a standing process to assess a model\'s capabilities is a review, whatever hedge governs the sharing of its results', () => {
    const sentence = 'The Institute shall maintain a process to assess the dangerous capabilities of covered models, sharing its assessments with developers as appropriate.';
    assert.strictEqual(elements(clause(sentence)).review, 'present');
  });

  it('a process that may be set up to assess them is not a present review', () => {
    assert.notStrictEqual(elements(clause('The Institute may set up a process to assess the dangerous capabilities of covered models.')).review, 'present');
  });

  it('a duty to investigate on a suspected incident is a review', () => {
    assert.strictEqual(elements(clause('Upon any suspected incident involving a covered model, the Institute and the agency shall investigate it together.')).review, 'present');
  });

  it('an investigation of invoices is no review of a use', () => {
    assert.notStrictEqual(elements(clause('Upon any suspected overcharge, the agency shall investigate the invoices.')).review, 'present');
  });
});

describe('escalation record written as a duty to hand over findings', () => {
  const clause = (sentence: string) =>
    `# Model Evaluation Order\n\n5. Evaluation\n\n5.1 An agency shall not field a covered model until it has been tested.\n\n5.2 ${sentence}\n`;

  it('sharing the results of evaluations with a named body is a record', () => {
    assert.strictEqual(elements(clause('Each agency shall share the results of such evaluations with the Institute within 30 days.')).record, 'present');
  });

  it('a copy of an auditor\'s report handed over on request is no record of a decision', () => {
    assert.notStrictEqual(elements(clause('Upon written request, the Vendor will provide the agency a copy of its most recent security audit report.')).record, 'present');
  });
});
