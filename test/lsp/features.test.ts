import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { CodeLens, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { MAX_HOVER_CHARS, visibleLength } from '../../server/src/lsp/hover';
import * as P from '../../shared/protocol';
import { fixture } from '../helpers';
import { AI_DRAFT, GRANT_PHRASE, positionAt } from './fixtures';
import { LspTestClient, tempWorkspace, uri } from './harness';

describe('LSP: hover, code lens, coverage and ClauseLint requests', function () {
  // Spawns processes or works hard: no wall-clock limit (a loaded machine is only slower); hung processes are killed by the helpers.
  this.timeout(0);
  let ws: ReturnType<typeof tempWorkspace>;
  let client: LspTestClient;
  let docUri: string;

  before(async () => {
    ws = tempWorkspace({
      'contracts/closed.md': AI_DRAFT,
      'contracts/clean.md': '# Supply Agreement\n\n1. The Supplier shall deliver the goods.\n',
      'notes.md': AI_DRAFT,
    });
    client = await LspTestClient.start({ root: ws.root, init: { docsScheme: true, coverageView: true } });
    docUri = uri(path.join(ws.root, 'draft.contract.md'));
    await client.open(docUri, AI_DRAFT, 'contract', 1);
    await client.waitForDiagnostics(docUri);
  });

  after(async () => {
    await client.dispose();
    ws.cleanup();
  });

  it('hover on a flagged phrase gives each message, one line of why and a link to the docs, not the docs', async () => {
    const position = positionAt(AI_DRAFT, AI_DRAFT.indexOf(GRANT_PHRASE) + 4);
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: docUri }, position });
    const md = (hover.contents as MarkupContent).value;
    assert.strictEqual((hover.contents as MarkupContent).kind, 'markdown');
    assert.match(md, /\*\*warning\*\* `recommended\/broad-use-grant`: /);
    assert.match(md, /\*Why:\* A right to use something for any purpose leaves prohibited uses to whatever the law allows/);
    assert.match(md, /`recommended\/missing-audit-trigger`/, 'the other findings at the phrase too');
    assert.match(md, /\+1 more ClauseLint finding here/, 'and a count of those that do not fit');
    assert.match(md, /\[Rule docs\]\(command:clauselint\.showRuleDocs\?/, 'a command link to the rendered docs');
    assert.doesNotMatch(md, /## Fires on|Does not fire on/, 'not the full docs');
    assert.ok(visibleLength(md) <= MAX_HOVER_CHARS, `hover shows ${visibleLength(md)} characters`);
    assert.deepStrictEqual(hover.range!.start, positionAt(AI_DRAFT, AI_DRAFT.indexOf(GRANT_PHRASE)));
  });

  it('no hover away from findings', async () => {
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: docUri }, position: { line: 0, character: 3 } });
    assert.strictEqual(hover, null);
  });

  it('code lens at the top summarises coverage and opens the coverage view', async () => {
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: docUri } });
    assert.strictEqual(lenses.length, 1);
    assert.deepStrictEqual(lenses[0].range.start, { line: 0, character: 0 });
    assert.strictEqual(lenses[0].command!.title, 'ClauseLint: broad-use grant unqualified · 2 carve-outs missing · audit trigger missing');
    assert.strictEqual(lenses[0].command!.command, 'clauselint.showCoverage');
    assert.deepStrictEqual(lenses[0].command!.arguments, [docUri]);
  });

  it('code lens and coverage say how many placeholders are left to fill, never "no clause gaps" while any remain', async () => {
    const complete = fixture('contracts/ai-terms-complete.md');
    const filled = uri(path.join(ws.root, 'filled.contract.md'));
    await client.open(filled, complete, 'contract', 1);
    await client.waitForDiagnostics(filled);
    const lensTitle = async (u: string) => (await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: u } }))[0].command!.title;
    assert.match(await lensTitle(filled), /^ClauseLint: (?:.* · )?no clause gaps · \d+ of \d+ clause kinds found$/);

    const draft = uri(path.join(ws.root, 'placeholders.contract.md'));
    const text = complete.replace('the Agency shall pause', '[the Customer] shall pause').replace('its Chief AI Officer', '[designated official]');
    await client.open(draft, text, 'contract', 1);
    const published = await client.waitForDiagnostics(draft);
    assert.strictEqual(published.diagnostics.filter((d) => d.code === 'recommended/unfilled-placeholder').length, 2);
    const title = await lensTitle(draft);
    assert.match(title, /^ClauseLint: (?:.* · )?2 placeholders to fill · \d+ of \d+ clause kinds found$/);
    assert.doesNotMatch(title, /no clause gaps/);
    const coverage = await client.request<P.CoverageResult>(P.COVERAGE_REQUEST, { uri: draft });
    const row = coverage.kinds.find((k) => k.kind === 'unfilled-placeholder')!;
    assert.strictEqual(row.status, 'flagged');
    assert.deepStrictEqual(row.open, { count: 2, label: '2 placeholders to fill' });
    assert.deepStrictEqual(row.locations.map((r) => r.start.line), [14, 14], "both on clause 3.1");
  });

  it('clauselint/coverage lists every kind with its status and locations as ranges', async () => {
    const result = await client.request<P.CoverageResult>(P.COVERAGE_REQUEST, { uri: docUri });
    assert.strictEqual(result.version, 1);
    const byKind = new Map(result.kinds.map((k) => [k.kind, k]));
    assert.strictEqual(byKind.get('carve-out:domestic-surveillance')!.status, 'missing');
    assert.strictEqual(byKind.get('audit-trigger')!.status, 'missing');
    const grant = byKind.get('broad-grant')!;
    assert.strictEqual(grant.status, 'unqualified');
    assert.strictEqual(grant.locations[0].start.line, 10);
    assert.strictEqual(byKind.get('audit-rights')!.status, 'present');
    assert.ok(result.kinds.some((k) => k.status === 'absent'));
    assert.strictEqual(result.summary, 'broad-use grant unqualified · 2 carve-outs missing · audit trigger missing');
  });

  it('clauselint/ruleDocs renders a rule with its docs, source and examples', async () => {
    const docs = await client.request<P.RuleDocsResult>(P.RULE_DOCS_REQUEST, { ruleId: 'recommended/broad-use-grant', uri: docUri });
    assert.strictEqual(docs.ruleId, 'recommended/broad-use-grant');
    assert.match(docs.markdown, /^# recommended\/broad-use-grant|Broad/m);
    const bare = await client.request<P.RuleDocsResult>(P.RULE_DOCS_REQUEST, { ruleId: 'practicable-notice' });
    assert.strictEqual(bare.ruleId, 'recommended/practicable-notice');
    assert.strictEqual(await client.request(P.RULE_DOCS_REQUEST, { ruleId: 'no/such-rule' }), null);
  });

  it('clauselint/clauseLibrary offers the pack clauses, those the document lacks first', async () => {
    const clauses = await client.request<P.ClauseEntry[]>(P.CLAUSE_LIBRARY_REQUEST, { uri: docUri });
    assert.ok(clauses.length >= 3);
    assert.strictEqual(clauses[0].present, false);
    const surveillance = clauses.find((c) => c.kind === 'carve-out:domestic-surveillance')!;
    assert.match(surveillance.body, /\$\{1:/);
    assert.doesNotMatch(surveillance.body, /holder|supplied|supplier/, 'fill variables are resolved for the document (names, or tab stops holding the fallback)');
    assert.doesNotMatch(surveillance.preview, /\$\{|\n/, 'the picker shows the clause with its defaults, on one line');
    const rules = await client.request<P.RuleSummary[]>(P.RULES_REQUEST, { uri: docUri });
    assert.ok(rules.some((r) => r.id === 'recommended/broad-use-grant' && r.summary.length > 0));
  });

  it('clauselint/lintFiles lints closed files into diagnostics and skips what is not a file', async () => {
    const closed = uri(path.join(ws.root, 'contracts/closed.md'));
    const clean = uri(path.join(ws.root, 'contracts/clean.md'));
    const result = await client.request<P.LintFilesResult>(P.LINT_FILES_REQUEST, { uris: [closed, clean, docUri, 'untitled:x'] });
    assert.strictEqual(result.linted, 3);
    assert.deepStrictEqual(result.skipped.map((s) => s.uri), ['untitled:x']);
    const p = await client.waitForDiagnostics(closed);
    assert.strictEqual(p.version, undefined);
    assert.ok(p.diagnostics.some((d) => d.code === 'recommended/broad-use-grant'));
  });

  it('clauselint/exportFindings writes SARIF and JSON through the CLI formatters', async () => {
    const closed = uri(path.join(ws.root, 'contracts/closed.md'));
    const sarif = await client.request<P.ExportResult>(P.EXPORT_REQUEST, { uris: [closed, docUri], format: 'sarif', baseDir: ws.root });
    const log = JSON.parse(sarif.content);
    assert.strictEqual(log.version, '2.1.0');
    assert.strictEqual(sarif.files, 2);
    assert.ok(log.runs[0].results.some((r: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => r.ruleId === 'recommended/broad-use-grant' && r.locations[0].physicalLocation.artifactLocation.uri === 'contracts/closed.md'));
    const json = JSON.parse((await client.request<P.ExportResult>(P.EXPORT_REQUEST, { uris: [docUri], format: 'json', baseDir: ws.root })).content);
    assert.strictEqual(json.version, 1);
    assert.strictEqual(json.files[0].path, 'draft.contract.md');
    assert.ok(fs.existsSync(ws.root));
  });
});
