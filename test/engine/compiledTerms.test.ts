import * as assert from 'assert';
import { exportCompiledTerms, patternOnce, phraseOnce, seedCompiledTerms } from '../../server/src/engine/match/compiledTerms';
import { Scanner } from '../../server/src/engine/match/scanner';
import { normalise } from '../../server/src/document/normalise';

describe('compiled terms kept by their text (what a CLI start reads instead of compiling)', () => {
  it('compiles a phrase or pattern once, and still refuses a bad one every time', () => {
    assert.strictEqual(phraseOnce('any lawful purpose'), phraseOnce('any lawful purpose'));
    assert.strictEqual(patternOnce('for (?:any|all) purposes?'), patternOnce('for (?:any|all) purposes?'));
    assert.throws(() => patternOnce('any (lawful)+ use'), /unbounded/);
    assert.throws(() => patternOnce('any (lawful)+ use'), /unbounded/);
  });

  it('takes a file this compiler would make, and a scanner seeded from it finds what a fresh one finds', () => {
    const specs = [{ id: 'grant', phrases: ['as it sees fit', 'any lawful purpose'], patterns: ['for (?:any|all) (?:lawful )?purposes?'] }];
    const fresh = new Scanner(specs);
    const file = JSON.parse(JSON.stringify(exportCompiledTerms()));
    assert.strictEqual(seedCompiledTerms(file), true);
    const seeded = new Scanner(specs);
    const text = normalise('The Provider may use it for any lawful purpose, as it sees fit, for all purposes.', { markdown: false });
    assert.deepStrictEqual([...seeded.scan(text)], [...fresh.scan(text)]);
  });

  it('ignores a file another compiler made or that was damaged', () => {
    phraseOnce('for whatever ends');
    const file = JSON.parse(JSON.stringify(exportCompiledTerms()));
    file.phrases[0][1].source += '|x';
    assert.strictEqual(seedCompiledTerms(file), false, 'a changed entry in the sample');
    new Scanner([{ id: 'open', phrases: ['as it sees fit', 'as it deems fit'], patterns: ['for (?:any|all) purposes?'] }]);
    const merged = JSON.parse(JSON.stringify(exportCompiledTerms()));
    assert.ok(merged.merged.length > 0 && merged.mergedProbe, 'the file has merged scans and their probe');
    merged.mergedProbe[1] = merged.mergedProbe[1].replace('(?:', '(?:x|');
    assert.strictEqual(seedCompiledTerms(merged), false, 'merged scans a changed prefix-tree builder made');
    delete merged.mergedProbe;
    assert.strictEqual(seedCompiledTerms(merged), false, 'merged scans without their probe');
    assert.strictEqual(seedCompiledTerms({ phrases: 'no' }), false);
    assert.strictEqual(seedCompiledTerms(null), false);
  });
});
