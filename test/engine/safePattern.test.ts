import * as assert from 'assert';
import { compilePattern, PatternError } from '../../server/src/engine/match/safePattern';
import { CATASTROPHIC_PATTERNS } from '../fixtures/catastrophicPatterns';

function rejection(pattern: string): { message: string; column: number } | undefined {
  try {
    compilePattern(pattern);
    return undefined;
  } catch (err) {
    assert.ok(err instanceof PatternError, `expected a PatternError for ${pattern}`);
    return { message: err.message, column: err.column };
  }
}

describe('pack pattern language (linear time by construction)', () => {
  it(`rejects all ${CATASTROPHIC_PATTERNS.length} catastrophic patterns of the catalogue`, () => {
    for (const p of CATASTROPHIC_PATTERNS) assert.ok(rejection(p), `accepted: ${p}`);
  });

  it('accepts bounded word patterns and lower-cases their literals', () => {
    const p = compilePattern('Any (?:lawful|legal) (?:[a-z-]{1,20} ){0,3}Purpose');
    assert.strictEqual(p.source, 'any (?:lawful|legal) (?:[a-z-]{1,20} ){0,3}purpose');
    assert.deepStrictEqual(p.firstWords, ['any']);
  });

  it('knows the first words of a leading alternation, and not of a top-level one', () => {
    assert.deepStrictEqual(compilePattern('(?:mass|bulk) surveillance').firstWords, ['mass', 'bulk']);
    assert.strictEqual(compilePattern('mass surveillance|bulk collection').firstWords, undefined);
  });

  it('knows first words that a hyphen, slash, plural s or multi-word member ends, and nothing it cannot be sure of', () => {
    assert.deepStrictEqual(compilePattern('(?:any|all|any and all) lawful use').firstWords, ['any', 'all']);
    assert.deepStrictEqual(compilePattern('requires? (?:the )?approval').firstWords, ['require', 'requires']);
    assert.deepStrictEqual(compilePattern('high-(?:risk|impact) use').firstWords, ['high']);
    assert.deepStrictEqual(compilePattern('ai(?:-| )(?:enabled|powered)').firstWords, ['ai']);
    assert.deepStrictEqual(compilePattern('(?:ai|ai/ml) tools').firstWords, ['ai']);
    assert.deepStrictEqual(compilePattern('lawful').firstWords, ['lawful']);
    assert.strictEqual(compilePattern('(?:any|all)? lawful use').firstWords, undefined, 'an optional group can be skipped');
    assert.strictEqual(compilePattern('(?:use|uses?) of').firstWords, undefined);
    assert.strictEqual(compilePattern('x\\d use').firstWords, undefined, 'a digit class may continue the word');
    assert.strictEqual(compilePattern('use[a-z]{0,3} of').firstWords, undefined);
  });

  it('says where and why a pattern is rejected', () => {
    assert.deepStrictEqual(rejection('any (lawful)+ use'), { message: "unbounded quantifier '+' is not allowed: use a bounded one such as {1,20} (patterns must run in linear time)", column: 12 });
    assert.strictEqual(rejection('ab(c')?.message, "unclosed group: missing ')'");
    assert.strictEqual(rejection('ab(c')?.column, 2);
    assert.match(rejection('x(?=y)')!.message, /lookahead is not allowed/);
    assert.match(rejection('(a)\\1')!.message, /backreferences are not allowed/);
    assert.match(rejection('^any')!.message, /anchor/);
    assert.match(rejection('(a|b){0,20}')!.message, /more than 1000 ways/);
  });

  it('rejects empty and over-long patterns', () => {
    assert.ok(rejection(''));
    assert.ok(rejection('a'.repeat(501)));
  });

  it('runs accepted patterns in time linear in the text', () => {
    // A pathological text for the accepted pattern: long runs that almost match.
    const p = compilePattern('(?:[a-z]{1,20} ){0,8}purpose');
    const re = new RegExp(p.source, 'g');
    const text = 'word '.repeat(200_000);
    const start = process.hrtime.bigint();
    assert.strictEqual(text.match(re), null);
    // Not a timing assertion: the count of steps is bounded; this only guards against a hang.
    assert.ok(process.hrtime.bigint() - start < 10_000_000_000n);
  });
});
