/**
 * The pack language added for recall on AI contracts: condition items that name
 * conditions or clause kinds, `otherwise` severities, `qualifiedWhen: all`,
 * detectors with `near`, `notPrecededBy`, `outsideDefinitions`,
 * `outsideHeadings`, `outsideChecklists` and `within: clause`, kinds with `gap`
 * (open items), flag `oncePer`, and definition
 * `namedLike` with a list of term sets.
 */
import * as assert from 'assert';
import { CompiledRuleSet } from '../../server/src/engine/lint';
import { lint, packFromYaml, summary } from '../helpers';

function pack(yaml: string): CompiledRuleSet {
  const config = packFromYaml(`pack: { id: t, version: 1.0.0 }\n${yaml}`);
  assert.deepStrictEqual(config.errors, []);
  return config.merged.compiled;
}

function packErrors(yaml: string): string[] {
  return packFromYaml(`pack: { id: t, version: 1.0.0 }\n${yaml}`).errors.map((e) => e.message);
}

describe('pack language: conditions', () => {
  const compiled = pack(`
terms:
  ai: { phrases: [artificial intelligence] }
  grant: { phrases: [any lawful purpose] }
  lease: { phrases: [premises] }
kinds:
  broad: { title: Broad, detect: [{ terms: grant }] }
conditions:
  about-ai: { anyOf: [{ terms: ai }] }
  ai-with-grant: { allOf: [{ condition: about-ai }, { kind: broad }] }
  not-a-lease: { noneOf: [{ terms: lease }] }
rules:
  needs-both: { kind: flag, terms: ai, when: ai-with-grant, message: m }
  no-lease: { kind: flag, terms: grant, when: not-a-lease, message: m }
`);

  it('an item may be another condition or a clause kind found in the document', () => {
    assert.strictEqual(lint('Artificial intelligence services.', compiled, { only: new Set(['t/needs-both']) }).findings.length, 0);
    assert.strictEqual(lint('Artificial intelligence services for any lawful purpose.', compiled, { only: new Set(['t/needs-both']) }).findings.length, 1);
  });

  it('noneOf holds only when none of its items does', () => {
    assert.strictEqual(lint('Use it for any lawful purpose.', compiled, { only: new Set(['t/no-lease']) }).findings.length, 1);
    assert.strictEqual(lint('Use the premises for any lawful purpose.', compiled, { only: new Set(['t/no-lease']) }).findings.length, 0);
  });

  it('a condition that depends on itself is a located pack error', () => {
    const errors = packErrors(`
conditions:
  a: { anyOf: [{ condition: b }] }
  b: { anyOf: [{ condition: a }] }
`);
    assert.ok(errors.some((m) => /condition "a" depends on itself \(a -> b -> a\)/.test(m)), errors.join('\n'));
  });

  it('unknown kinds and conditions in items are pack errors', () => {
    const errors = packErrors(`
conditions:
  c: { anyOf: [{ kind: nowhere }, { condition: missing }] }
`);
    assert.ok(errors.some((m) => /unknown clause kind "nowhere"/.test(m)), errors.join('\n'));
    assert.ok(errors.some((m) => /unknown condition "missing"/.test(m)), errors.join('\n'));
  });
});

describe('pack language: otherwise and qualifiedWhen', () => {
  const compiled = pack(`
terms:
  ai: { phrases: [artificial intelligence] }
  grant: { phrases: [any lawful purpose] }
  surveil: { phrases: [mass surveillance] }
  weapons: { phrases: [autonomous weapons] }
  ban: { phrases: [shall not] }
kinds:
  broad: { title: Broad, detect: [{ terms: grant }] }
  no-surveillance: { title: S, detect: [{ terms: surveil, with: ban }] }
  no-weapons: { title: W, detect: [{ terms: weapons, with: ban }] }
conditions:
  about-ai: { anyOf: [{ terms: ai }] }
rules:
  grant:
    kind: flag
    clause: broad
    qualifiedBy: [no-surveillance, no-weapons]
    qualifiedWhen: all
    when: about-ai
    otherwise: info
    message: m
`);
  const grant = 'The Agency may use the Services for any lawful purpose.';

  it('runs at full severity where the condition holds, and at the otherwise severity elsewhere', () => {
    assert.deepStrictEqual(lint(`Artificial intelligence. ${grant}`, compiled).findings.map((f) => f.severity), ['warning']);
    assert.deepStrictEqual(lint(grant, compiled).findings.map((f) => f.severity), ['info']);
  });

  it('with qualifiedWhen: all, one qualifying kind is not enough', () => {
    const one = `${grant} The Agency shall not use them for mass surveillance.`;
    const both = `${one} The Agency shall not use them in autonomous weapons.`;
    assert.strictEqual(lint(one, compiled).findings.length, 1);
    assert.strictEqual(lint(both, compiled).findings.length, 0);
  });
});

