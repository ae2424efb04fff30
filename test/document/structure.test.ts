import * as assert from 'assert';
import { parseDocument, sectionAt } from '../../server/src/document/contractDocument';
import { resolveReference } from '../../server/src/document/references';

const PLAIN = [
  'MASTER SERVICES AGREEMENT',
  '',
  'ARTICLE I',
  'DEFINITIONS',
  '',
  '1.1 "Services" means the hosted services. The Services include updates.',
  '',
  '1.2 "Permitted Purpose" means the analysis of shipping data.',
  '',
  'ARTICLE II',
  '',
  'Section 2.1 Use. The Customer may use the Services, subject to Section 7.',
  '',
  '(a) for its own internal business purposes; and',
  '',
  '(b) as set forth in Section 4.2(a).',
  '',
  '7. Prohibited Uses',
  '',
  'The Customer shall not use the Services for mass surveillance. No. 5 of the U.S. Code applies.',
].join('\n');

describe('document structure', () => {
  const doc = parseDocument(PLAIN, 'msa.txt');

  it('finds numbered sections, articles and lettered items with their ranks', () => {
    const labels = doc.sections.map((s) => `${s.family}:${s.label}:${s.rank}`);
    assert.deepStrictEqual(labels, ['article:I:0', 'section:1.1:2', 'section:1.2:2', 'article:II:0', 'section:2.1:2', 'section:(a):3', 'section:(b):3', 'section:7:1']);
  });

  it('reads run-in and whole-line titles', () => {
    const titles = Object.fromEntries(doc.sections.map((s) => [s.label, s.title]));
    assert.strictEqual(titles['2.1'], 'Use');
    assert.strictEqual(titles['7'], 'Prohibited Uses');
    assert.strictEqual(titles['1.1'], '', 'a definition sentence is not a title');
  });

  it('nests lettered items under their section and ends a section at the next of equal rank', () => {
    const a = doc.sections.find((s) => s.label === '(a)')!;
    assert.strictEqual(doc.sections[a.parent].label, '2.1');
    assert.strictEqual(a.path, '2.1(a)');
    const s21 = doc.sections.find((s) => s.label === '2.1')!;
    const s7 = doc.sections.find((s) => s.label === '7')!;
    assert.ok(s21.end <= s7.start);
  });

  it('finds the innermost section at an offset', () => {
    const offset = PLAIN.indexOf('internal business');
    assert.strictEqual(sectionAt(doc, offset)?.label, '(a)');
    assert.strictEqual(sectionAt(doc, 0), undefined);
  });

  it('splits sentences but not after abbreviations or section numbers', () => {
    const texts = doc.sentences.map((s) => PLAIN.slice(s.start, s.end));
    assert.ok(texts.includes('1.1 "Services" means the hosted services.'));
    assert.ok(texts.includes('The Services include updates.'));
    assert.ok(texts.includes('No. 5 of the U.S. Code applies.'));
  });

  it('finds defined terms with their definitions', () => {
    const defs = Object.fromEntries(doc.definitions.map((d) => [d.term, PLAIN.slice(d.body.start, d.body.end).trim()]));
    assert.strictEqual(defs['Permitted Purpose'], 'the analysis of shipping data.');
    assert.ok(defs['Services'].startsWith('the hosted services.'));
  });

  it('finds cross-references and resolves them to sections', () => {
    const refs = doc.references.map((r) => r.targets.join('+'));
    assert.deepStrictEqual(refs, ['7', '4.2(a)']);
    const seven = resolveReference(doc.references[0], doc.sections);
    assert.strictEqual(seven[0].title, 'Prohibited Uses');
  });
});

describe('Markdown structure', () => {
  const MD = [
    '# Cloud Agreement',
    '',
    '## 1. Definitions',
    '',
    '**"Permitted Use"** means any lawful use (the **"Broad Use"**).',
    '',
    '## 2. Use',
    '',
    '- The Customer may use the Services.',
    '- The Customer may copy the Documentation.',
    '',
    '### 2.1 Restrictions',
    '',
    'Text (hereinafter "Restricted Material") here.',
    '',
    '```',
    '3. Not a section inside a code fence',
    '```',
  ].join('\n');
  const doc = parseDocument(MD, 'cloud.md');

  it('uses heading depth and numbers, and ignores code fences', () => {
    assert.deepStrictEqual(doc.sections.map((s) => `${s.label}|${s.title}|${s.rank}`), ['|Cloud Agreement|0', '1|Definitions|1', '2|Use|1', '2.1|Restrictions|2']);
  });

  it('makes each bullet its own paragraph', () => {
    const paras = doc.paragraphs.map((p) => MD.slice(p.start, p.end));
    assert.ok(paras.includes('- The Customer may use the Services.'));
    assert.ok(paras.includes('- The Customer may copy the Documentation.'));
  });

  it('reads definitions written with emphasis, parentheses and "hereinafter"', () => {
    assert.deepStrictEqual(doc.definitions.map((d) => d.term), ['Permitted Use', 'Broad Use', 'Restricted Material']);
  });
});

