import * as assert from 'assert';
import { parseLabels } from '../../scripts/lib/labels';

const q = (s: string) => `"${s.replace(/"/g, '""')}"`;

describe('scripts/lib/labels', () => {
  const csv = [
    'txt_file,Audit Rights-Answer,License Grant-Answer,Audit Rights-Context,License Grant-Context',
    `alpha.txt,Yes,No,${q(`["Supplier's books shall be open", 'to inspection, on notice']`)},[]`,
    `beta.txt,No,yes,[],${q(`['Acme grants a licence\\nto use the Marks']`)}`,
    'gamma.txt,No,No,not a list,[]',
  ].join('\n');

  it('finds the categories from the answer columns', () => {
    assert.deepStrictEqual(parseLabels(csv).categories, ['Audit Rights', 'License Grant']);
  });

  it('reads answers (case-insensitive Yes) and excerpt lists', () => {
    const { contracts } = parseLabels(csv);
    assert.strictEqual(contracts[0].file, 'alpha.txt');
    assert.strictEqual(contracts[0].yes.get('Audit Rights'), true);
    assert.strictEqual(contracts[1].yes.get('License Grant'), true);
    assert.deepStrictEqual(contracts[0].excerpts.get('Audit Rights'), ["Supplier's books shall be open", 'to inspection, on notice']);
    assert.deepStrictEqual(contracts[1].excerpts.get('License Grant'), ['Acme grants a licence\nto use the Marks']);
  });

  it('reports an unreadable context cell without failing', () => {
    const { contracts, problems } = parseLabels(csv);
    assert.deepStrictEqual(contracts[2].excerpts.get('Audit Rights'), []);
    assert.strictEqual(problems.length, 1);
    assert.match(problems[0], /gamma\.txt, Audit Rights-Context/);
  });

  it('insists on the file column', () => {
    assert.throws(() => parseLabels('name,X-Answer\na,Yes\n'), /txt_file/);
  });
});
