import * as assert from 'assert';
import { normalise } from '../../server/src/document/normalise';
import { compilePhrase, Scanner } from '../../server/src/engine/match/scanner';

function hits(scanner: Scanner, text: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [id, spans] of scanner.scan(normalise(text, { markdown: true }))) out[id] = spans.map((s) => text.slice(s.start, s.end));
  return out;
}

describe('scanner', () => {
  it('matches phrases on word boundaries only', () => {
    const s = new Scanner([{ id: 'grant', phrases: ['any lawful purpose'], patterns: [] }]);
    assert.deepStrictEqual(hits(s, 'for any lawful purposes; for many lawful purpose; for any lawful purpose.'), { grant: ['any lawful purpose'] });
  });

  it('lets a hyphen in a phrase match a hyphen, a space or nothing', () => {
    const s = new Scanner([{ id: 'x', phrases: ['high-risk'], patterns: [] }]);
    assert.deepStrictEqual(hits(s, 'high-risk, high risk, highrisk, high\u2011risk'), { x: ['high-risk', 'high risk', 'highrisk', 'high\u2011risk'] });
  });

  it('finds a hyphenated phrase typed without its hyphen where another set matches the same word', () => {
    const s = new Scanner([
      { id: 'glued', phrases: ['highrisk'], patterns: [] },
      { id: 'hyphenated', phrases: ['high-risk use'], patterns: [] },
    ]);
    assert.deepStrictEqual(hits(s, 'a highrisk use'), { glued: ['highrisk'], hyphenated: ['highrisk use'] });
  });

  it('supports * for any one word', () => {
    assert.strictEqual(compilePhrase('use * for').source, "use [a-z0-9'-]{1,40} for");
    assert.deepStrictEqual(compilePhrase('high-risk use').firstWords, ['high', 'highrisk'], 'the hyphen may be typed or left out');
    assert.deepStrictEqual(compilePhrase('a.i. systems').firstWords, ['a']);
    assert.strictEqual(compilePhrase('* shall not').firstWords, undefined);
    const s = new Scanner([{ id: 'x', phrases: ['shall not * use'], patterns: [] }]);
    assert.deepStrictEqual(hits(s, 'shall not ever use; shall not use'), { x: ['shall not ever use'] });
  });

  it('finds overlapping hits of different sets, including ones that start together', () => {
    const s = new Scanner([
      { id: 'broad', phrases: ['any lawful purpose'], patterns: [] },
      { id: 'whatsoever', phrases: ['any lawful purpose whatsoever'], patterns: [] },
      { id: 'lawful', phrases: ['lawful purpose'], patterns: [] },
    ]);
    assert.deepStrictEqual(hits(s, 'for any lawful purpose whatsoever'), {
      broad: ['any lawful purpose'],
      whatsoever: ['any lawful purpose whatsoever'],
      lawful: ['lawful purpose'],
    });
    assert.strictEqual(s.scanCount, 1, 'one combined scan; same-start sets are tried at each match');
  });

  it('reports a hit once per set even when alternatives overlap', () => {
    const s = new Scanner([{ id: 'x', phrases: ['any lawful purpose', 'lawful purpose'], patterns: [] }]);
    assert.deepStrictEqual(hits(s, 'for any lawful purpose.'), { x: ['any lawful purpose'] });
  });

  it('drops hits that overlap an exception (look-alikes)', () => {
    const s = new Scanner([{ id: 'x', phrases: ['for any purpose'], patterns: [], except: { phrases: ['for any purpose other than'], patterns: ['not (?:[a-z]{1,20} ){0,4}for any purpose'] } }]);
    assert.deepStrictEqual(hits(s, 'May use it for any purpose. Not for any purpose other than X. Shall not use it for any purpose.'), { x: ['for any purpose'] });
  });

  it('finds a phrase typed with curly quotes, emphasis and a line break', () => {
    const s = new Scanner([{ id: 'x', phrases: ["the customer's \"permitted use\""], patterns: [] }]);
    assert.deepStrictEqual(hits(s, 'The Customer\u2019s **\u201cPermitted\nUse\u201d**'), { x: ['The Customer\u2019s **\u201cPermitted\nUse\u201d'] });
  });

  it('reports each invalid phrase or pattern with its set, field and column, and keeps the rest', () => {
    const s = new Scanner([{ id: 'bad', phrases: ['ok phrase', '   '], patterns: ['fine', '(a+)+b'] }]);
    assert.deepStrictEqual(s.errors.map((e) => `${e.setId}.${e.field}[${e.index}]@${e.column}`), ['bad.phrases[1]@0', 'bad.patterns[1]@2']);
    assert.deepStrictEqual(hits(s, 'an ok phrase is fine'), { bad: ['fine', 'ok phrase'].sort((a, b) => 'an ok phrase is fine'.indexOf(a) - 'an ok phrase is fine'.indexOf(b)) });
  });
});
