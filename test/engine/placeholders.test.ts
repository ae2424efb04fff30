/**
 * recommended/unfilled-placeholder: bracketed blanks, instructions and roles left in a draft are
 * findings; the other uses of square brackets in contracts are not. Coverage counts each
 * placeholder as an open item, and its summary never says "no clause gaps" while one remains.
 */
import * as assert from 'assert';
import { coverageStatus, coverageSummary } from '../../server/src/engine/coverageSummary';
import { fixture, lint, recommended } from '../helpers';

const RULE = 'recommended/unfilled-placeholder';

/** The bracketed text of each placeholder finding, in order. */
function placeholders(text: string, path = 'draft.md'): string[] {
  return lint(text, recommended(), { path })
    .findings.filter((f) => f.ruleId === RULE)
    .map((f) => text.slice(f.span.start, f.span.end));
}

describe('unfilled placeholders', () => {
  it('flags markers, named blanks, instructions and bracketed roles and defined terms', () => {
    const text = [
      'The Licensee shall pay [X] per cent of Net Revenue to [the Licensor] within [●] days, and [•] on signature.',
      '',
      'The fee is $[●] a month, rising by [●%] a year, with a cap of [$XXX] and a floor of [XX].',
      '',
      'This order starts on [date] and ends on [TBD]; the price is [to be confirmed].',
      '',
      'Approvals are signed by [insert name of official] and filed by [designated official] for [Services].',
      '',
      'Send notices to [INSERT E-MAIL ADDRESS], attention [Name / Title], as set out in Schedule [X].',
    ].join('\n');
    assert.deepStrictEqual(placeholders(text), [
      '[X]', '[the Licensor]', '[●]', '[•]',
      '[●]', '[●%]', '[$XXX]', '[XX]',
      '[date]', '[TBD]', '[to be confirmed]',
      '[insert name of official]', '[designated official]', '[Services]',
      '[INSERT E-MAIL ADDRESS]', '[Name / Title]', '[X]',
    ]);
  });

  it('flags blanks made of spaces or underscores, in plain text and in Markdown', () => {
    const text = 'This Agreement is made on the [   ] day of [______], 2026 by [___] and [ ].';
    assert.deepStrictEqual(placeholders(text, 'draft.txt'), ['[   ]', '[______]', '[___]', '[ ]']);
    // Markdown drops "_" as emphasis: "[__]" reads as empty brackets, still a blank.
    assert.deepStrictEqual(placeholders('Task Order No. [__] under the Contract.', 'draft.md'), ['[__]']);
  });

  it('leaves redactions in filed contracts alone', () => {
    const text = [
      'The royalty is [***] per unit, and the milestone payment is [*****] on approval [* * *].',
      'Exclusivity lasts [*] years in the Territory [Confidential Treatment Requested].',
      'The supplier is [REDACTED], address [address removed], see [GRAPHIC OMITTED].',
    ].join('\n');
    assert.deepStrictEqual(placeholders(text, 'filed.txt'), []);
  });

  it('leaves editorial brackets, numbers, citations and cross-references alone', () => {
    const text = [
      'As the Act says, "[t]he Secretary may [sic] delegate [...] the approval" [emphasis added].',
      'The Vendor shall respond within thirty [30] days; see [2019] EWCA Civ 1 and [Section 5].',
      'A breach of Section 8.1 [CONFIDENTIALITY] or of 4.4 [HOSTING FEE] entitles the other party to relief.',
      'The deal closes on March [1], 2026, as discount[s] allow.',
    ].join('\n');
    assert.deepStrictEqual(placeholders(text, 'draft.txt'), []);
  });

  it('leaves Markdown links and a task list\'s checkboxes alone, but not a blank in a sentence', () => {
    const text = [
      'The policy is at [the Services page](https://example.com/services) and [the annex][1].',
      '',
      '[1]: https://example.com/annex',
      '',
      '- [ ] Risk assessment completed',
      '- [x] Legal review signed off',
      '* [X] Records kept',
      '1. [ ] Sign-off logged',
      '',
      'The review shall finish within [X] days of the request.',
    ].join('\n');
    assert.deepStrictEqual(placeholders(text), ['[X]']);
  });

  it('leaves a plain-text suppression comment alone', () => {
    const text = 'AI services.\n\n[clauselint-disable-next-line recommended/broad-use-grant -- reason: the task order narrows it; approved-by: J. Doe]\nThe Agency may use the Services for any lawful purpose.';
    assert.deepStrictEqual(placeholders(text, 'draft.txt'), []);
  });

  it('sits on the placeholder, as a warning that says what to fill in', () => {
    const text = 'Each use is approved by [designated official].';
    const [finding] = lint(text, recommended()).findings.filter((f) => f.ruleId === RULE);
    assert.strictEqual(finding.severity, 'warning');
    assert.strictEqual(finding.clauseKind, 'unfilled-placeholder');
    assert.match(finding.message, /^Unfilled placeholder "\[designated official\]": fill in what it stands for/);
  });
});

describe('coverage while placeholders remain', () => {
  const complete = fixture('contracts/ai-terms-complete.md');

  it('counts each placeholder as an open item of the unfilled-placeholder kind', () => {
    const text = complete.replace('the Agency shall pause', '[the Customer] shall pause').replace('its Chief AI Officer', '[designated official]');
    const row = lint(text, recommended()).coverage.find((c) => c.kind === 'unfilled-placeholder')!;
    assert.strictEqual(row.present, true);
    assert.deepStrictEqual(row.open, { count: 2, label: '2 placeholders to fill' });
    assert.deepStrictEqual(row.locations.map((s) => text.slice(s.start, s.end)), ['[the Customer]', '[designated official]']);
    assert.strictEqual(coverageStatus(row, 0), 'flagged', 'flagged even when its findings are suppressed');
  });

  it('says how many placeholders are left instead of "no clause gaps"', () => {
    const summaryOf = (text: string) => {
      const result = lint(text, recommended());
      return coverageSummary(result.coverage.map((c) => ({ ...c, status: coverageStatus(c, result.findings.filter((f) => f.clauseKind === c.kind).length) })));
    };
    assert.match(summaryOf(complete), /no clause gaps · \d+ of \d+ clause kinds found$/);
    const one = complete.replace('its Chief AI Officer', '[designated official]');
    assert.match(summaryOf(one), /(?:^| · )1 placeholder to fill · \d+ of \d+ clause kinds found$/);
    assert.doesNotMatch(summaryOf(one), /no clause gaps/);
    const withGap = one.replace(/## 5\. Prohibited Uses[\s\S]*?(?=## 6)/, '');
    assert.match(summaryOf(withGap), /2 carve-outs missing · 1 placeholder to fill$/, 'after the clause gaps');
  });
});
