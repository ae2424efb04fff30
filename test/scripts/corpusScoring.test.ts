import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { LineIndex } from '../../server/src/document/lineIndex';
import { Finding } from '../../server/src/engine/types';
import { key, LabelledContract, predictedKeys, readLabelledCorpus, scoreCorpus } from '../../scripts/lib/eval/aiCorpus';
import { grantCandidates, sentenceHash, splitSentences } from '../../scripts/lib/eval/grantSentences';
import { parseSentenceLabels, scoreSentences } from '../../scripts/lib/eval/sentenceLevel';
import { writeTree } from '../helpers';

function finding(ruleId: string, start: number, clauseKind?: string): Finding {
  return { ruleId, severity: 'warning', message: '', span: { start, end: start + 1 }, clauseKind, related: [], fixes: [] };
}

function contract(name: string, expect: { rule: string; line: number }[]): LabelledContract {
  return { name, contractPath: `${name}.md`, title: name, class: 'ai', expect: expect.map((e) => ({ ...e, why: '' })) };
}

describe('scripts/lib/eval/aiCorpus', () => {
  it('reads label files with their contracts and reports what is wrong with the rest', () => {
    const dir = writeTree({
      'contracts/a.md': 'A',
      'contracts/b.txt': 'B',
      'labels/a.yaml': 'title: A\nclass: ai\nexpect:\n  - { rule: recommended/broad-use-grant, line: 3, why: x }\n',
      'labels/b.yaml': 'title: B\nclass: ordinary\nexpect: []\n',
      'labels/c.yaml': 'title: C\nclass: ai\n',
      'labels/d.yaml': 'class: weird\n',
    });
    fs.writeFileSync(path.join(dir, 'contracts', 'd.md'), 'D');
    const { contracts, problems } = readLabelledCorpus(path.join(dir, 'labels'), path.join(dir, 'contracts'));
    assert.deepStrictEqual(contracts.map((c) => [c.name, c.class, c.expect.map((e) => key(e.rule, e.line))]), [
      ['a', 'ai', ['broad-use-grant@3']],
      ['b', 'ordinary', []],
    ]);
    assert.deepStrictEqual(problems, ['c.yaml: no contract c.md or c.txt', 'd.yaml: class must be one of ai, software-data, ordinary']);
  });

  it('keys findings of the recommended pack by rule name and 1-based line, and ignores other packs', () => {
    const lines = new LineIndex('one\ntwo\nthree');
    const keys = predictedKeys([finding('recommended/broad-use-grant', 5), finding('defense-ai/red-team-duty', 0), finding('recommended/broad-use-grant', 6)], lines);
    assert.deepStrictEqual([...keys], ['broad-use-grant@2']);
  });

  it('scores findings by (rule, line) and contracts by whether each rule fires at all', () => {
    const results = [
      { contract: contract('a', [{ rule: 'g', line: 3 }, { rule: 'g', line: 9 }, { rule: 't', line: 3 }]), predicted: new Set(['g@3', 't@4']) },
      { contract: contract('b', []), predicted: new Set(['g@1']) },
      { contract: contract('c', [{ rule: 't', line: 1 }]), predicted: new Set<string>() },
      { contract: contract('d', []), predicted: new Set<string>() },
    ];
    const score = scoreCorpus(results, ['g', 't']);
    const g = score.rules.find((r) => r.rule === 'g')!;
    const t = score.rules.find((r) => r.rule === 't')!;
    assert.deepStrictEqual(g.findings, { tp: 1, fp: 1, fn: 1, tn: 0 });
    assert.deepStrictEqual(g.documents, { tp: 1, fp: 1, fn: 0, tn: 2 });
    assert.deepStrictEqual(t.findings, { tp: 0, fp: 1, fn: 2, tn: 0 });
    assert.deepStrictEqual([score.shouldFire, score.fired, score.exact, score.total], [2, 1, 1, 4]);
    assert.deepStrictEqual(score.errors.find((e) => e.name === 'a'), { name: 'a', missed: ['g@9', 't@3'], unexpected: ['t@4'] });
  });
});

describe('scripts/lib/eval/grantSentences and sentenceLevel', () => {
  const text = 'Licensee may use the Data for any purpose. Payment is due in U.S. dollars.\n\nNo. 5 applies; The Recipient shall keep it confidential.';

  it('splits at sentence ends and blank lines, not after abbreviations', () => {
    assert.deepStrictEqual(
      splitSentences(text).map((s) => text.slice(s.start, s.end)),
      ['Licensee may use the Data for any purpose.', 'Payment is due in U.S. dollars.', 'No. 5 applies;', 'The Recipient shall keep it confidential.'],
    );
  });

  it('picks the sentences with breadth words as candidates', () => {
    assert.deepStrictEqual(grantCandidates('a.txt', text).map((c) => text.slice(c.start, c.end)), ['Licensee may use the Data for any purpose.']);
  });

  it('scores a labelled sentence by the broad-grant findings that start inside it, and leaves out stale labels', () => {
    const first = splitSentences(text)[0];
    const second = splitSentences(text)[1];
    const csv = [
      'file,start,end,hash,label,note',
      `a.txt,${first.start},${first.end},${sentenceHash(text.slice(first.start, first.end))},yes,grant`,
      `a.txt,${second.start},${second.end},${sentenceHash(text.slice(second.start, second.end))},no,payment`,
      `a.txt,${second.start},${second.end},0000000000,yes,changed since labelled`,
      'gone.txt,0,5,0000000000,no,missing',
    ].join('\n');
    const labels = parseSentenceLabels(csv);
    const files = new Map([['a.txt', { text, findings: [finding('recommended/broad-use-grant', text.indexOf('for any'), 'broad-grant'), finding('x/other', second.start, 'audit-rights')] }]]);
    const score = scoreSentences(labels, files);
    assert.deepStrictEqual(score.confusion, { tp: 1, fp: 0, fn: 0, tn: 1 });
    assert.strictEqual(score.stale.length, 1);
    assert.deepStrictEqual(score.missingFiles, ['gone.txt']);
  });

  it('rejects a label that is neither yes nor no, naming the row', () => {
    assert.throws(() => parseSentenceLabels('file,start,end,hash,label,note\na.txt,0,5,h,maybe,'), /row 2: label must be yes or no/);
  });
});

describe('the bundled labelled corpora', () => {
  const root = path.join(__dirname, '..', '..', '..', 'test', 'corpus');

  for (const set of ['ai-dev', 'ai-check']) {
    it(`${set}: every label file has its contract, and every expected line is a line of text in it`, function () {
      const dir = path.join(root, set);
      if (!fs.existsSync(path.join(dir, 'labels'))) this.skip();
      const { contracts, problems } = readLabelledCorpus(path.join(dir, 'labels'), path.join(dir, 'contracts'));
      assert.deepStrictEqual(problems, []);
      for (const c of contracts) {
        const lines = fs.readFileSync(c.contractPath, 'utf8').split('\n');
        for (const e of c.expect) assert.ok(e.line <= lines.length && lines[e.line - 1].trim() !== '', `${c.name}: line ${e.line} of ${e.rule} is not a line of text`);
      }
    });
  }

  it('cuad-grants: labels parse, with both answers present', () => {
    const labels = parseSentenceLabels(fs.readFileSync(path.join(root, 'cuad-grants', 'labels.csv'), 'utf8'));
    assert.ok(labels.some((l) => l.broad) && labels.some((l) => !l.broad));
  });
});
