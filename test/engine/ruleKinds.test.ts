import * as assert from 'assert';
import * as path from 'path';
import { CompiledRuleSet } from '../../server/src/engine/lint';
import { loadConfig } from '../../server/src/packs/config';
import { FIXTURES, lint, summary } from '../helpers';

describe('rule kinds', () => {
  let pack: CompiledRuleSet;
  before(() => {
    const config = loadConfig(path.join(FIXTURES, 'packs', 'kinds.yaml'), []);
    assert.deepStrictEqual(config.errors, []);
    pack = config.merged.compiled;
  });
  const only = (...names: string[]) => ({ only: new Set(names.map((n) => `kinds/${n}`)) });

  describe('flag', () => {
    it('reports each hit of its terms, with the matched words in the message', () => {
      const text = 'The Customer may use the Services for any lawful purpose.';
      const { findings } = lint(text, pack, only('broad'));
      assert.deepStrictEqual(summary(text, findings), ['kinds/broad@any lawful purpose']);
      assert.strictEqual(findings[0].message, 'Broad grant "any lawful purpose".');
      assert.strictEqual(findings[0].clauseKind, 'grant');
    });

    it('honours exceptions (look-alikes)', () => {
      const text = 'The Recipient may not use it for any purpose other than the Project.';
      assert.deepStrictEqual(lint(text, pack, only('broad')).findings, []);
    });

    it('needs every `with` set in the same sentence', () => {
      const fires = 'The Provider may, at its discretion, audit the logs.';
      const silent = 'The Provider may, at its discretion, change colours. It may audit the logs.';
      assert.strictEqual(lint(fires, pack, only('discretionary')).findings.length, 1);
      assert.strictEqual(lint(silent, pack, only('discretionary')).findings.length, 0);
    });

    it('over a clause kind, stays silent when a qualifying kind is in scope', () => {
      const qualified = '1. Use\n\nThe Customer may use it for any lawful purpose but shall not use it in autonomous weapons.';
      const otherSection = '1. Use\n\nThe Customer may use it for any lawful purpose.\n\n2. Other\n\nThe Customer shall not use it in autonomous weapons.';
      assert.strictEqual(lint(qualified, pack, only('broad-unqualified')).findings.length, 0);
      assert.strictEqual(lint(otherSection, pack, only('broad-unqualified')).findings.length, 1);
    });
  });

  describe('conditional', () => {
    const grant = 'The Customer may use the Services for any lawful purpose';

    it('sentence scope: the carve-out must be in the same sentence', () => {
      const same = `${grant}, except in autonomous weapons.`;
      const next = `${grant}. The Customer shall not use them in autonomous weapons.`;
      assert.strictEqual(lint(same, pack, only('weapons-in-sentence')).findings.length, 0);
      const { findings } = lint(next, pack, only('weapons-in-sentence'));
      assert.deepStrictEqual(summary(next, findings), ['kinds/weapons-in-sentence@any lawful purpose']);
      assert.strictEqual(findings[0].message, 'No weapons carve-out in the same sentence.');
      assert.strictEqual(findings[0].clauseKind, 'no-weapons');
    });

    it('section scope: a carve-out elsewhere in the section counts, in another section it does not', () => {
      const inSection = `3. Use\n\n3.1 ${grant}.\n\n3.2 The Customer shall not use them in autonomous weapons.`;
      const elsewhere = `3. Use\n\n${grant}.\n\n4. Other\n\nThe Customer shall not use them in autonomous weapons.`;
      assert.strictEqual(lint(inSection, pack, only('weapons-in-section')).findings.length, 0);
      assert.strictEqual(lint(elsewhere, pack, only('weapons-in-section')).findings.length, 1);
    });

    it('follows a cross-reference from the grant to the section that holds the carve-out', () => {
      const text = `3. Use\n\nSubject to Section 9, ${grant.toLowerCase()}.\n\n4. Fees\n\nFees are due monthly.\n\n9. Restrictions\n\nAutonomous weapons are excluded.`;
      assert.strictEqual(lint(text, pack, only('weapons-in-section')).findings.length, 0);
      const unreferenced = text.replace('Subject to Section 9, t', 'T');
      const { findings } = lint(unreferenced, pack, only('weapons-in-section'));
      assert.strictEqual(findings.length, 1);
      assert.ok(findings[0].related.some((r) => r.message === 'searched this section'));
    });

    it('counts an item under a heading such as "Restrictions" as a carve-out', () => {
      const text = `1. Use\n\n${grant}.\n\n2. Restrictions\n\n(a) autonomous weapons;\n\n(b) spam.`;
      const { coverage } = lint(text, pack);
      assert.strictEqual(coverage.find((c) => c.kind === 'no-weapons')?.present, true);
    });

    it('proposes the clause, inserted in the section where it belongs when there is one', () => {
      const text = `1. Use\n\n${grant}.\n\n2. Restrictions\n\nNo spam.\n\n3. Fees\n\nMonthly.`;
      const [f] = lint(text, pack, only('weapons-in-sentence')).findings;
      const insert = f.fixes.find((p) => p.type === 'insert-clause')!;
      assert.strictEqual(insert.edits[0].start, text.indexOf('No spam.') + 'No spam.'.length);
      assert.strictEqual(insert.edits[0].text, '\n\nThe Customer shall not use the Services in autonomous weapons.');
      assert.strictEqual(insert.edits[0].snippet, '\n\n${1:The Customer} shall not use the Services in autonomous weapons.');
      assert.match(insert.title, /at the end of "Restrictions"/);
    });
  });

  describe('require', () => {
    it('reports a missing kind at the anchor, only on documents that meet its condition', () => {
      const text = 'Artificial intelligence services. The Customer may use them for any lawful purpose.';
      const { findings } = lint(text, pack, only('weapons-anywhere'));
      assert.deepStrictEqual(summary(text, findings), ['kinds/weapons-anywhere@any lawful purpose']);
      assert.strictEqual(findings[0].message, 'No Weapons carve-out anywhere.');
      assert.deepStrictEqual(lint(text.replace('Artificial intelligence', 'Cleaning'), pack, only('weapons-anywhere')).findings, []);
    });

    it('without an anchor, reports on the first line and inserts at the end', () => {
      const text = 'AI SERVICES\n\nArtificial intelligence services for the Customer.';
      const [f] = lint(text, pack, only('weapons-anywhere')).findings;
      assert.deepStrictEqual(f.span, { start: 0, end: 'AI SERVICES'.length });
      assert.strictEqual(f.fixes[0].edits[0].start, text.length);
    });

    it('is satisfied anywhere in the document', () => {
      const text = 'Artificial intelligence. Use for any lawful purpose.\n\nThe Customer shall not use it in autonomous weapons.';
      assert.deepStrictEqual(lint(text, pack, only('weapons-anywhere')).findings, []);
    });
  });

  describe('definition', () => {
    const text = '"Permitted Purpose" means any lawful purpose.\n\nThe Customer may use the Services for the Permitted Purpose and for each Permitted Purpose.';

    it('reports every use of a broadly defined term, with the definition as related location', () => {
      const { findings } = lint(text, pack, only('broad-definition'));
      assert.deepStrictEqual(summary(text, findings), ['kinds/broad-definition@Permitted Purpose', 'kinds/broad-definition@Permitted Purpose']);
      assert.strictEqual(findings[0].message, '"Permitted Purpose" is broad: any lawful purpose.');
      assert.match(findings[0].related[0].message, /is defined here as "any lawful purpose"/);
    });

    it('adds the uses to the coverage of its kind', () => {
      const grant = lint(text, pack).coverage.find((c) => c.kind === 'grant')!;
      assert.strictEqual(grant.locations.length, 2, 'the definition sentence and the sentence that uses the term');
    });

    it('stays silent for a narrow definition', () => {
      const narrow = text.replace('any lawful purpose', 'the analysis of shipping data');
      assert.deepStrictEqual(lint(narrow, pack, only('broad-definition')).findings, []);
    });
  });
});