describe('document structure: schedules, wrapped lines and lettered lists', () => {
  const TEXT = [
    '1. Use',
    '',
    '1.1 The Customer may use the Services, subject to Schedule 2 and to the limits set out in',
    'Section 3. The Supplier shall respond within five',
    '(5) business days.',
    '',
    '2. Restrictions',
    '',
    '(a) no resale;',
    '',
    '(b) no reverse engineering;',
    '',
    '(c) no benchmarking.',
    '',
    'SCHEDULE 2 - PROHIBITED USES',
    '',
    '1. mass surveillance;',
    '',
    '## Annex A: Acceptable Use',
    '',
    'Schedule 2 applies to every Order.',
  ].join('\n');
  const doc = parseDocument(TEXT, 'order.md');
  const labels = doc.sections.map((s) => `${s.label}|${s.title}`);

  it('makes schedule and annex headings sections of their own, with their titles', () => {
    assert.ok(labels.includes('SCHEDULE 2|PROHIBITED USES'), labels.join('\n'));
    assert.ok(labels.includes('Annex A|Acceptable Use'), labels.join('\n'));
    const item = doc.sections.find((s) => s.label === '1' && s.start > TEXT.indexOf('SCHEDULE 2'))!;
    assert.strictEqual(doc.sections[item.parent].label, 'SCHEDULE 2', 'the numbered item belongs to the schedule');
  });

  it('does not read a wrapped line that starts "Section 3." or "(5)" as a heading, nor a sentence that starts "Schedule 2"', () => {
    assert.ok(!labels.some((l) => l.startsWith('3|') || l.startsWith('(5)|')), labels.join('\n'));
    assert.strictEqual(labels.filter((l) => l.startsWith('Schedule 2')).length, 0, labels.join('\n'));
  });

  it('reads (c) after (b) as the next letter, not a roman numeral', () => {
    const c = doc.sections.find((s) => s.label === '(c)')!;
    assert.strictEqual(doc.sections[c.parent].label, '2');
  });

  it('resolves "Schedule 2" to the schedule', () => {
    const ref = doc.references.find((r) => r.family === 'schedule')!;
    assert.deepStrictEqual(ref.targets, ['schedule 2']);
    assert.deepStrictEqual(resolveReference(ref, doc.sections).map((s) => s.label), ['SCHEDULE 2']);
  });

  it('ends a "means" definition with its sentence, however long the paragraph', () => {
    const text = '1.1 "Background IP" means the know-how of each party. MD Anderson grants a licence for any purpose.';
    const [def] = parseDocument(text, 'a.txt').definitions;
    assert.strictEqual(text.slice(def.body.start, def.body.end).trim(), 'the know-how of each party.');
  });
});

describe('definitions in glossary tables and all-caps text', () => {
  it('reads the rows of a glossary table as definitions, not its header or separator', () => {
    const text = ['| Term | Meaning |', '| --- | --- |', '| Licensed Use | Any lawful use of the Imagery by the Ministry |', '| Imagery | The satellite images |'].join('\n');
    const defs = parseDocument(text, 'glossary.md').definitions;
    assert.deepStrictEqual(defs.map((d) => [d.term, text.slice(d.body.start, d.body.end).trim()]), [
      ['Licensed Use', 'Any lawful use of the Imagery by the Ministry'],
      ['Imagery', 'The satellite images'],
    ]);
  });

  it('reads "X" MEANS ... in capitals', () => {
    const defs = parseDocument('"LICENSOR PURPOSES" MEANS ANY AND ALL PURPOSES OF THE LICENSOR.', 'a.txt').definitions;
    assert.deepStrictEqual(defs.map((d) => d.term), ['LICENSOR PURPOSES']);
  });
});

describe('bold headings in Markdown', () => {
  it('makes a line that is only bold text a section below the # headings', () => {
    const text = '# Licence Agreement\n\n**Security**\n\nThe Supplier keeps logs.\n\n**Escalation**\n\nBefore any use, pause.';
    const doc = parseDocument(text, 'a.md');
    assert.deepStrictEqual(doc.sections.map((s) => `${s.title}|${s.parent}`), ['Licence Agreement|-1', 'Security|0', 'Escalation|0']);
    assert.strictEqual(sectionAt(doc, text.indexOf('pause'))!.title, 'Escalation');
  });

  it('leaves bold words inside a sentence, and bold text in plain-text files, alone', () => {
    assert.strictEqual(parseDocument('The **Supplier** shall keep logs.', 'a.md').sections.length, 0);
    assert.strictEqual(parseDocument('**Security**\n\nThe Supplier keeps logs.', 'a.txt').sections.length, 0);
  });
});
