import * as assert from 'assert';
import { parsePythonStringList, PythonListError } from '../../scripts/lib/pythonStringList';

describe('scripts/lib/pythonStringList', () => {
  it('reads empty lists and blank cells', () => {
    assert.deepStrictEqual(parsePythonStringList('[]'), []);
    assert.deepStrictEqual(parsePythonStringList('  '), []);
  });

  it('reads both quote styles, with commas and brackets inside strings', () => {
    assert.deepStrictEqual(parsePythonStringList(`['a, b]', "c's [d]"]`), ['a, b]', "c's [d]"]);
  });

  it('decodes escapes', () => {
    assert.deepStrictEqual(parsePythonStringList(String.raw`['it\'s', "say \"hi\"", 'line\none', 'tab\there', 'back\\slash', '\x41\u00e9']`), [
      "it's",
      'say "hi"',
      'line\none',
      'tab\there',
      'back\\slash',
      'A\u00e9',
    ]);
  });

  it('keeps unknown escapes as written, as Python does', () => {
    assert.deepStrictEqual(parsePythonStringList(String.raw`['a\db']`), ['a\\db']);
  });

  it('allows whitespace, line breaks and a trailing comma between items', () => {
    assert.deepStrictEqual(parsePythonStringList("[\n 'one' ,\n 'two',\n]"), ['one', 'two']);
  });

  it('rejects malformed lists with a position', () => {
    for (const bad of ["'no list'", "['open", "['a' 'b']", "['a'] extra", '[1, 2]', String.raw`['\x4']`]) {
      assert.throws(() => parsePythonStringList(bad), PythonListError, bad);
    }
  });
});
