import * as assert from 'assert';
import { normalise, toOriginalRange } from '../../server/src/document/normalise';

function find(source: string, phrase: string, markdown = false): string | undefined {
  const norm = normalise(source, { markdown });
  const i = norm.text.indexOf(phrase);
  if (i < 0) return undefined;
  const r = toOriginalRange(norm, i, i + phrase.length);
  return source.slice(r.start, r.end);
}

describe('normalisation', () => {
  it('folds case, curly quotes and dashes', () => {
    const norm = normalise('The \u201cPermitted Use\u201d \u2014 ANY Lawful Use', { markdown: false });
    assert.strictEqual(norm.text, 'the "permitted use" - any lawful use');
  });

  it('finds a phrase across a line break, a non-breaking space and a tab', () => {
    assert.strictEqual(find('for any\nlawful purpose', 'any lawful purpose'), 'any\nlawful purpose');
    assert.strictEqual(find('for any\u00a0lawful\tpurpose', 'any lawful purpose'), 'any\u00a0lawful\tpurpose');
    assert.strictEqual(find('for any\r\n   lawful purpose', 'any lawful purpose'), 'any\r\n   lawful purpose');
  });

  it('joins a word hyphenated across a line break', () => {
    assert.strictEqual(find('any law-\nful purpose', 'any lawful purpose'), 'any law-\nful purpose');
  });

  it('keeps real hyphens inside a line', () => {
    assert.strictEqual(normalise('non-exclusive', { markdown: false }).text, 'non-exclusive');
  });

  it('turns a blank line into a paragraph break that phrases do not cross', () => {
    const norm = normalise('any lawful\n\npurpose', { markdown: false });
    assert.strictEqual(norm.text, 'any lawful\npurpose');
  });

  it('drops Markdown emphasis, inline HTML tags and comments', () => {
    assert.strictEqual(find('for **any** _lawful_ `purpose`', 'any lawful purpose', true), 'any** _lawful_ `purpose');
    assert.strictEqual(find('<span class="x">Provider</span> may freely use', 'provider may freely use', true), 'Provider</span> may freely use');
    assert.strictEqual(normalise('any <!-- note --> lawful use', { markdown: true }).text, 'any lawful use');
  });

  it('leaves Markdown characters alone in plain text', () => {
    assert.strictEqual(normalise('a*b_c', { markdown: false }).text, 'a*b_c');
  });

  it('drops zero-width characters and soft hyphens', () => {
    assert.strictEqual(normalise('law\u00adful\u200b use', { markdown: false }).text, 'lawful use');
  });

  it('maps every normalised character to an original offset, with the text length last', () => {
    const source = '  Any  \u201cLawful\u201d\r\nUse \ud83d\ude00 end  ';
    const norm = normalise(source, { markdown: false });
    assert.strictEqual(norm.map.length, norm.text.length);
    assert.strictEqual(norm.map.original(norm.text.length), source.length);
    for (let i = 0; i < norm.text.length; i++) {
      assert.ok(norm.map.original(i) >= 0 && norm.map.original(i) < source.length);
      if (i > 0) assert.ok(norm.map.original(i) > norm.map.original(i - 1), 'offsets increase');
    }
  });

  it('finds the first normalised character at or after an original offset, across dropped and collapsed characters', () => {
    const source = 'a  **b**\u00adc <!-- x --> d';
    const norm = normalise(source, { markdown: true });
    assert.strictEqual(norm.text, 'a bc d');
    for (let offset = 0; offset <= source.length + 1; offset++) {
      let expected = 0;
      while (expected < norm.text.length && norm.map.original(expected) < offset) expected++;
      assert.strictEqual(norm.map.firstAtOrAfter(offset), expected, `offset ${offset}`);
    }
  });

  it('makes a one-byte string when every folded character is Latin-1, and keeps wider ones', () => {
    assert.strictEqual(normalise('Caf\u00e9 \u201cUse\u201d', { markdown: false }).text, 'caf\u00e9 "use"');
    assert.strictEqual(normalise('\u20ac5 \u4e2d', { markdown: false }).text, '\u20ac5 \u4e2d');
  });

  it('keeps astral characters as two code units so offsets stay UTF-16', () => {
    const norm = normalise('\ud83d\ude00 any lawful use', { markdown: false });
    assert.strictEqual(norm.text.indexOf('any'), 3);
    assert.strictEqual(norm.map.original(3), 3);
  });

  it('handles empty and whitespace-only input', () => {
    assert.strictEqual(normalise('', { markdown: false }).text, '');
    assert.strictEqual(normalise(' \n\r\n\t', { markdown: true }).text, '');
  });
  it('normalises a part of a text in place exactly as the same part cut out, offsets relative to its start', () => {
    const text = 'Intro.\n\n**1. Use.** The  Provider may use\r\nthe Data for any law-\nful purpose <!-- note\n\n-->\u201cas it sees fit\u201d <b>x</b>, <!-- open\n\nend \u00ad\u200bDONE\u2014';
    for (const markdown of [false, true]) {
      for (let from = 0; from <= text.length; from += 3) {
        for (const to of [from, from + 1, from + 7, from + 25, text.length]) {
          if (to > text.length) continue;
          for (const startsInComment of [false, true]) {
            const options = { markdown, startsInComment };
            const cut = normalise(text.slice(from, to), options);
            const inPlace = normalise(text, options, from, to);
            const where = `markdown ${markdown}, [${from}, ${to}), in comment ${startsInComment}`;
            assert.strictEqual(inPlace.text, cut.text, where);
            assert.strictEqual(inPlace.endsInComment, cut.endsInComment, where);
            for (let k = 0; k <= cut.text.length; k++) assert.strictEqual(inPlace.map.original(k), cut.map.original(k), `${where}: index ${k}`);
          }
        }
      }
    }
  });
});
