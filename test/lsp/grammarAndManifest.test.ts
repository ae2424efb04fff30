/**
 * The contract grammar's patterns (checked with JS regular expressions, which
 * share Oniguruma's syntax for everything the grammar uses) and the extension
 * manifest's references to files.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { VSCODE_DEFAULT_FILES } from '../../server/src/lsp/settings';

const ROOT = path.resolve(__dirname, '../../..');
const grammar = JSON.parse(fs.readFileSync(path.join(ROOT, 'syntaxes/contract.tmLanguage.json'), 'utf8'));
const repo = grammar.repository as Record<string, { match?: string; begin?: string; patterns?: { match?: string; begin?: string; name?: string }[] }>;

function matcher(rule: string, index = 0): RegExp {
  const r = repo[rule];
  return new RegExp(r.match ?? r.patterns![index].match!, 'g');
}

function matches(rule: string, text: string, index = 0): string[] {
  return [...text.matchAll(matcher(rule, index))].map((m) => m[0]);
}

describe('contract grammar', () => {
  it('every pattern compiles', () => {
    const walk = (node: unknown): void => {
      if (!node || typeof node !== 'object') return;
      for (const [key, value] of Object.entries(node)) {
        if ((key === 'match' || key === 'begin' || key === 'end') && typeof value === 'string') assert.doesNotThrow(() => new RegExp(value), `${key}: ${value}`);
        else walk(value);
      }
    };
    walk(grammar);
  });

  it('finds headings, section numbers and run-in titles', () => {
    const heading = matcher('markdown-heading').exec('## 3. Use of the Services')!;
    assert.strictEqual(heading[2], '3.');
    assert.strictEqual(heading[3], 'Use of the Services');
    assert.strictEqual(new RegExp(repo['section-number'].match!).exec('3.1 The Government may use')![1], '3.1');
    assert.strictEqual(new RegExp(repo['section-number'].match!).exec('  (a) Audit Rights. The Provider shall')![2], 'Audit Rights.');
    assert.strictEqual(new RegExp(repo['article-heading'].match!).exec('ARTICLE IV - AUDIT')![1], 'ARTICLE IV');
  });

  it('finds defined terms in straight and curly quotes, not quoted lower-case words', () => {
    assert.deepStrictEqual(matches('defined-term', 'the "Services" and "lawful" use', 0), ['"Services"']);
    assert.deepStrictEqual(matches('defined-term', 'the “Customer Data” (the “Data”)', 1), ['“Customer Data”', '“Data”']);
  });

  it('finds cross-references', () => {
    assert.deepStrictEqual(matches('cross-reference', 'subject to Section 9, as set forth in Section 4.2(a) and Sections 7 and 8'), ['Section 9', 'Section 4.2(a)', 'Sections 7 and 8']);
  });

  it('tells obligations, permissions and prohibitions apart', () => {
    const text = 'The Provider shall deliver; the Customer may use; it shall not use and may not disclose.';
    assert.deepStrictEqual(matches('obligation', text), ['shall']);
    assert.deepStrictEqual(matches('permission', text), ['may']);
    assert.deepStrictEqual(matches('prohibition', text), ['shall not', 'may not']);
  });

  it('marks suppression comments with their rule ids and reasons', () => {
    const line = '<!-- clauselint-disable-next-line recommended/broad-use-grant -- reason: pilot only; approved-by: J. Doe -->';
    assert.ok(new RegExp(repo.suppression.patterns![0].begin!).test(line));
    const body = repo['suppression-body'].patterns!;
    assert.deepStrictEqual(line.match(new RegExp(body[1].match!, 'g')), ['recommended/broad-use-grant']);
    assert.deepStrictEqual(line.match(new RegExp(body[2].match!, 'g')), ['reason', 'approved-by']);
  });
});

describe('extension manifest', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

  it('points at files that exist', () => {
    const c = pkg.contributes;
    for (const rel of [c.languages[0].configuration, c.grammars[0].path, c.yamlValidation[0].url, c.jsonValidation[0].url]) {
      assert.ok(fs.existsSync(path.join(ROOT, rel)), rel);
    }
  });

  it('contributes the clauselint.files default the server knows as VS Code\'s', () => {
    assert.deepStrictEqual(pkg.contributes.configuration.properties['clauselint.files'].default, VSCODE_DEFAULT_FILES);
  });

  it('declares every command the client registers, and limited support for untrusted workspaces', () => {
    const declared = new Set(pkg.contributes.commands.map((c: { command: string }) => c.command));
    const client = fs.readdirSync(path.join(ROOT, 'client/src'), { recursive: true })
      .filter((f) => String(f).endsWith('.ts'))
      .map((f) => fs.readFileSync(path.join(ROOT, 'client/src', String(f)), 'utf8'))
      .join('\n');
    const registered = [...client.matchAll(/command\('(clauselint\.[\w]+)'/g), ...client.matchAll(/registerCommand\('(clauselint\.[\w]+)'/g)].map((m) => m[1]);
    for (const id of [...registered, 'clauselint.applySnippet', 'clauselint.showRuleDocs']) assert.ok(declared.has(id), id);
    assert.strictEqual(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.deepStrictEqual(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations, ['clauselint.packs']);
  });

  it('gives the coverage view its own container in the activity bar, with an icon that ships', () => {
    const container = pkg.contributes.viewsContainers.activitybar.find((v: { id: string }) => v.id === 'clauselint');
    assert.ok(container, 'a ClauseLint container');
    assert.ok(fs.existsSync(path.join(ROOT, container.icon)), container.icon);
    assert.deepStrictEqual(pkg.contributes.views.clauselint.map((v: { id: string }) => v.id), ['clauselint.coverage']);
    assert.strictEqual(pkg.contributes.views.explorer, undefined, 'no longer squeezed under the file tree');
    assert.match(fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8'), /^!media\/\*\.svg$/m);
  });

  it('contributes a walkthrough (first lint, quick fix, team pack, CI) whose media ship', () => {
    const [walkthrough] = pkg.contributes.walkthroughs;
    assert.deepStrictEqual(walkthrough.steps.map((s: { id: string }) => s.id), ['firstLint', 'quickFix', 'teamPack', 'ci']);
    const ignore = fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8');
    for (const step of walkthrough.steps) {
      assert.ok(fs.existsSync(path.join(ROOT, step.media.markdown)), step.media.markdown);
      assert.ok(step.media.markdown.startsWith('media/walkthrough/') && ignore.includes('!media/walkthrough/*.md'));
    }
    assert.match(ignore, /^!examples\/ai-services-draft\.md$/m, 'the sample the first step opens ships');
  });
});