describe('pack language: detector options', () => {
  const compiled = pack(`
terms:
  breadth: { phrases: [for any purpose, without restriction] }
  verb: { phrases: [use] }
  denial: { phrases: [shall not] }
  audit: { phrases: [audit, audits] }
  books: { phrases: [books, records] }
  pause: { phrases: [pause] }
  approval: { phrases: [approval] }
  logged: { phrases: [logged] }
kinds:
  broad:
    title: Broad
    detect: [{ terms: breadth, near: verb, nearChars: 40, notPrecededBy: denial, precededChars: 60, outsideDefinitions: true }]
  audit-right:
    title: Audit
    detect: [{ terms: audit, with: books, outsideHeadings: true }]
  escalation:
    title: Escalation
    detect: [{ terms: approval, with: [pause, logged], within: clause }]
rules:
  broad: { kind: flag, clause: broad, message: m }
  audit: { kind: flag, clause: audit-right, message: m }
  escalation: { kind: require, clause: escalation, message: m }
`);
  const broad = { only: new Set(['t/broad']) };

  it('near: the grant word must be close to the breadth words, not just somewhere in the sentence', () => {
    const close = 'The Agency may use the Data for any purpose.';
    const far = 'Use of the Data is governed by the policy that the parties agree each year, and is effective for any purpose.';
    assert.deepStrictEqual(summary(close, lint(close, compiled, broad).findings), ['t/broad@for any purpose']);
    assert.strictEqual(lint(far, compiled, broad).findings.length, 0);
  });

  it('notPrecededBy: a denial just before cancels the hit; one after it (a proviso) does not', () => {
    assert.strictEqual(lint('The Recipient shall not use the Data for any purpose.', compiled, broad).findings.length, 0);
    assert.strictEqual(lint('The Agency may use the Data for any purpose, but shall not sell it.', compiled, broad).findings.length, 1);
  });

  it('outsideDefinitions: the body of a "means" definition and a defined term\'s own name are not grants', () => {
    const defined = '"Licensed Use" means use of the Data for any purpose. The Agency may make Licensed Use of the Data.';
    const named = '"Use Without Restriction" means the tier described in Schedule 1. The Agency may use the Use Without Restriction tier.';
    assert.strictEqual(lint(defined, compiled, broad).findings.length, 0);
    assert.strictEqual(lint(named, compiled, broad).findings.length, 0);
  });

  it('outsideHeadings: a title that names audits is not an audit right; its text may be', () => {
    const title = 'ARTICLE IX RECORD-KEEPING AND AUDITS\n\n9.1 Each party shall keep its own files.';
    const body = 'ARTICLE IX RECORD-KEEPING AND AUDITS\n\n9.1 The Customer may audit the books of the Supplier.';
    assert.strictEqual(lint(title, compiled, { only: new Set(['t/audit']) }).findings.length, 0);
    assert.strictEqual(lint(body, compiled, { only: new Set(['t/audit']) }).findings.length, 1);
  });

  it('withKinds: a clause kind must be found in the same span', () => {
    const kinds = pack(`
terms:
  pause: { phrases: [pause] }
  role: { phrases: [officer] }
  approval: { phrases: [approval] }
kinds:
  approver: { title: Approver, detect: [{ terms: role, near: approval, nearChars: 30 }] }
  escalation: { title: Escalation, detect: [{ terms: pause, withKinds: [approver], within: clause }] }
rules:
  escalation: { kind: require, clause: escalation, message: m }
`);
    const named = '9. Escalation\n\n9.1 The use shall pause.\n\n9.2 It needs the written approval of the Officer.';
    const unnamed = '9. Escalation\n\n9.1 The use shall pause.\n\n9.2 It needs approval.\n\n10. Staff\n\n10.1 The Officer signs the payroll.';
    assert.strictEqual(lint(named, kinds).findings.length, 0);
    assert.strictEqual(lint(unnamed, kinds).findings.length, 1);
  });

  it('within: clause looks across the sub-clauses of one numbered section, not into the next', () => {
    const one = '9. Escalation\n\n9.1 The use shall pause.\n\n9.2 It needs the approval of the Officer.\n\n9.3 The decision is logged.';
    const split = '9. Escalation\n\n9.1 The use shall pause.\n\n9.2 It needs the approval of the Officer.\n\n10. Records\n\n10.1 The decision is logged.';
    assert.strictEqual(lint(one, compiled, { only: new Set(['t/escalation']) }).findings.length, 0);
    assert.strictEqual(lint(split, compiled, { only: new Set(['t/escalation']) }).findings.length, 1);
  });
});

