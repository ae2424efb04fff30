/**
 * Hostile documents: huge lines, binary bytes, pathological structure. The engine
 * finishes (no timing assertions here: `npm run bench` measures speed), reports
 * no internal error, and every range stays inside the text.
 */
import * as assert from 'assert';
import { INTERNAL_ERROR_RULE_ID } from '../../server/src/engine/lint';
import { LIMIT_RULE_ID, LIMITS } from '../../server/src/engine/limits';
import { lint, recommended } from '../helpers';

const AI = 'This agreement covers artificial intelligence services and machine learning models. ';
const GRANT = 'The Government may use the Services for any lawful purpose. ';

function check(text: string, path = 'hostile.txt') {
  const result = lint(text, recommended(), { path });
  assert.ok(!result.findings.some((f) => f.ruleId === INTERNAL_ERROR_RULE_ID));
  for (const f of result.findings) assert.ok(f.span.start >= 0 && f.span.end <= text.length);
  return result;
}

describe('hostile documents', function () {
  // Spawns processes or works hard: no wall-clock limit (a loaded machine is only slower); hung processes are killed by the helpers.
  this.timeout(0);

  it('a 1 MB single line with thousands of grants', () => {
    const text = AI + GRANT.repeat(Math.ceil(1_000_000 / GRANT.length));
    const { findings } = check(text);
    // Thousands of grants: the rule reports its first ones and one finding that says the rest were left out.
    const grants = findings.filter((f) => f.ruleId === 'recommended/broad-use-grant');
    assert.strictEqual(grants.length, LIMITS.findingsPerRule);
    assert.ok(findings.some((f) => f.ruleId === LIMIT_RULE_ID && f.message.includes('recommended/broad-use-grant')));
  });

  it('binary bytes, NUL runs and lone surrogates', () => {
    let noise = '';
    for (let i = 0; i < 200_000; i++) noise += String.fromCharCode((i * 7919) % 0xffff);
    check(AI + noise + '\u0000'.repeat(100_000) + GRANT);
  });

  it('many grants that each refer to many sections', () => {
    const sections = Array.from({ length: 2000 }, (_, i) => `${i + 1}. Clause ${i + 1}\n\nSubject to Section ${i + 2} and Section ${i + 3}, the Agency may use the Services for any lawful purpose.\n`).join('\n');
    const { findings } = check(AI + '\n\n' + sections);
    assert.ok(findings.length >= 2000);
  });

  it('200,000 list items and 10,000 nested headings', () => {
    check(AI + '\n' + '(a) item;\n'.repeat(200_000));
    check(AI + '\n' + Array.from({ length: 10_000 }, (_, i) => `${'#'.repeat((i % 6) + 1)} ${i}. Heading`).join('\n'), 'hostile.md');
  });

  it('a document that is one giant Markdown comment, or one giant unclosed emphasis', () => {
    check(`${AI}\n<!-- ${GRANT.repeat(10_000)}`, 'hostile.md');
    check(`${AI}\n${'**'.repeat(200_000)}${GRANT}`, 'hostile.md');
  });
});
