/** Which documents the server lints, whatever editor sent them, and how it reads their settings. */
import * as assert from 'assert';
import { documentKindOf, formatOf, shouldLint } from '../../server/src/lsp/fileScope';
import { DEFAULT_SETTINGS, sanitizeSettings, Settings, SettingsCache, VSCODE_DEFAULT_FILES } from '../../server/src/lsp/settings';
import { workspaceFolderUris, WorkspaceFolders } from '../../server/src/lsp/workspaceFolders';
import { applySeverities } from '../../server/src/lsp/documentLinter';
import { lint, recommended } from '../helpers';

const noFolders = new WorkspaceFolders();
const withDefaults: Settings = { ...DEFAULT_SETTINGS, files: VSCODE_DEFAULT_FILES };

describe('file scope', () => {
  it('lints every Markdown and plain-text document a client sends when no clauselint.files is set', () => {
    for (const [uri, languageId] of [
      ['file:///home/ann/drafts/draft.md', 'markdown'],
      ['file:///home/ann/drafts/draft.txt', 'text'],
      ['file:///home/ann/drafts/draft.txt', 'plaintext'],
      ['file:///home/ann/drafts/draft.md', 'gfm'],
      ['untitled:Untitled-1', 'markdown'],
    ]) {
      assert.ok(shouldLint(uri, languageId, DEFAULT_SETTINGS, noFolders), `${uri} (${languageId})`);
    }
  });

  it('keeps to the clauselint.files globs when they are set, as the VS Code extension sets them', () => {
    const folders = new WorkspaceFolders(['file:///work/repo']);
    assert.ok(!shouldLint('file:///work/repo/README.md', 'markdown', withDefaults, folders));
    assert.ok(!shouldLint('file:///work/repo/notes/meeting.txt', 'plaintext', withDefaults, folders));
    assert.ok(shouldLint('file:///work/repo/contracts/msa.md', 'markdown', withDefaults, folders));
    assert.ok(shouldLint('file:///work/repo/README.md', 'markdown', { ...withDefaults, lintAllMarkdown: true }, folders));
  });

  it('always lints contracts: the contract language, or a *.contract.md / *.contract.txt name under any language id', () => {
    const none: Settings = { ...DEFAULT_SETTINGS, files: [] };
    assert.ok(shouldLint('file:///x/a.md', 'contract', none, noFolders));
    assert.ok(shouldLint('file:///x/a.contract.md', 'markdown', none, noFolders));
    assert.ok(shouldLint('file:///x/a.contract.txt', 'text', none, noFolders));
    assert.ok(!shouldLint('file:///x/a.md', 'markdown', none, noFolders));
  });

  it('leaves other languages alone, and reads unknown language ids by file name', () => {
    assert.strictEqual(documentKindOf('yaml', '/x/.clauselint.yaml'), undefined);
    assert.strictEqual(documentKindOf('json', '/x/pack.contract.md'), undefined);
    assert.strictEqual(documentKindOf('typescript', '/x/a.ts'), undefined);
    assert.strictEqual(documentKindOf('vimwiki', '/x/a.md'), 'markdown');
    assert.strictEqual(documentKindOf('asciidoc', '/x/a.txt'), 'plain');
    assert.ok(!shouldLint('file:///x/a.ts', 'typescript', DEFAULT_SETTINGS, noFolders));
    assert.ok(!shouldLint('file:///x/a.md', 'markdown', { ...DEFAULT_SETTINGS, enable: false }, noFolders));
  });

  it('parses Markdown ids as Markdown and text ids as plain text, else by extension', () => {
    assert.strictEqual(formatOf('gfm', '/x/a'), 'markdown');
    assert.strictEqual(formatOf('text', '/x/a.md'), 'plain');
    assert.strictEqual(formatOf('contract', '/x/a.contract.txt'), 'plain');
    assert.strictEqual(formatOf('contract', '/x/a.contract.md'), 'markdown');
  });
});

