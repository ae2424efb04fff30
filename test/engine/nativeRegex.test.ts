/** Regexes compiled to machine code ahead (engine/match/nativeRegex.ts) match exactly as before, from a fresh position. */
import * as assert from 'assert';
import { compiledNatively } from '../../server/src/engine/match/nativeRegex';

describe('regexes compiled ahead', () => {
  it('are the same objects, at position 0, matching as they would have', () => {
    const global = /\bany (?:lawful )?purpose\b/g;
    assert.strictEqual(compiledNatively(global), global);
    assert.strictEqual(global.lastIndex, 0);
    assert.deepStrictEqual('for any purpose and any lawful purpose'.match(global), ['any purpose', 'any lawful purpose']);
    const sticky = compiledNatively(/any purpose/y);
    sticky.lastIndex = 4;
    assert.strictEqual(sticky.exec('for any purpose')?.[0], 'any purpose');
    // A regex that matches blanks is left at 0 too: the blank run is only a compile.
    const blanks = compiledNatively(/\s+/g);
    assert.strictEqual(blanks.lastIndex, 0);
    assert.strictEqual(blanks.exec('a b')?.index, 1);
  });
});
