/** The language server's pure parts, without a server process. */
import * as assert from 'assert';
import * as path from 'path';
import { applyFixes } from '../../server/src/cli/fix';
import { Finding } from '../../server/src/engine/types';
import { lintText } from '../../server/src/lintText';
import { applySeverities } from '../../server/src/lsp/documentLinter';
import { coverageSummary, shortTitle } from '../../server/src/lsp/coverage';
import { formatOf, shouldLint } from '../../server/src/lsp/fileScope';
import { fixAllEdits } from '../../server/src/lsp/fixAll';
import { CoverageKind } from '../../server/src/lsp/protocol';
import { DEFAULT_SETTINGS, sanitizeSettings } from '../../server/src/lsp/settings';
import { hasPlaceholders, shiftTabStops } from '../../server/src/lsp/snippetFix';
import { untrustedWorkspacePolicy } from '../../server/src/lsp/trust/packPolicy';
import { WorkspaceFolders } from '../../server/src/lsp/workspaceFolders';
import { builtinPackPath } from '../../server/src/packs/builtin';
import { ConfigLoader } from '../../server/src/packs/config';
import { AI_DRAFT } from './fixtures';
import { uri } from './harness';

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

  it('summarises coverage the way the code lens shows it', () => {
    const kind = (k: string, title: string, status: CoverageKind['status']): CoverageKind => ({ kind: k, title, status, present: status === 'present' || status === 'flagged', locations: [], findings: 0, findingRanges: [] });
    assert.strictEqual(
      coverageSummary([
        kind('broad-grant', 'Broad-use grant', 'flagged'),
        kind('carve-out:a', 'Carve-out for A', 'missing'),
        kind('carve-out:b', 'Carve-out for B', 'missing'),
        kind('audit-trigger', 'Audit trigger (use governance)', 'missing'),
        kind('logging', 'Logging', 'absent'),
      ]),
      'broad-use grant flagged · 2 carve-outs missing · audit trigger missing',
    );
    assert.strictEqual(coverageSummary([kind('logging', 'Logging', 'present'), kind('x', 'X', 'absent')]), 'no clause gaps · 1 of 2 clause kinds found');
    assert.strictEqual(shortTitle('EU AI Act logging'), 'EU AI Act logging');
  });

  it('lints contract documents always, Markdown and text only when they match clauselint.files', () => {
    const folders = new WorkspaceFolders([uri('/ws')]);
    const s = DEFAULT_SETTINGS;
    assert.ok(shouldLint('untitled:Untitled-1', 'contract', s, folders));
    assert.ok(shouldLint(uri('/ws/a/contracts/msa.md'), 'markdown', s, folders));
    assert.ok(shouldLint(uri('/ws/nda.contract.txt'), 'plaintext', s, folders));
    assert.ok(!shouldLint(uri('/ws/README.md'), 'markdown', s, folders));
    assert.ok(shouldLint(uri('/ws/README.md'), 'markdown', { ...s, lintAllMarkdown: true }, folders));
    assert.ok(!shouldLint(uri('/ws/a.contract.md'), 'contract', { ...s, enable: false }, folders));
    assert.ok(!shouldLint(uri('/ws/contracts/x.yaml'), 'yaml', s, folders));
    assert.strictEqual(formatOf('contract', '/ws/a.contract.txt'), 'plain');
    assert.strictEqual(formatOf('contract', '/ws/Untitled-1'), 'markdown');
  });

  it('keeps valid settings and falls back to defaults for the rest', () => {
    const s = sanitizeSettings({ run: 'onSave', debounceMs: -3, files: ['a/**', 7], ruleSeverities: { 'x/y': 'off', z: 'fatal' } });
    assert.strictEqual(s.run, 'onSave');
    assert.strictEqual(s.debounceMs, 100);
    assert.deepStrictEqual(s.files, ['a/**']);
    assert.deepStrictEqual(s.ruleSeverities, { 'x/y': 'off' });
  });

  it('applies editor severity settings by rule id or bare name', () => {
    const f = (ruleId: string) => ({ ruleId, severity: 'warning', message: '', span: { start: 0, end: 1 }, related: [], fixes: [] }) as Finding;
    const out = applySeverities([f('p/a'), f('p/b'), f('p/c')], { 'p/a': 'off', b: 'error' });
    assert.deepStrictEqual(out.map((x) => [x.ruleId, x.severity]), [['p/b', 'error'], ['p/c', 'warning']]);
  });

  it('untrusted policy: built-in and in-workspace packs load, npm and outside packs do not', () => {
    const root = path.resolve('/ws');
    const policy = untrustedWorkspacePolicy(new WorkspaceFolders([uri(root)]));
    const scope = policy.entryScope(path.join(root, '.clauselint.yaml'));
    assert.ok(typeof scope !== 'string', String(scope));
    assert.strictEqual(scope.refusal(builtinPackPath('recommended')!), undefined);
    assert.strictEqual(scope.refusal(path.join(root, 'team.yaml')), undefined);
    assert.match(policy.npmRefusal!, /npm-package packs are not loaded in an untrusted workspace/);
    assert.match(scope.refusal('/etc/pack.yaml')!, /^\/etc\/pack\.yaml is outside the workspace folders/);
    assert.match(policy.entryScope('/etc/.clauselint.yaml') as string, /outside the workspace folders/);
  });
});