describe('workspace folders at initialize', () => {
  it('takes workspaceFolders, else rootUri, else rootPath, else none (single-file mode)', () => {
    assert.deepStrictEqual(workspaceFolderUris({ workspaceFolders: [{ uri: 'file:///a' }, { uri: 'file:///b' }], rootUri: 'file:///c' }), ['file:///a', 'file:///b']);
    assert.deepStrictEqual(workspaceFolderUris({ workspaceFolders: null, rootUri: 'file:///c' }), ['file:///c']);
    assert.deepStrictEqual(workspaceFolderUris({ workspaceFolders: [], rootUri: null, rootPath: '/srv/contracts' }), ['file:///srv/contracts']);
    assert.deepStrictEqual(workspaceFolderUris({ rootUri: null }), []);
  });
});

describe('settings', () => {
  it('takes defaults for null, non-objects and invalid values, and what is valid from the rest', () => {
    assert.deepStrictEqual(sanitizeSettings(null), DEFAULT_SETTINGS);
    assert.deepStrictEqual(sanitizeSettings('on'), DEFAULT_SETTINGS);
    const s = sanitizeSettings({ debounceMs: -5, run: 'sometimes', files: ['drafts/**', 7], ruleSeverities: { 'broad-use-grant': 'error', x: 'loud' } });
    assert.strictEqual(s.debounceMs, DEFAULT_SETTINGS.debounceMs);
    assert.strictEqual(s.run, 'onType');
    assert.deepStrictEqual(s.files, ['drafts/**']);
    assert.deepStrictEqual(s.ruleSeverities, { 'broad-use-grant': 'error' });
  });

  it('falls back from a null workspace/configuration answer to pushed settings, then to initializationOptions', async () => {
    const answers: unknown[] = [];
    const cache = new SettingsCache(async () => answers.shift() ?? null, { debounceMs: 300 });
    assert.strictEqual((await cache.get('file:///a.md')).debounceMs, 300, 'initializationOptions.clauselint');
    cache.pushed({ clauselint: { debounceMs: 250 } });
    assert.strictEqual((await cache.get('file:///a.md')).debounceMs, 250, 'didChangeConfiguration settings.clauselint');
    answers.push({ debounceMs: 50 });
    cache.clear();
    assert.strictEqual((await cache.get('file:///a.md')).debounceMs, 50, 'a workspace/configuration answer wins');
    cache.pushed(null);
    assert.strictEqual((await cache.get('file:///a.md')).debounceMs, 250, 'a null push keeps what was pushed before');
    cache.pushed({ other: {} });
    assert.deepStrictEqual(await cache.get('file:///a.md'), DEFAULT_SETTINGS, 'a push without a clauselint section means defaults');
  });

  it('uses pushed settings for a client without workspace/configuration, and when its answer fails', async () => {
    const noPull = new SettingsCache(undefined);
    assert.deepStrictEqual(await noPull.get('file:///a.md'), DEFAULT_SETTINGS);
    noPull.pushed({ clauselint: { run: 'onSave' } });
    assert.strictEqual((await noPull.get('file:///a.md')).run, 'onSave');
    const failing = new SettingsCache(() => Promise.reject(new Error('MethodNotFound')), { maxFileSizeMB: 2 });
    assert.strictEqual((await failing.get('file:///a.md')).maxFileSizeMB, 2);
  });
});

describe('rule severities from the settings', () => {
  it('change a finding to the set severity, drop it when off, and keep its fixes as they were', () => {
    const { findings } = lint('The Provider may use the Data for any purpose.', recommended());
    const grant = findings.find((f) => f.ruleId === 'recommended/broad-use-grant')!;
    const changed = applySeverities(findings, { 'broad-use-grant': 'error' });
    const changedGrant = changed.find((f) => f.ruleId === grant.ruleId)!;
    assert.strictEqual(changedGrant.severity, 'error');
    assert.notStrictEqual(changedGrant, grant);
    assert.deepStrictEqual(changedGrant.fixes, grant.fixes);
    assert.deepStrictEqual({ ...changedGrant, severity: grant.severity }, { ...grant });
    assert.ok(!applySeverities(findings, { 'recommended/broad-use-grant': 'off' }).some((f) => f.ruleId === grant.ruleId));
    assert.strictEqual(grant.severity, 'info', 'the input is left as it was');
  });
});
