/** What an escalation path's unit ties to by defined term (engine/escalation/ties.ts): the terms a span uses, as written. */
import * as assert from 'assert';
import { parseDocument } from '../../server/src/document/contractDocument';
import { DefinedTermFinder } from '../../server/src/engine/escalation/ties';

function termsUsedIn(text: string, span: string): string[] {
  const doc = parseDocument(text, 'contract.md', 'markdown');
  const start = text.indexOf(span);
  return new DefinedTermFinder(doc).definitionsUsedIn({ start, end: start + span.length }).map((d) => d.term);
}

describe('escalation ties: defined terms used in a span', () => {
  const text = [
    '1. Definitions. "Decision Log" means the register kept under Section 5.3. "Governance Lead" means the person named in Schedule 2. "Log" means any record.',
    '',
    '2. Any new use is recorded in the Decision Log and approved by the Governance Lead in writing.',
  ].join('\n');

  it('finds multi-word terms, the longest first and the shorter ones they hold, by their capitals', () => {
    assert.deepStrictEqual(termsUsedIn(text, 'Any new use is recorded in the Decision Log and approved by the Governance Lead in writing.').sort(), ['Decision Log', 'Governance Lead', 'Log']);
  });

  it('does not count a term where it is defined, nor a lower-case use of a capitalised term', () => {
    assert.deepStrictEqual(termsUsedIn(text, '"Governance Lead" means the person named in Schedule 2.'), []);
    assert.deepStrictEqual(termsUsedIn(text.replace('in the Decision Log', 'in the decision log'), 'Any new use is recorded in the decision log and approved'), []);
  });
});
