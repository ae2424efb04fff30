import * as assert from 'assert';
import { Finding } from '../../server/src/engine/types';
import { KindMapping, scoreMapping, unmatched } from '../../scripts/lib/eval/documentLevel';
import { summariseAlarms } from '../../scripts/lib/eval/falseAlarms';
import { scoreLocations } from '../../scripts/lib/eval/locationLevel';
import { ContractLabels } from '../../scripts/lib/labels';

function label(file: string, yes: boolean, excerpts: string[] = []): ContractLabels {
  return { file, yes: new Map([['Audit Rights', yes]]), excerpts: new Map([['Audit Rights', excerpts]]) };
}

describe('scripts/lib/eval/documentLevel', () => {
  const mapping: KindMapping = { kind: 'audit-rights', category: 'Audit Rights', fit: 'direct', note: '' };
  const labels = new Map([label('a.txt', true), label('b.txt', false), label('c.txt', true), label('d.txt', false), label('gone.txt', true)].map((l) => [l.file, l]));
  const predictions = [
    { name: 'a.txt', presentKinds: new Set(['audit-rights']) },
    { name: 'b.txt', presentKinds: new Set(['audit-rights', 'broad-grant']) },
    { name: 'c.txt', presentKinds: new Set<string>() },
    { name: 'd.txt', presentKinds: new Set<string>() },
    { name: 'extra.txt', presentKinds: new Set(['audit-rights']) },
  ];

  it('counts each labelled contract once and names the errors', () => {
    const score = scoreMapping(mapping, predictions, labels);
    assert.deepStrictEqual(score.confusion, { tp: 1, fp: 1, fn: 1, tn: 1 });
    assert.deepStrictEqual(score.falsePositives, ['b.txt']);
    assert.deepStrictEqual(score.falseNegatives, ['c.txt']);
  });

  it('lists contracts on one side only', () => {
    assert.deepStrictEqual(unmatched(predictions, labels), { unlabelled: ['extra.txt'], missingFiles: ['gone.txt'] });
  });
});

describe('scripts/lib/eval/locationLevel', () => {
  const text = 'Recitals. The Licensor may audit the books of the Licensee. Fees are due. The auditor shall keep findings confidential.';
  const detectedAt = (phrase: string) => ({ start: text.indexOf(phrase), end: text.indexOf(phrase) + phrase.length });

  it('counts labelled excerpts that overlap a detected location, apart from excerpts it cannot find', () => {
    const score = scoreLocations([
      {
        name: 'x.txt',
        text,
        excerpts: ['the Licensor  may audit the BOOKS', 'The auditor shall keep findings confidential.', 'not in this text'],
        detected: [detectedAt('The Licensor may audit the books of the Licensee.'), detectedAt('Fees are due.')],
      },
      { name: 'empty.txt', text: 'x', excerpts: [], detected: [{ start: 0, end: 1 }] },
    ]);
    assert.strictEqual(score.excerpts, 3);
    assert.strictEqual(score.located, 2);
    assert.strictEqual(score.hit, 1);
    assert.deepStrictEqual(score.missed.map((m) => m.excerpt), ['The auditor shall keep findings confidential.']);
    assert.deepStrictEqual(score.unlocated.map((m) => m.excerpt), ['not in this text']);
    assert.strictEqual(score.detectedLocations, 3, "detections in contracts without excerpts count too");
    assert.strictEqual(score.detectedOnGold, 1);
  });
});

describe('scripts/lib/eval/falseAlarms', () => {
  const finding = (ruleId: string, clauseKind?: string): Finding => ({ ruleId, clauseKind, severity: 'warning', message: '', span: { start: 0, end: 1 }, related: [], fixes: [] });

  it('counts findings and contracts per rule, listing rules that never fired', () => {
    const summary = summariseAlarms(
      [
        { name: 'a.txt', findings: [finding('p/grant', 'broad-grant'), finding('p/no-carve', 'carve-out:x'), finding('p/no-carve', 'carve-out:x')] },
        { name: 'b.txt', findings: [] },
        { name: 'c.txt', findings: [finding('other/rule')] },
        { name: 'd.txt', findings: [] },
      ],
      ['p/grant', 'p/no-carve', 'p/quiet'],
    );
    assert.strictEqual(summary.contractsWithFindings, 2);
    assert.strictEqual(summary.carveOutFindingsPerContract, 0.5);
    assert.deepStrictEqual(
      summary.byRule.map((r) => [r.ruleId, r.findings, r.files]),
      [
        ['p/grant', 1, ['a.txt']],
        ['p/no-carve', 2, ['a.txt']],
        ['p/quiet', 0, []],
        ['other/rule', 1, ['c.txt']],
      ],
    );
  });
});
