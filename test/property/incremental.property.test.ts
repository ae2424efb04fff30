/**
 * Incremental linting equals a full re-lint: random documents and random edit
 * sequences (insertions and deletions anywhere, including blank lines, fences,
 * comments and surrogate pairs) linted through one block cache give exactly the
 * findings and coverage of a fresh lint of the same text.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { BlockCache } from '../../server/src/document/blockCache';
import { parseDocument } from '../../server/src/document/contractDocument';
import { lintDocument } from '../../server/src/engine/lint';
import { recommended } from '../helpers';
import { FUZZ_RUNS, FUZZ_SEED, measured } from './fuzzSettings';

// Each case is a sequence of up to 12 edits, each linted twice: half as many cases.
const RUNS = Math.max(1, Math.floor(FUZZ_RUNS / 2));
const SEED = FUZZ_SEED;

const PIECES = [
  'This agreement covers artificial intelligence services and machine learning models.',
  'The Government may use the Services for any lawful purpose.',
  '"Permitted Purpose" means any lawful purpose.',
  'The Agency may use the Services for the Permitted Purpose.',
  'The Customer shall not use the Services for mass surveillance.',
  '9. Prohibited Uses', '(a) lethal autonomous weapons;', '## 3. Use', '```', '<!--', '-->',
  'Before any deployment in a high-risk use case the Agency shall pause and obtain written approval.',
  '<!-- clauselint-disable-next-line recommended/broad-use-grant -- reason: ok -->',
  '\ud83d\ude00', 'law-', 'ful', '', ' ',
];
const BREAKS = ['\n', '\n\n', '\r\n', '\r', '\n \t\n', '\r\n\r\n', ' '];

const initial = fc.array(fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom(...BREAKS)), { maxLength: 25 }).map((ps) => ps.map(([p, b]) => p + b).join(''));
const edit = fc.record({
  at: fc.nat(),
  // Small edits (a keystroke, a deleted line break) hit block boundaries most often.
  remove: fc.oneof(fc.nat({ max: 2 }), fc.nat({ max: 30 })),
  insert: fc.oneof(fc.constantFrom('x', '\n', '\r', ' ', ''), fc.constantFrom(...PIECES, ...BREAKS, 'Section 9'), fc.string({ maxLength: 5 })),
});

function apply(text: string, e: { at: number; remove: number; insert: string }): string {
  const at = e.at % (text.length + 1);
  return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
}

function comparable(text: string, path: string, cache?: BlockCache) {
  const doc = parseDocument(text, path, undefined, cache);
  const { findings, coverage } = lintDocument(doc, recommended());
  const structure = {
    lineStarts: doc.lines.lineStarts,
    blocks: doc.blocks.map((b) => ({ start: b.start, entry: b.entry, text: b.analysis.text, normalised: b.analysis.norm.text, exit: b.analysis.exit })),
    paragraphs: doc.paragraphs,
    sentences: doc.sentences,
    sections: doc.sections,
    definitions: doc.definitions,
    references: doc.references,
    suppressions: doc.suppressions,
  };
  return { structure, findings: findings.map((f) => ({ ...f, fixes: f.fixes.map((p) => p.edits) })), coverage };
}

describe(`incremental linting equals a full re-lint (${RUNS} edit sequences, seed ${SEED})`, function () {
  this.timeout(0);
  it('gives identical findings, fixes and coverage after every edit', () => {
    fc.assert(
      fc.property(initial, fc.array(edit, { minLength: 1, maxLength: 12 }), fc.constantFrom('draft.md', 'draft.txt'), measured('incremental = full re-lint', (start, edits, path) => {
        const cache = new BlockCache();
        let text = start;
        comparable(text, path, cache);
        for (const e of edits) {
          text = apply(text, e);
          assert.deepStrictEqual(comparable(text, path, cache), comparable(text, path));
        }
      })),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
  });
});
