import * as assert from 'assert';
import { boundedHoverText, clip, MAX_HOVER_CHARS, oneLineWhy, visibleLength } from '../../server/src/lsp/hover';

describe('LSP: hover text stays short', () => {
  it('keeps the why to the first sentence of the docs', () => {
    const docs = 'Flags a grant of use for any purpose. Such a grant collides with the carve-outs.\n\n## Fires on\n\n> any lawful use';
    assert.strictEqual(oneLineWhy(docs), 'Flags a grant of use for any purpose.');
  });

  it('cuts a long first sentence at a word, with an ellipsis', () => {
    const why = oneLineWhy(`Flags ${'very '.repeat(60)}broad wording.`);
    assert.ok(why.length <= 160, `${why.length}`);
    assert.match(why, /very…$/);
  });

  it('shows every finding when they fit', () => {
    const text = boundedHoverText(['first finding', 'second finding'], true);
    assert.match(text, /first finding/);
    assert.match(text, /second finding/);
    assert.doesNotMatch(text, /more ClauseLint/);
  });

  it('stays under the limit whatever the number of findings, and counts the rest', () => {
    const parts = Array.from({ length: 12 }, (_, i) => `**warning** \`pack/rule-${i}\`: ${'a long message '.repeat(12)}`);
    const text = boundedHoverText(parts, true);
    assert.ok(visibleLength(text) <= MAX_HOVER_CHARS, `${visibleLength(text)} characters`);
    const shown = parts.filter((_, i) => text.includes(`pack/rule-${i}\``)).length;
    assert.ok(shown >= 1 && shown < 12);
    assert.match(text, new RegExp(`\\+${12 - shown} more ClauseLint findings here`));
  });

  it('counts what a reader sees: link targets are not text', () => {
    assert.strictEqual(visibleLength('**a** `b` [Rule docs](command:x?%5B%22a%22%5D)'), 'a b Rule docs'.length);
  });

  it('clips a single finding longer than the limit', () => {
    const text = boundedHoverText(['x '.repeat(2000)], false);
    assert.ok(text.length <= MAX_HOVER_CHARS, `${text.length} characters`);
    assert.strictEqual(clip('short', 10), 'short');
  });
});
