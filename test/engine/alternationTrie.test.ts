import * as assert from 'assert';
import { literalPrefix, mergedAlternation } from '../../server/src/engine/match/alternationTrie';

/** Every position where some source matches (as a flat alternation would find them). */
function flatStarts(sources: string[], text: string): number[] {
  const re = new RegExp(`(?<![a-z0-9])(?:${sources.join('|')})(?![a-z0-9])`, 'g');
  return starts(re, text);
}

function starts(re: RegExp, text: string): number[] {
  const out: number[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    out.push(m.index);
    re.lastIndex = m.index + 1;
  }
  return out;
}

describe('merged alternation (prefix tree of a scan)', () => {
  it('splits a source into its plain prefix and the rest, never taking a quantified character', () => {
    assert.deepStrictEqual(literalPrefix('any lawful purposes?'), { prefix: 'any lawful purpose', rest: 's?' });
    assert.deepStrictEqual(literalPrefix('for (?:any|all) use'), { prefix: 'for ', rest: '(?:any|all) use' });
    assert.deepStrictEqual(literalPrefix('high[- ]?risk'), { prefix: 'high', rest: '[- ]?risk' });
    assert.deepStrictEqual(literalPrefix('a|b'), { prefix: '', rest: '(?:a|b)' }, 'a top-level | makes two alternatives');
    assert.deepStrictEqual(literalPrefix('[a|b]c'), { prefix: '', rest: '[a|b]c' }, 'a | in a class is a character');
  });

  it('writes shared prefixes once', () => {
    const source = mergedAlternation(['any lawful purpose', 'any lawful use', 'any purpose']);
    assert.strictEqual(source, '(?<![a-z0-9])(?:any (?:lawful (?:purpose|use)|purpose))(?![a-z0-9])');
  });

  it('matches at exactly the positions the flat alternation matches', () => {
    const sources = [
      'any lawful purpose',
      'any lawful purposes?',
      'any',
      'any and all (?:lawful|legal) (?:use|uses)',
      'high[- ]?risk',
      'without (?:any )?restriction',
      'without',
      "[a-z0-9'-]{1,40} shall not",
      '(?:mass|bulk) surveillance|surveil',
      'free to use',
      'free',
      'c\\.i\\.a\\.',
    ];
    const text =
      'you may use it for any lawful purpose; any lawful purposes, anyway, any and all legal uses. high-risk, highrisk and high risk ' +
      'uses without any restriction, without restriction, without. the vendor shall not, mass surveillance, surveil, freely, free to use, ' +
      'free. the c.i.a. and xany lawful purpose';
    const merged = new RegExp(mergedAlternation(sources), 'g');
    assert.deepStrictEqual(starts(merged, text), flatStarts(sources, text));
  });
});
