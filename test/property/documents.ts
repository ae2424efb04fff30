/**
 * Random contract-like documents for the property tests: fragments that fire
 * and silence the recommended rules, headings, Unicode and Markdown oddities,
 * random binary strings, mixed line breaks.
 */
import fc from 'fast-check';

const FRAGMENTS = [
  'The Government may use the Services for any lawful purpose.',
  'Licensee may use the Model for all lawful purposes, including without limitation intelligence analysis.',
  '"Permitted Purpose" means any lawful purpose.',
  'The Agency may use the Services for the Permitted Purpose.',
  'The Customer shall not use the Services for mass surveillance of U.S. persons.',
  'The Customer shall not use the Services in weapon systems that select and engage targets without further intervention by a human operator.',
  'Before any deployment in a high-risk use case, the Agency shall pause the use and obtain the written approval of the Chief AI Officer, and the decision shall be logged.',
  'The Provider may, at its discretion, audit the use of the Services.',
  'The Government will, where practicable, give prior notice of any new use.',
  'The Agency acknowledges that applicable law governs domestic surveillance.',
  'This agreement covers artificial intelligence services and large language models.',
  'The Recipient shall not use Confidential Information for any purpose other than the Project.',
  'Subject to Section 9, the Customer may use the Platform without restriction.',
  'The Supplier passes an annual surveillance audit. The policy excludes any weapon of war.',
  'The Provider shall notify the Agency of any security incident within 72 hours.',
  '<!-- clauselint-disable-next-line recommended/broad-use-grant -- reason: approved; approved-by: J. Doe -->',
  '<!-- clauselint-disable-next-line broad-use-grant -->',
  '[clauselint-disable recommended/missing-audit-trigger -- reason: covered elsewhere]',
];
const HEADINGS = ['# AI Services Agreement', '## 3. Use of the Services', '9. Prohibited Uses', 'ARTICLE IV', 'Section 7. Audit', '(a)', '(ii)', '1.1', '### 2.1 Restrictions'];
const ODDITIES = [
  '\ud83d\ude00', 'e\u0301', '\u00a0', '\u200b', '\u00ad', '\u201cany lawful\u201d', '**any** _lawful_ `use`', '<span class="x">any</span>',
  '<!--', '-->', '\\*', '\t', 'law-\nful', 'any\u2011lawful', '\ud800', '\udc00', '\u0000', '\ufeff', 'x'.repeat(300), '"', '(', ')', '§ 4',
];
const BREAKS = ['\n', '\r\n', '\r', '\n\n', '\r\n\r\n', ' ', ''];

const piece = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...FRAGMENTS) },
  { weight: 2, arbitrary: fc.constantFrom(...HEADINGS) },
  { weight: 2, arbitrary: fc.constantFrom(...ODDITIES) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
);
export const documentText = fc
  .array(fc.tuple(piece, fc.constantFrom(...BREAKS)), { maxLength: 30 })
  .map((parts) => parts.map(([p, b]) => p + b).join(''));
export const documentPath = fc.constantFrom('draft.md', 'draft.txt');
