/**
 * Property tests: random contract-like documents (Unicode, astral characters,
 * combining marks, mixed line endings, long lines, Markdown oddities) never
 * make the engine throw, every range is inside the text on UTF-16 boundaries,
 * and applying every fix then linting again silences the fixed rules without
 * touching the text outside the edits.
 *
 * `npm test` runs a fixed-seed sample; `npm run fuzz` runs CLAUSELINT_FUZZ_RUNS
 * cases (100,000 by default there) with a random seed it prints.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { applyPlans } from '../../server/src/engine/fixes/apply';
import { INTERNAL_ERROR_RULE_ID } from '../../server/src/engine/lint';
import { Finding, FixPlan } from '../../server/src/engine/types';
import { lint, recommended } from '../helpers';
import { documentPath, documentText } from './documents';
import { FUZZ_RUNS, FUZZ_SEED, measured } from './fuzzSettings';

const RUNS = FUZZ_RUNS;
const SEED = FUZZ_SEED;



function isSurrogateSplit(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

function assertSpanOk(text: string, start: number, end: number, what: string): void {
  assert.ok(Number.isInteger(start) && Number.isInteger(end), `${what}: integer offsets`);
  assert.ok(0 <= start && start <= end && end <= text.length, `${what}: [${start}, ${end}) inside 0..${text.length}`);
  assert.ok(!isSurrogateSplit(text, start) && !isSurrogateSplit(text, end), `${what}: does not split a surrogate pair`);
}

function autoFixes(findings: Finding[]): FixPlan[] {
  return findings.map((f) => f.fixes.find((p) => p.type !== 'suppress')).filter((p): p is FixPlan => !!p);
}

/** The text outside the applied edits is unchanged: check with the edits' own offsets. */
function outsideEditsUnchanged(original: string, fixed: string, plans: FixPlan[]): boolean {
  // As applyPlans does: a clause is inserted where the first plan that proposes it says.
  const seen = new Set<string>();
  const edits = plans
    .flatMap((p) => p.edits)
    .filter((e) => !e.clauseId || (!seen.has(e.clauseId) && seen.add(e.clauseId)))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  let pos = 0;
  let out = 0;
  for (const e of edits) {
    if (e.start < pos) continue;
    const keep = original.slice(pos, e.start);
    if (fixed.slice(out, out + keep.length) !== keep) return false;
    out += keep.length + e.text.length;
    pos = e.end;
  }
  return fixed.slice(out) === original.slice(pos);
}

describe(`engine properties (${RUNS} random documents, seed ${SEED})`, function () {
  this.timeout(0);
  const params = { numRuns: RUNS, seed: SEED, endOnFailure: true };

  it('never throws, and every finding, related location and edit is a valid UTF-16 range', () => {
    fc.assert(
      fc.property(documentText, documentPath, measured('engine: valid ranges', (text, path) => {
        const result = lint(text, recommended(), { path });
        for (const f of result.findings) {
          assert.notStrictEqual(f.ruleId, INTERNAL_ERROR_RULE_ID, f.message);
          assertSpanOk(text, f.span.start, f.span.end, f.ruleId);
          for (const r of f.related) assertSpanOk(text, r.span.start, r.span.end, `${f.ruleId} related`);
          for (const p of f.fixes) for (const e of p.edits) assertSpanOk(text, e.start, e.end, `${f.ruleId} fix ${p.id}`);
        }
        for (const c of result.coverage) for (const l of c.locations) assertSpanOk(text, l.start, l.end, `coverage ${c.kind}`);
      })),
      params,
    );
  });

  it('applying every fix silences the fixed rules and leaves the text outside the edits unchanged', () => {
    fc.assert(fc.property(documentText, documentPath, measured('engine: fixes in memory', fixesSilenceTheirRules)), params);
  });

  it('a clause inserted after a heading line that ends with one line break is followed by a blank line (found by the fuzzer)', () => {
    const text =
      '## 3. Use of the ServicesSubject to Section 9, the Customer may use the Platform without restriction.\r' +
      'This agreement covers artificial intelligence services and large language models.\r\n' +
      'The Provider may, at its discretion, audit the use of the Services.\r\n\r\n';
    fixesSilenceTheirRules(text, 'draft.md');
  });

  it('a carve-out inserted with its party left as a placeholder ("[The Customer] shall not") qualifies the grant (found by the fuzzer)', () => {
    const text =
      '# AI Services Agreement\rThe Government will, where practicable, give prior notice of any new use.\n\n' +
      'The Agency acknowledges that applicable law governs domestic surveillance.\n\n' +
      'The Recipient shall not use Confidential Information for any purpose other than the Project. The Government may use the Services for any lawful purpose.\r\n\r\n(ii)\r';
    fixesSilenceTheirRules(text, 'draft.txt');
  });
});

function fixesSilenceTheirRules(text: string, path: string): void {
  const { findings } = lint(text, recommended(), { path });
  const plans = autoFixes(findings);
  if (plans.length === 0) return;
  const fixedRules = new Set(findings.filter((f) => f.fixes.some((p) => p.type !== 'suppress')).map((f) => f.ruleId));
  const fixed = applyPlans(text, plans).text;
  assert.ok(outsideEditsUnchanged(text, fixed, plans), 'text outside the edits changed');
  // A broad grant whose carve-outs were inserted stays visible, qualified: at info, pointing at them.
  const qualified = (f: Finding) => f.ruleId === 'recommended/broad-use-grant' && f.severity === 'info' && f.related.length > 0;
  const again = lint(fixed, recommended(), { path }).findings.filter((f) => fixedRules.has(f.ruleId) && !qualified(f));
  assert.deepStrictEqual(again.map((f) => `${f.ruleId}: ${fixed.slice(f.span.start, f.span.end)}`), []);
}
