/**
 * The grant recogniser (engine/grants/) and whom prohibitions bind: own fixture
 * sentences in, grants with their holders, and findings, out.
 */
import * as assert from 'assert';
import { parseDocument } from '../../server/src/document/contractDocument';
import { partyKey } from '../../server/src/document/parties';
import { normalise } from '../../server/src/document/normalise';
import { readGrant } from '../../server/src/engine/grants/grantReading';
import { Finding } from '../../server/src/engine/types';
import { lint, recommended } from '../helpers';

function grantOf(sentence: string) {
  const n = normalise(sentence, { markdown: false });
  return readGrant(n.text, (a, b) => sentence.slice(n.map.original(a), b >= n.text.length ? sentence.length : n.map.original(b)));
}

/** An AI contract, so the mission rules run at full severity. */
const AI = 'This Agreement covers the Provider\'s generative AI model and machine learning services.\n\n';

function grantFindings(text: string): Finding[] {
  return lint(AI + text, recommended()).findings.filter((f) => f.ruleId === 'recommended/broad-use-grant');
}

function ruleNames(text: string): string[] {
  return [...new Set(lint(AI + text, recommended()).findings.map((f) => f.ruleId.replace('recommended/', '')))].sort();
}

describe('grant recogniser: what it reads as a broad grant', () => {
  const grants: [string, string, string][] = [
    ['We may use the Feedback however we choose.', 'we', 'however we choose'],
    ['The Vendor may adapt, reuse and republish any Suggestions as it sees fit.', 'The Vendor', 'as it sees fit'],
    ['The Operator is free to exploit the Telemetry in any manner.', 'The Operator', 'in any manner'],
    ['Licensee shall have the right to deploy the Model for whatever purposes it selects.', 'Licensee', 'for whatever purposes'],
    ['The Ministry is authorised to use, copy and share the Imagery without restriction.', 'The Ministry', 'without restriction'],
    ['The Bureau may reproduce and distribute the Maps as it deems appropriate.', 'The Bureau', 'as it deems appropriate'],
    ['The Contractor grants the Agency a perpetual, unrestricted licence to use and modify the Toolkit.', 'the Agency', 'unrestricted'],
    [
      'The Supplier grants the Ministry the right to make,  use,   sell, copy, distribute, import, develop derivative works of, and publicly perform and display,    for any purpose, any of the Reports.',
      'the Ministry',
      'for any purpose',
    ],
    ['The Agency may repro-\nduce and trans-\nlate the Reports for any lawful purpose.', 'The Agency', 'for any lawful purpose'],
    ['Provider may use Customer Prompts for any lawful purpose, provided that Provider shall not sell them.', 'Provider', 'for any lawful purpose'],
    ['You grant an irrevocable, worldwide right to Northwind to use and adapt Submissions for any purpose.', 'Northwind', 'for any purpose'],
    ['By submitting Ideas, you grant Acme and its affiliates a perpetual licence to use them in any manner.', 'Acme', 'in any manner'],
    ['Subscriber acknowledges that dataLab may reuse Feedback in any manner.', 'dataLab', 'in any manner'],
    ['We value your comments, but may use them without any restriction.', 'we', 'without any restriction'],
    // Reserved freedoms: a denied restriction is a permission, and its acts come as gerunds.
    [
      'Save as stated in Clause 4, nothing in this Contract shall be read to limit or restrict Harbourline from adapting and licensing its routing engine to others for any purpose.',
      'Harbourline',
      'for any purpose',
    ],
    ['The Archive shall have the right to allow member libraries to index the Catalogue and to authorise access by readers on terms within the Archive\'s sole discretion.', 'The Archive', "within the archive's sole discretion"],
    ['The Institute may use every comment received from the Panel without reservation.', 'The Institute', 'without reservation'],
    ['Once the option lapses, the Developer thereafter may develop and operate the Site without any restriction under this Agreement.', 'the Developer', 'without any restriction'],
    ['All sketches remain the property of the Studio, and the Studio shall have the right to make whatever use it thinks fit of such sketches.', 'the Studio', 'whatever use it thinks fit'],
    ['Contributors grant permissions to the whole community to copy and remix their drawings freely, so long as each copy names them.', 'the whole community', 'freely'],
    ['Pilots hand over their logs, and we shall have a perpetual right to copy and exploit the logs without restriction.', 'we', 'without restriction'],
    ['You agree that the Board may publish, adapt and use the Survey Answers for any purpose related to its business.', 'the Board', 'for any purpose'],
    ['Members confirm that they owe no duty to send Comments and that we may use the Comments without any restriction.', 'we', 'without any restriction'],
    ['The Author grants to Meridian an unrestricted, perpetual licence to all rights in the Photographs.', 'Meridian', 'unrestricted'],
    ['The Club may reuse all ideas that are sent by Members to the Club in connection with this Agreement, without reservation.', 'The Club', 'without reservation'],
  ];
  for (const [sentence, holder, open] of grants) {
    it(`"${sentence.replace(/\s+/g, ' ').slice(0, 70)}…": held by ${holder}`, () => {
      const g = grantOf(sentence);
      assert.ok(g, 'a grant');
      assert.strictEqual(g!.holder, holder);
      assert.strictEqual(g!.open.text, open);
    });
  }
});