describe('pack language: flag oncePer and definition namedLike', () => {
  const compiled = pack(`
terms:
  weak: { phrases: [not designed for, no liability] }
  broad: { phrases: [any lawful purpose] }
  meaning: { phrases: [any purpose] }
kinds:
  grant: { title: Grant, detect: [{ terms: broad }] }
rules:
  weak: { kind: flag, terms: weak, oncePer: sentence, message: m }
  defined:
    kind: definition
    terms: [broad, meaning]
    namedLike: [use, purpose]
    clauseKind: grant
    message: '"{term}" is broad.'
`);

  it('oncePer: sentence reports the first hit of a sentence only', () => {
    const text = 'The Service is not designed for weapons, and the Provider has no liability for such use. It is not designed for cars.';
    assert.deepStrictEqual(summary(text, lint(text, compiled, { only: new Set(['t/weak']) }).findings), ['t/weak@not designed for', 't/weak@not designed for']);
  });

  it('reads any of its term sets in a definition, counts plural uses, and only for terms named like a use or purpose', () => {
    const text = '"Permitted Use" means any purpose. Permitted Uses are logged. "Common Stock" means shares issued for any purpose. Common Stock is listed.';
    const findings = lint(text, compiled, { only: new Set(['t/defined']) }).findings;
    assert.deepStrictEqual(summary(text, findings), ['t/defined@Permitted Uses']);
  });

  it('a list in "terms" is refused for the other kinds', () => {
    const errors = packErrors(`
terms:
  a: { phrases: [x] }
rules:
  r: { kind: flag, terms: [a], message: m }
`);
    assert.ok(errors.some((m) => /takes one term set/.test(m)), errors.join('\n'));
  });
});

describe('pack language: open-item kinds (gap) and outsideChecklists', () => {
  const compiled = pack(`
terms:
  blank: { patterns: ['\\[ ?x? ?\\]'] }
kinds:
  blank: { title: Blank, gap: { one: blank to fill, other: blanks to fill }, detect: [{ terms: blank, outsideChecklists: true }] }
rules:
  blanks: { kind: flag, clause: blank, clauseKind: blank, message: m }
`);

  it('outsideChecklists: a box that opens a line or list item is a checkbox; one in a sentence is a blank', () => {
    const text = '- [ ] review\n* [x] approve\n  3. [ ] log\n[x] done\n\nPay within [ ] days of [X].';
    assert.deepStrictEqual(summary(text, lint(text, compiled).findings), ['t/blanks@[ ]', 't/blanks@[X]']);
  });

  it('gap: coverage counts each location as an open item and names the count with the kind\'s words', () => {
    const coverageOf = (text: string) => lint(text, compiled).coverage.find((c) => c.kind === 'blank')!;
    assert.deepStrictEqual(coverageOf('Pay within [ ] days of [X], or [ ].').open, { count: 3, label: '3 blanks to fill' });
    assert.deepStrictEqual(coverageOf('Pay within [ ] days.').open, { count: 1, label: '1 blank to fill' });
    assert.deepStrictEqual(coverageOf('Pay within ten days.').open, { count: 0, label: '0 blanks to fill' });
  });

  it('gap needs both words; anything else is a located pack error', () => {
    const errors = packErrors(`
terms:
  blank: { phrases: [tbd] }
kinds:
  blank: { title: Blank, gap: { one: blank }, detect: [{ terms: blank }] }
`);
    assert.ok(errors.some((m) => /other/.test(m)), errors.join('\n'));
  });
});
