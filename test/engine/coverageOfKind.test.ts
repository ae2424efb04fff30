/** One kind's coverage worked out alone (what a diagnostic's "found here" locations read) is that kind's entry of the whole coverage. */
import * as assert from 'assert';
import { fixture, lint, recommended } from '../helpers';

describe("one kind's coverage", () => {
  it('equals the entry of the whole coverage for every kind, read before or after it; kinds not listed have none', () => {
    const text = fixture('contracts/escalation/change-control-complete.md');
    const compiled = recommended();
    const alone = lint(text, compiled);
    const kinds = [...compiled.ruleSet.kinds.values()];
    const first = new Map(kinds.map((k) => [k.id, alone.coverageOf(k.id)]));
    const whole = alone.coverage;
    for (const k of kinds) {
      const entry = whole.find((c) => c.kind === k.id);
      if (k.coverage === false) {
        assert.strictEqual(first.get(k.id), undefined, k.id);
        continue;
      }
      assert.deepStrictEqual({ present: first.get(k.id)?.present, locations: first.get(k.id)?.locations }, { present: entry?.present, locations: entry?.locations }, k.id);
      assert.strictEqual(alone.coverageOf(k.id), entry, `${k.id} after the whole coverage was read`);
    }
    assert.strictEqual(alone.coverageOf('no-such-kind'), undefined);
    assert.ok(whole.find((c) => c.kind === 'audit-trigger')?.present, 'the fixture has a complete escalation path');
  });
});