describe('grant recogniser: look-alikes it leaves alone', () => {
  const lookAlikes = [
    'Either party may disclose the existence of this Agreement without restriction.',
    'The Distributor may market the Products globally without restriction.',
    'The Servicer may collect and retain all such payments without restriction.',
    'Each party is free to use its own personnel in performing the Work.',
    'You shall not use the Service for any purpose not understood and affirmatively consented to by the end user.',
    'The Licensee may use the Software solely for its internal business purposes.',
    'The Recipient shall not use the Plans for any purpose other than the Project.',
    'The Licensee may use the Marks only in connection with the Licensed Products.',
    'The Club may reuse all ideas that are sent by Members in connection with this Agreement only, without reservation.',
    'The Club may reuse the ideas in connection with this Agreement, without reservation.',
    'Copies of this Agreement signed electronically shall be deemed originals for all purposes.',
    'Provider disclaims all warranties of fitness for any particular purpose.',
    'Each party may assign this Agreement freely to an affiliate.',
    'The Tenant may not use the Premises for any purpose unless the Landlord consents.',
    '"Permitted Use" means any lawful use of the Platform.',
    'However, the Agency may use the Reports for the evaluation described in Schedule 2.',
    'Nothing in this Agreement makes either party the agent of the other for any purpose.',
    'We may revise the fees and the offers made to other dealers in any manner and at any time.',
    'The Publisher grants the Reseller a licence to copy and display the Maps in any manner and by any means in connection with the Reseller Portal.',
    'You are free to run and adapt your own plug-in in any manner you determine that is permitted by the licence under which it was released.',
    'A visitor who attempts to grant sub-licences or to resell the Service in any way shall face suspension.',
    'The review panel shall be entitled to make such enquiries as it deems appropriate.',
    'After each visit we may give the Operator such advice in running and operating the Depot as we deem appropriate.',
  ];
  for (const sentence of lookAlikes) {
    it(`"${sentence.slice(0, 80)}"`, () => assert.strictEqual(grantOf(sentence), undefined));
  }
});

