/** The language server's pure parts, without a server process. */
import * as assert from 'assert';
import { applyFixes, fixAllEdits } from '../../server/src/engine/fixes/apply';
import { hasPlaceholders, previewLine, shiftTabStops, withoutVariables } from '../../server/src/engine/fixes/snippet';
import { planAsSnippet } from '../../server/src/engine/fixes/snippetEdit';
import { lintText } from '../../server/src/lintText';
import { ConfigLoader } from '../../server/src/packs/config';
import { AI_DRAFT } from './fixtures';

describe('language server units', () => {
  it('fix-all edits give exactly the text the CLI --fix gives', () => {
    const text = AI_DRAFT.replace(/\n/g, '\r\n');
    const { result } = lintText(text, '/tmp/x.contract.md', new ConfigLoader());
    let out = text;
    for (const e of [...fixAllEdits(result.findings)].reverse()) out = out.slice(0, e.start) + e.text + out.slice(e.end);
    assert.strictEqual(out, applyFixes(text, result.findings).text);
  });

  it('shifts snippet tab stops, leaving $0 and escapes alone', () => {
    assert.strictEqual(shiftTabStops('${1:a} $2 \\$3 ${0} $0', 5), '${6:a} $7 \\$3 ${0} $0');
    assert.ok(hasPlaceholders('x ${1:y}'));
    assert.ok(!hasPlaceholders('costs \\$5'));
  });

  it('makes snippet variables in a pack\'s clause text literal, so applying a fix never pastes the clipboard or a file path', () => {
    assert.strictEqual(withoutVariables('Notify ${1:the Agency} at $CLIPBOARD and ${TM_FILEPATH} or ${CLIPBOARD:x} $0'), 'Notify ${1:the Agency} at \\$CLIPBOARD and \\${TM_FILEPATH\\} or \\${CLIPBOARD:x\\} $0');
    assert.strictEqual(withoutVariables('costs \\$5 and $RANDOM_HEX'), 'costs \\$5 and \\$RANDOM_HEX');
    const plan = { title: 't', edits: [{ start: 3, end: 3, text: 'x', snippet: 'The ${1:Agency} shall log ${CURRENT_YEAR}.' }] };
    assert.strictEqual(planAsSnippet(plan as never)?.snippet, 'The ${1:Agency} shall log \\${CURRENT_YEAR\\}.');
  });

  it('previews a clause on one line for the clause picker, each placeholder filled with its default', () => {
    const body = 'The ${1:Provider} shall notify ${2|the Agency,the Customer|}\nwithin ${3:${4:72} hours}. $0 Costs \\$5.';
    assert.strictEqual(previewLine(body), 'The Provider shall notify the Agency within 72 hours. Costs $5.');
    assert.strictEqual(previewLine('word '.repeat(40), 20), 'word word word word…');
  });
});
