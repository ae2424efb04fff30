/**
 * Fixes that fit the contract they are applied to: contract text in, fixed text out.
 * A fix inserts only the clause kinds still missing; fix-all (and --fix) is idempotent;
 * an inserted clause names the document's own parties and defined terms and is numbered
 * like its neighbours, or its title says it is unnumbered.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { applyEdits, fixToFixpoint } from '../../server/src/engine/fixes/apply';
import { composeEdits } from '../../server/src/engine/fixes/compose';
import { renderPlain, resolveFill } from '../../server/src/engine/fixes/snippet';
import { Finding } from '../../server/src/engine/types';
import { lint, recommended } from '../helpers';

const SAMPLE = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'examples', 'ai-services-draft.md'), 'utf8');

function findingsOf(text: string): Finding[] {
  return lint(text, recommended()).findings;
}

function fixAll(text: string): string {
  return fixToFixpoint(text, findingsOf(text), findingsOf).text;
}

function insertFix(text: string, ruleId: string) {
  const finding = findingsOf(text).find((f) => f.ruleId === ruleId);
  assert.ok(finding, `${ruleId} reports on:\n${text}`);
  return finding.fixes.filter((p) => p.type === 'insert-clause');
}

const GOVERNMENT_DRAFT = [
  'This Agreement is made between the Department of Example Affairs (the "Government") and Example Analytics Inc. (the "Contractor").',
  '1.1 "Services" means the Contractor\'s hosted artificial intelligence services and the models behind them.',
  '## 2. Use',
  '2.1 The Government may use the Services for any lawful purpose.',
  '',
].join('\n\n');

const WEAPONS_CLAUSE =
  'Prohibited Use: Autonomous Weapons. The Government shall not use the Services to operate, or as a component of, any weapon system that, once activated, can select and engage targets without further intervention by a human operator, and shall keep every use of the Services in connection with the use of force subject to appropriate levels of human judgment over the use of force.';

describe('fixes insert only what is missing', () => {
  it('on a draft that already prohibits one use, the broad grant\'s fix inserts only the other carve-out', () => {
    const draft = GOVERNMENT_DRAFT + '\n2.2 The Government shall not use the Services for domestic mass surveillance.\n';
    const plans = insertFix(draft, 'recommended/broad-use-grant');
    assert.deepStrictEqual(plans.flatMap((p) => p.edits.map((e) => e.clauseKind)), ['carve-out:autonomous-weapons']);
    assert.deepStrictEqual(plans.map((p) => p.shortTitle), ['Insert carve-out: autonomous weapons']);
    assert.match(plans[0].title, /after 2\.2 as 2\.3$/, 'past 2.2, which follows the grant, so it can be numbered');
  });

  it('--fix on that draft inserts the weapons carve-out once, numbered 2.3, and no second surveillance prohibition', () => {
    const draft = GOVERNMENT_DRAFT + '\n2.2 The Government shall not use the Services for domestic mass surveillance.\n';
    const fixed = fixAll(draft);
    assert.strictEqual(fixed.split('mass surveillance').length, 2, 'the surveillance prohibition is the document\'s own, once');
    assert.strictEqual(fixed.split('Prohibited Use: Autonomous Weapons.').length, 2);
    assert.ok(fixed.includes(`2.2 The Government shall not use the Services for domestic mass surveillance.\n\n2.3 ${WEAPONS_CLAUSE}`), fixed);
  });

  it('a carve-out that binds another party does not narrow the grant: the fix still inserts one that binds the grantee', () => {
    const draft = GOVERNMENT_DRAFT + '\n2.2 The Contractor shall not use the Services for domestic mass surveillance.\n';
    const plans = insertFix(draft, 'recommended/broad-use-grant');
    assert.deepStrictEqual(plans.flatMap((p) => p.edits.map((e) => e.clauseKind)), ['carve-out:domestic-surveillance', 'carve-out:autonomous-weapons']);
    assert.match(plans[0].edits[0].text, /Agreement, the Government shall not use/);
  });

  it('a use of a broadly defined term, with one carve-out already binding the grantee, gets only the other', () => {
    const draft = GOVERNMENT_DRAFT.replace('2.1 The Government may use the Services for any lawful purpose.', '1.2 "Permitted Use" means any lawful use.\n\n2.1 The Government may use the Services for the Permitted Use.')
      + '\n2.2 The Government shall not use the Services in weapon systems that select and engage targets without further intervention by a human operator.\n';
    const plans = insertFix(draft, 'recommended/broad-defined-term');
    assert.deepStrictEqual(plans.flatMap((p) => p.edits.map((e) => e.clauseKind)), ['carve-out:domestic-surveillance']);
    const fixed = fixAll(draft);
    assert.strictEqual(fixed.split('weapon system').length, 2, `the draft's own weapons prohibition stays the only one:\n${fixed}`);
    assert.strictEqual(fixAll(fixed), fixed);
  });

  it('fix-all twice gives the text of fix-all once (the sample, and the sample with one carve-out)', () => {
    const once = fixAll(SAMPLE);
    assert.notStrictEqual(once, SAMPLE);
    assert.strictEqual(fixAll(once), once);
    const partial = SAMPLE.replace('for any lawful purpose.', 'for any lawful purpose.\n\n3.2 The Government shall not use the Services for mass surveillance of persons in the United States.');
    const fixedPartial = fixAll(partial);
    assert.strictEqual(fixAll(fixedPartial), fixedPartial);
    assert.strictEqual(fixedPartial.split('Prohibited Use: Domestic Surveillance').length, 1, 'no surveillance clause inserted');
  });

  it('a clause whose text is already in the document is not inserted again, even by a finding that asks for it', () => {
    const once = fixAll(SAMPLE);
    const findings = findingsOf(SAMPLE);
    // The findings of the original text, applied to the fixed one: every clause they propose is already there.
    const again = fixToFixpoint(once, findings.map((f) => ({ ...f, fixes: f.fixes.map((p) => ({ ...p, edits: p.edits.map((e) => ({ ...e, start: 0, end: 0 })) })) })), findingsOf);
    assert.strictEqual(again.text, once);
  });
});

describe('inserted clauses fit the document', () => {
  it('the clauses inserted into the sample name its parties and defined terms and are numbered 3.2 to 3.4', () => {
    const fixed = fixAll(SAMPLE);
    const inserted = fixed.slice(fixed.indexOf('3.1 The Government'), fixed.indexOf('## 4. Fees'));
    assert.match(inserted, /\n\n3\.2 Prohibited Use: Domestic Surveillance\. Notwithstanding any other provision of this Agreement, the Government shall not use, and shall not permit any person to use, the Services or any output of the Services for mass surveillance/);
    assert.match(inserted, new RegExp(`\\n\\n3\\.3 ${WEAPONS_CLAUSE.replace(/[.()]/g, '\\$&')}\\n\\n`));
    assert.match(inserted, /\n\n3\.4 Escalation and Sign-off\. Before any deployment or use of the Services in a sensitive use category listed in Schedule \[X\], the Government shall \(a\) pause the proposed use and give the Contractor at least/);
    assert.doesNotMatch(inserted, /\[the Customer\]|\[The Customer\]|\[Services\]|\[the Provider\]/);
    // What only the drafter knows stays bracketed, for the placeholder rule to find.
    assert.match(inserted, /\[designated official\]/);
    assert.match(inserted, /\[named approving official\]/);
  });

  it('as a snippet, the filled names are text and only what cannot be inferred is a tab stop', () => {
    const [plan] = insertFix(SAMPLE, 'recommended/missing-surveillance-carve-out');
    const snippet = plan.edits[0].snippet!;
    assert.match(snippet, /^\n\n3\.2 \$\{1:Prohibited Use: Domestic Surveillance\.\} Notwithstanding any other provision of this Agreement, the Government shall not use/);
    assert.doesNotMatch(snippet, /holder|supplied|\[the Customer\]|\[Services\]/);
    assert.match(snippet, /\$\{3:individualised legal\s+authority and the documented approval of \[designated official\]\}/);
  });

  it('parties named without an article and a defined "Platform" (not "Model Outputs") are written as the document writes them', () => {
    const licence = [
      'This Licence is made between Northwind Models Ltd ("Licensor") and the Regional Transport Authority ("Licensee").',
      '"Model Outputs" means what the Platform generates.',
      '"Platform" means the hosted machine learning model service that Licensor makes available.',
      '4.1 Licensee may use the Platform for any purpose whatsoever.',
      '',
    ].join('\n\n');
    const [plan] = insertFix(licence, 'recommended/missing-weapons-carve-out');
    assert.match(plan.edits[0].text, /\n\n4\.2 Prohibited Use: Autonomous Weapons\. Licensee shall not use the Platform to operate/);
    const audit = insertFix(licence, 'recommended/missing-audit-trigger')[0].edits[0].text;
    assert.match(audit, /Before any deployment or use of the Platform in a sensitive use category listed in Schedule \[X\], Licensee shall \(a\) pause the proposed use and give Licensor at least/);
  });

  it('where the document names no parties, the bracketed fallbacks stay in the text and are tab stops in the snippet', () => {
    const text = 'Our artificial intelligence models and machine learning services.\n\nIt may use the outputs for any lawful purpose.\n';
    const [plan] = insertFix(text, 'recommended/missing-weapons-carve-out');
    assert.match(plan.edits[0].text, /Prohibited Use: Autonomous Weapons\. \[The Customer\] shall not use the \[Services\] to operate/);
    assert.match(plan.edits[0].snippet!, /\$\{1:Prohibited Use: Autonomous Weapons\.\} \$\{2:\[The Customer\]\} shall not use the\s+\$\{3:\[Services\]\} to operate/);
  });

  it('a clause that would land between 2.1 and 2.2 goes after the numbers that follow (past a sub-item too), taking the next free one', () => {
    const draft = GOVERNMENT_DRAFT.replace(
      '2.1 The Government may use the Services for any lawful purpose.',
      '2.1 The Government may use the Services for any lawful purpose.\n\n(a) The Government shall keep a list of its users.\n\n2.2 The Government shall pay the fees within thirty (30) days.',
    ) + '\n## 3. Term\n\n3.1 This Agreement runs for two (2) years.\n';
    const plans = insertFix(draft, 'recommended/missing-weapons-carve-out');
    assert.match(plans[0].title, /after 2\.2 as 2\.3$/);
    const fixed = fixAll(draft);
    assert.ok(fixed.includes(`2.2 The Government shall pay the fees within thirty (30) days.\n\n2.3 Prohibited Use: Domestic Surveillance.`), fixed);
    assert.ok(fixed.includes(`\n\n2.4 ${WEAPONS_CLAUSE}`), fixed);
    assert.ok(fixed.includes('\n## 3. Term\n\n3.1 This Agreement runs'), fixed);
  });
});

describe('fill variables and edit composition', () => {
  it('fills known names (capitalised at a sentence start) and turns unknown ones into tab stops after the body\'s own', () => {
    const body = '${1:Audit.} ${Supplier:[The Provider]} shall allow ${holder:[the Customer]} to audit the ${supplied:[Services]} and ${supplied:[Services]}.';
    assert.strictEqual(resolveFill(body, { supplier: 'the Contractor', holder: 'the Government', supplied: 'Platform' }), '${1:Audit.} The Contractor shall allow the Government to audit the Platform and Platform.');
    const unknown = resolveFill(body, { supplied: 'Platform' });
    assert.strictEqual(unknown, '${1:Audit.} ${2:[The Provider]} shall allow ${3:[the Customer]} to audit the Platform and Platform.');
    assert.strictEqual(renderPlain(unknown), 'Audit. [The Provider] shall allow [the Customer] to audit the Platform and Platform.');
    assert.strictEqual(resolveFill('Pay \\${holder:x} now', { holder: 'the Government' }), 'Pay \\${holder:x} now', 'an escaped dollar stays text');
  });

  it('a second round of edits, made on the first round\'s result, composes into one set against the original', () => {
    const original = 'A.\n\nB.\n';
    const first = [{ start: 4, end: 4, text: 'X1.\n\n' }, { start: 7, end: 7, text: '\nY.\n' }];
    const middle = applyEdits(original, first);
    assert.strictEqual(middle, 'A.\n\nX1.\n\nB.\n\nY.\n');
    // Inside the first round's text, before it, and after everything.
    const second = [{ start: 0, end: 0, text: '# T\n' }, { start: 5, end: 6, text: '2' }, { start: middle.length, end: middle.length, text: 'Z.\n' }];
    const final = applyEdits(middle, second);
    const composed = composeEdits(middle, first, second);
    assert.strictEqual(applyEdits(original, composed), final);
    assert.strictEqual(final, '# T\nA.\n\nX2.\n\nB.\n\nY.\nZ.\n');
  });
});