describe('grant recogniser: lists', () => {
  it('reads a list item with the sentence that introduces the list', () => {
    const text = 'The Vendor grants the Bureau a licence to:\n\n(a) host the Content;\n\n(b) copy, adapt and otherwise exploit the Content in any manner.\n';
    const [grant] = grantFindings(text);
    assert.ok(grant, 'a broad grant in item (b)');
    assert.strictEqual((AI + text).slice(grant.span.start, grant.span.end), 'in any manner');
    assert.match(grant.message, /the Bureau's right to/);
  });

  it('does not take a permission from an aside of the lead-in, nor grant an item that opens with a condition', () => {
    const text =
      'The Dealer shall carry (with such limits as may be set by the Maker from time to time) the following cover:\n\n1. Fire cover on the showroom.\n\n2. If the Dealer hires or uses vans for any other purpose in running the showroom, motor cover.\n';
    assert.deepStrictEqual(grantFindings(text), []);
  });

  it('leaves a list of narrow uses alone', () => {
    assert.deepStrictEqual(grantFindings('The Vendor grants the Bureau a licence to:\n\n(a) host the Content;\n\n(b) copy the Content solely for archiving.\n'), []);
  });
});

describe('parties: who holds a grant and whom a prohibition binds', () => {
  const preamble = 'This AI Services Agreement is made between Northwind Analytics Ltd ("Provider", "we" or "us") and the Office of Records ("Customer" or "you").\n\n';

  it('learns the parties and their pronouns from the preamble', () => {
    const doc = parseDocument(preamble + '1. Services\n\nProvider supplies the model.\n', 'terms.md');
    assert.strictEqual(partyKey('we', doc.parties), 'provider');
    assert.strictEqual(partyKey('the Provider', doc.parties), 'provider');
    assert.strictEqual(partyKey('you', doc.parties), 'customer');
  });

  it("a ban on the customer does not qualify the provider's own broad right", () => {
    const text = preamble + 'We may use your Feedback without restriction.\n\nYou shall not use the Service for mass surveillance of U.S. persons or in lethal autonomous weapon systems.\n';
    const [grant] = grantFindings(text);
    assert.strictEqual(grant.severity, 'warning');
    assert.match(grant.message, /our right to use your Feedback without restriction/);
    assert.deepStrictEqual(ruleNames(text).filter((r) => r.startsWith('missing-') && r.endsWith('carve-out')), ['missing-surveillance-carve-out', 'missing-weapons-carve-out']);
  });

  it('a ban on the grantee, on everyone, or on any use of the thing qualifies the grant', () => {
    const bans = [
      'We shall not use Feedback for mass surveillance of U.S. persons or in lethal autonomous weapon systems.',
      'Neither party shall use Feedback for mass surveillance of U.S. persons or in lethal autonomous weapon systems.',
      'Feedback shall not be used for mass surveillance of U.S. persons or in lethal autonomous weapon systems.',
    ];
    for (const ban of bans) {
      const text = preamble + `We may use your Feedback without restriction.\n\n${ban}\n`;
      const [grant] = grantFindings(text);
      assert.strictEqual(grant.severity, 'info', ban);
      assert.ok(grant.related.length >= 2, 'the carve-outs are related locations');
      assert.ok(!ruleNames(text).some((r) => r.startsWith('missing-') && r.endsWith('carve-out')), ban);
    }
  });

  it('a ban that binds the customer qualifies the customer\'s own grant', () => {
    const text = preamble + 'Customer may use the Outputs for any lawful purpose.\n\nCustomer shall not use the Outputs for mass surveillance of U.S. persons or in lethal autonomous weapon systems.\n';
    assert.deepStrictEqual(grantFindings(text).map((f) => f.severity), ['info']);
  });
});

describe('qualified grants stay visible', () => {
  const cases: [string, string][] = [
    ['an exception in the same sentence', 'The Agency may use the Model for any lawful purpose, except that the Agency shall not use it for mass surveillance of U.S. persons or in lethal autonomous weapon systems.\n'],
    ['"Subject to Section 9"', 'Subject to Section 9, the Agency may use the Model for any lawful purpose.\n\n9. Prohibited Uses\n\nThe Agency shall not use the Model for mass surveillance of U.S. persons or in lethal autonomous weapon systems.\n'],
    ['an all-caps "SUBJECT TO ARTICLE 7"', 'SUBJECT TO ARTICLE 7, THE AGENCY MAY USE THE MODEL FOR ANY LAWFUL PURPOSE.\n\nARTICLE 7 PROHIBITED USES\n\nTHE AGENCY SHALL NOT USE THE MODEL FOR MASS SURVEILLANCE OF U.S. PERSONS OR IN LETHAL AUTONOMOUS WEAPON SYSTEMS.\n'],
  ];
  for (const [what, text] of cases) {
    it(`reports a grant qualified by ${what} at info, with the carve-outs as related locations`, () => {
      const findings = grantFindings(text);
      assert.strictEqual(findings.length, 1, JSON.stringify(findings.map((f) => f.message)));
      assert.strictEqual(findings[0].severity, 'info');
      const related = findings[0].related.map((r) => (AI + text).slice(r.span.start, r.span.end).toLowerCase());
      assert.ok(related.some((r) => r.includes('surveillance')) && related.some((r) => r.includes('autonomous')), related.join(' | '));
    });
  }

  it('coverage shows a broad grant as qualified or unqualified, with its holder', () => {
    const qualified = lint(AI + cases[0][1], recommended()).coverage.find((c) => c.kind === 'broad-grant')!;
    assert.strictEqual(qualified.qualification, 'qualified');
    assert.strictEqual(qualified.grants![0].holder, 'The Agency');
    const open = lint(AI + 'The Agency may use the Model for any lawful purpose.\n', recommended()).coverage.find((c) => c.kind === 'broad-grant')!;
    assert.strictEqual(open.qualification, 'unqualified');
  });
});
