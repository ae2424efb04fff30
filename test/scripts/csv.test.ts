import * as assert from 'assert';
import { CsvError, parseCsv, parseCsvObjects } from '../../scripts/lib/csv';

describe('scripts/lib/csv (RFC 4180)', () => {
  it('splits plain fields and records', () => {
    assert.deepStrictEqual(parseCsv('a,b,c\n1,2,3\n'), [
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
  });

  it('keeps commas, doubled quotes and line breaks inside quoted fields', () => {
    const text = 'name,note\n"Widget, large","He said ""ship it""\nthen left"\n';
    assert.deepStrictEqual(parseCsv(text), [
      ['name', 'note'],
      ['Widget, large', 'He said "ship it"\nthen left'],
    ]);
  });

  it('accepts CRLF, a lone CR, no final line break, and a byte-order mark', () => {
    assert.deepStrictEqual(parseCsv('\ufeffa,b\r\n1,2\r3,4'), [
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('keeps a CRLF inside quotes as written', () => {
    assert.deepStrictEqual(parseCsv('"x\r\ny",z\r\n'), [['x\r\ny', 'z']]);
  });

  it('keeps empty fields, quoted or not, and skips blank lines', () => {
    assert.deepStrictEqual(parseCsv('a,,""\n\n,b,\n'), [
      ['a', '', ''],
      ['', 'b', ''],
    ]);
  });

  it('treats a quote inside an unquoted field as text', () => {
    assert.deepStrictEqual(parseCsv('5" pipe,x\n'), [['5" pipe', 'x']]);
  });

  it('holds a quoted field that is only a doubled quote, and Python-style list text', () => {
    const cell = `['it\\'s one', "two, three"]`;
    const csv = `id,ctx\n7,"${cell.replace(/"/g, '""')}"\n`;
    assert.deepStrictEqual(parseCsv(csv)[1], ['7', cell]);
    assert.deepStrictEqual(parseCsv('""""\n'), [['"']]);
  });

  it('reports an unclosed quote with the line it opened on', () => {
    assert.throws(() => parseCsv('a,b\n1,"open\nmore'), (err: unknown) => err instanceof CsvError && err.line === 2);
  });

  it('reports text after a closing quote', () => {
    assert.throws(() => parseCsv('"a"b,c\n'), CsvError);
  });

  it('keys records by the header, padding short rows', () => {
    assert.deepStrictEqual(parseCsvObjects('x,y\n1\n2,3\n'), [
      { x: '1', y: '' },
      { x: '2', y: '3' },
    ]);
    assert.deepStrictEqual(parseCsvObjects(''), []);
  });
});
