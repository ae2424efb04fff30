/**
 * Property tests of fix-all (the editor's source.fixAll and `clauselint --fix`) over
 * random contracts built from clause fragments: one set of parties, numbered sections,
 * broad grants, carve-outs already written, partial escalation paths.
 * - Fix-all is idempotent: fix-all of its own result changes nothing.
 * - Its edits, as one set against the original (the editor's one workspace edit), give the same text.
 * - A fix never inserts a clause kind the text already has.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { applyEdits, fixAllEdits, fixToFixpoint, MAX_FIX_ROUNDS } from '../../server/src/engine/fixes/apply';
import { lint, recommended } from '../helpers';
import { FUZZ_RUNS, FUZZ_SEED, measured } from './fuzzSettings';

// Fragments written for these tests; each binds or grants for the same two parties.
const CLAUSES = [
  'The Government may use the Services for any lawful purpose.',
  'The Government may use the Services and any outputs without restriction.',
  'The Government shall not use the Services for mass surveillance of persons in the United States.',
  'The Government shall not use the Services in weapon systems that select and engage targets without further intervention by a human operator.',
  'The Government acknowledges that applicable law governs domestic surveillance.',
  'Before any deployment of the Services in a high-risk use case, the Government shall pause the use and obtain the written approval of the Chief AI Officer.',
  'Each approval decision shall be recorded in a decision log and kept for three (3) years.',
  'The Contractor may, at its discretion, audit the use of the Services.',
  'The Contractor shall notify the Government of any security incident within 72 hours of its discovery.',
  'The Government shall pay the fees in Schedule 2 within thirty (30) days.',
  'The Contractor shall provide reasonable technical support during business hours.',
  '"Permitted Purpose" means any lawful purpose.',
  'The Government may use the Services for the Permitted Purpose.',
];
const TITLES = ['Use of the Services', 'Restrictions on Use', 'Governance', 'Audit', 'Fees', 'Security'];
const PREAMBLE = 'This Agreement is made between the Department of Example Affairs (the "Government") and Example Analytics Inc. (the "Contractor").';
const DEFINITION = '"Services" means the Contractor\'s hosted artificial intelligence services and the models behind them.';

const section = fc.tuple(fc.constantFrom(...TITLES), fc.array(fc.constantFrom(...CLAUSES), { minLength: 1, maxLength: 4 }), fc.boolean());
const contract = fc
  .tuple(fc.boolean(), fc.array(section, { minLength: 1, maxLength: 4 }), fc.constantFrom('\n', '\r\n'))
  .map(([defines, sections, eol]) => {
    const parts = ['# AI Services Agreement', PREAMBLE];
    if (defines) parts.push('## 1. Definitions', `1.1 ${DEFINITION}`);
    sections.forEach(([title, clauses, numbered], i) => {
      const n = i + 2;
      parts.push(`## ${n}. ${title}`, ...clauses.map((c, k) => (numbered ? `${n}.${k + 1} ${c}` : c)));
    });
    return parts.join(eol + eol) + eol;
  });

function findingsOf(text: string) {
  return lint(text, recommended()).findings;
}

function fixAll(text: string) {
  return fixToFixpoint(text, findingsOf(text), findingsOf);
}

describe('property: fix-all fits the contract', function () {
  this.timeout(0);
  const runs = Math.max(20, Math.round(FUZZ_RUNS / 5));

  it('fix-all twice gives the text of fix-all once, and its edits as one set give that text', () => {
    fc.assert(
      fc.property(
        contract,
        measured('fix-all idempotent', (text: string) => {
          const once = fixAll(text);
          assert.strictEqual(applyEdits(text, once.edits), once.text, 'the composed edits give the fixed text');
          assert.strictEqual(fixAll(once.text).text, once.text, `fix-all changed its own result:\n${once.text}`);
        }),
      ),
      { numRuns: runs, seed: FUZZ_SEED },
    );
  });

  it('no round of fixes inserts a clause kind the text already has', () => {
    fc.assert(
      fc.property(
        contract,
        measured('fix-all inserts only what is missing', (text: string) => {
          let current = text;
          for (let round = 0; round < MAX_FIX_ROUNDS; round++) {
            const result = lint(current, recommended());
            const present = new Set(result.coverage.filter((c) => c.present).map((c) => c.kind));
            const edits = fixAllEdits(result.findings, current);
            if (edits.length === 0) break;
            for (const e of edits) if (e.clauseKind) assert.ok(!present.has(e.clauseKind), `inserted ${e.clauseKind} again into:\n${current}`);
            const kinds = edits.map((e) => e.clauseKind).filter((k) => k !== undefined);
            assert.strictEqual(new Set(kinds).size, kinds.length, `one insertion per kind: ${kinds.join(', ')}`);
            current = applyEdits(current, edits);
          }
        }),
      ),
      { numRuns: runs, seed: FUZZ_SEED },
    );
  });
});
