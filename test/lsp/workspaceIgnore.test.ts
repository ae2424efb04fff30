/** "Lint workspace" and "export findings" skip what the project ignores, as the CLI does. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as P from '../../shared/protocol';
import { AI_DRAFT } from './fixtures';
import { LspTestClient, tempWorkspace, uri } from './harness';

describe('LSP: workspace lint honours ignore files', function () {
  // Starts a server process: no wall-clock limit, a slow machine only makes it slower.
  this.timeout(0);
  let ws: ReturnType<typeof tempWorkspace>;
  let client: LspTestClient;
  const at = (rel: string) => uri(path.join(ws.root, rel));

  before(async () => {
    ws = tempWorkspace({
      '.gitignore': 'contracts/old/\n',
      'contracts/team/.gitignore': '*.draft.md\n',
      '.clauselintignore': 'contracts/scratch/\n',
      '.clauselint.yaml': 'extends: [clauselint:recommended, ./base.yaml]\nignores:\n  - contracts/archive/\n',
      'base.yaml': 'ignores:\n  - "**/*.template.md"\n',
      'contracts/msa.md': AI_DRAFT,
      'contracts/old/msa-2019.md': AI_DRAFT,
      'contracts/team/nda.draft.md': AI_DRAFT,
      'contracts/scratch/try.md': AI_DRAFT,
      'contracts/archive/2020.md': AI_DRAFT,
      'contracts/blank.template.md': AI_DRAFT,
    });
    fs.mkdirSync(path.join(ws.root, '.git'));
    client = await LspTestClient.start({ root: ws.root });
  });

  after(async () => {
    await client.dispose();
    ws.cleanup();
  });

  const ignored: [string, string][] = [
    ['contracts/old/msa-2019.md', '.gitignore'],
    ['contracts/team/nda.draft.md', path.join('contracts', 'team', '.gitignore')],
    ['contracts/scratch/try.md', '.clauselintignore'],
    ['contracts/archive/2020.md', '.clauselint.yaml'],
    ['contracts/blank.template.md', '.clauselint.yaml'],
  ];

  it('clauselint/lintFiles skips each ignored file, naming the ignore file or config, and lints the rest', async () => {
    const result = await client.request<P.LintFilesResult>(P.LINT_FILES_REQUEST, { uris: ['contracts/msa.md', ...ignored.map(([rel]) => rel)].map(at) });
    assert.strictEqual(result.linted, 1);
    assert.deepStrictEqual(result.skipped.map((s) => s.uri), ignored.map(([rel]) => at(rel)));
    result.skipped.forEach((s, i) => assert.strictEqual(s.reason, `ignored: matches a pattern in ${path.join(ws.root, ignored[i][1])}`));
    const published = await client.waitForDiagnostics(at('contracts/msa.md'));
    assert.ok(published.diagnostics.length > 0);
    assert.ok(!client.published.some((p) => ignored.some(([rel]) => p.uri === at(rel))), 'nothing is published for ignored files');
  });

  it('clauselint/exportFindings leaves ignored files out of the report', async () => {
    const result = await client.request<P.ExportResult>(P.EXPORT_REQUEST, { uris: ['contracts/msa.md', ...ignored.map(([rel]) => rel)].map(at), format: 'json', baseDir: ws.root });
    assert.deepStrictEqual(JSON.parse(result.content).files.map((f: { path: string }) => f.path), ['contracts/msa.md']);
  });
});
