/**
 * CI output: SARIF validated against the official SARIF 2.1.0 schema
 * (test/fixtures/sarif, draft-04), rule metadata in tool.driver.rules, and
 * GitHub workflow commands byte for byte.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { AI_CONTRACT, buildDocx } from './docxFixture';
import { BROAD, fixture, read, removeScratch, ROOT, runCli, runWithTestPack, scratch, WEAK } from './helpers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const AjvDraft04 = require('ajv-draft-04').default as typeof import('ajv').default;

const validateSarif = new AjvDraft04({ strict: false, allErrors: true, unicodeRegExp: false, validateFormats: false }).compile(
  JSON.parse(fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8')),
);

function assertValidSarif(sarif: unknown, what: string): void {
  const valid = validateSarif(sarif);
  assert.ok(valid, `${what}: ${JSON.stringify(validateSarif.errors, null, 2)}`);
}

interface SarifRule {
  id: string;
  helpUri?: string;
  help: { text: string; markdown?: string };
  fullDescription: { text: string };
  properties: { source?: string };
}

const DOCS_BASE_PACK = `pack: { id: linked, version: 1.0.0, docsBase: "https://example.com/rules/" }
rules:
  grant:
    kind: flag
    phrases: [any lawful purpose]
    message: Broad grant "{match}".
    source: Team policy 4.2
    docs: A grant for any lawful purpose lets the buyer decide every use.
`;

describe('clauselint CLI: CI output', () => {
  let dir: string;
  before(async () => {
    dir = scratch({
      'waivers.md': read(fixture('contracts', 'waivers.md')),
      'contract.docx': await buildDocx(AI_CONTRACT),
      'draft.md': read(fixture('contracts', 'builtin-ai-draft.md')),
      'linked.yaml': DOCS_BASE_PACK,
      'grant.md': read(BROAD),
    });
  });
  after(() => removeScratch(dir));

  const sarifIn = (args: string[], cwd = dir) => {
    const run = runCli(['--format', 'sarif', ...args], { cwd });
    assert.ok(run.status === 0 || run.status === 1, run.stderr);
    return JSON.parse(run.stdout);
  };

  describe('SARIF 2.1.0', () => {
    it('validates against the official schema for every kind of input', () => {
      assertValidSarif(JSON.parse(runWithTestPack(['--format', 'sarif', BROAD, WEAK]).stdout), 'related locations (test pack)');
      assertValidSarif(sarifIn(['waivers.md']), 'suppressions and a suppression without a reason');
      assertValidSarif(sarifIn(['contract.docx']), 'a Word document');
      assertValidSarif(sarifIn(['draft.md', 'waivers.md', 'contract.docx']), 'several files, built-in pack');
      assertValidSarif(sarifIn([fixture('contracts', 'ai-services-clean.md')]), 'no results');
    });

    it('is checked by a validator that rejects invalid SARIF', () => {
      const sarif = sarifIn(['waivers.md']);
      sarif.runs[0].results[0].level = 'warn';
      assert.strictEqual(validateSarif(sarif), false);
    });

    it('exercises related locations, and leaves suppressed findings out of the results', () => {
      const related = JSON.parse(runWithTestPack(['--format', 'sarif', BROAD]).stdout).runs[0].results;
      assert.ok(related.some((r: { relatedLocations?: unknown[] }) => (r.relatedLocations ?? []).length > 0));
      const ids = sarifIn(['waivers.md']).runs[0].results.map((r: { ruleId: string }) => r.ruleId);
      assert.ok(ids.includes('clauselint/suppression-without-reason'), ids.join());
      // waivers.md suppresses these three at clause 1.1: GitHub would open alerts for suppressed results.
      for (const waived of ['recommended/broad-use-grant', 'recommended/missing-surveillance-carve-out', 'recommended/missing-weapons-carve-out']) {
        assert.ok(!ids.includes(waived), waived);
      }
    });

    it('describes each rule with its docs and source in help text and markdown, and properties.source', () => {
      const rules = JSON.parse(runWithTestPack(['--format', 'sarif', BROAD]).stdout).runs[0].tool.driver.rules as SarifRule[];
      const grant = rules.find((r) => r.id === 'clitest/broad-use-grant')!;
      assert.match(grant.help.text, /^A grant for any lawful purpose lets the buyer/);
      assert.match(grant.help.text, /\n\nSource: Test source 1\.2$/);
      assert.match(grant.help.markdown!, /\n\n\*\*Source:\*\* Test source 1\.2$/);
      assert.strictEqual(grant.properties.source, 'Test source 1.2');
    });

    it('gives built-in rules a helpUri: their docs page in the repository at this version, and keeps the docs in help', () => {
      const sarif = sarifIn(['draft.md']);
      const rules = sarif.runs[0].tool.driver.rules as SarifRule[];
      const grant = rules.find((r) => r.id === 'recommended/broad-use-grant')!;
      const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
      assert.strictEqual(grant.helpUri, `https://github.com/clauselint/clauselint/blob/v${version}/docs/rules/recommended/broad-use-grant.md`);
      assert.ok(rules.every((r) => r.helpUri?.startsWith('https://')), 'every built-in rule links to its page');
      assert.match(grant.help.text, /Reports every broad-use grant/);
      assert.match(grant.help.markdown!, /\*\*Source:\*\* /);
      assert.doesNotMatch(JSON.stringify(sarif.runs[0].tool), /file:/);
    });

    it('keeps helpUri when a pack publishes its docs on the web', () => {
      const rules = sarifIn(['--config', 'linked.yaml', 'grant.md']).runs[0].tool.driver.rules as SarifRule[];
      const grant = rules.find((r) => r.id === 'linked/grant')!;
      assert.strictEqual(grant.helpUri, 'https://example.com/rules/grant');
      assert.match(grant.help.markdown!, /\[Rule documentation\]\(https:\/\/example\.com\/rules\/grant\)$/);
    });
  });

  describe('GitHub workflow commands', () => {
    const ESCAPING_PACK = `pack: { id: esc, version: 1.0.0 }
rules:
  percent:
    kind: flag
    phrases: [any lawful purpose]
    severity: error
    message: "50% of grants: \\"{match}\\", then\\nsplit, over lines\\r"
  hedge:
    kind: flag
    phrases: [where practicable]
    severity: info
    message: Hedge.
`;

    it('prints each finding exactly as ::severity file=,line=,col=,endLine=,endColumn=,title=::message', () => {
      const ws = scratch({ 'esc.yaml': ESCAPING_PACK, 'notes/a,b:c.md': 'Intro.\nUse it for any lawful purpose, where practicable.\n' });
      try {
        const run = runCli(['--config', 'esc.yaml', '--format', 'github', 'notes/a,b:c.md'], { cwd: ws });
        assert.strictEqual(run.status, 1, run.stderr);
        assert.strictEqual(
          run.stdout,
          '::error file=notes/a%2Cb%3Ac.md,line=2,col=12,endLine=2,endColumn=30,title=esc/percent::' +
            '50%25 of grants: "any lawful purpose", then%0Asplit, over lines%0D\n' +
            '::notice file=notes/a%2Cb%3Ac.md,line=2,col=32,endLine=2,endColumn=49,title=esc/hedge::Hedge.\n',
        );
      } finally {
        removeScratch(ws);
      }
    });

    it('gives a Word document file-level annotations that start with the paragraph and excerpt', () => {
      const run = runCli(['--format', 'github', 'contract.docx'], { cwd: dir });
      const line = run.stdout.split('\n').find((l) => l.includes('title=recommended/practicable-notice'));
      assert.strictEqual(
        line,
        '::notice file=contract.docx,title=recommended/practicable-notice::¶8 "where practicable": ' +
          'Notice given "where practicable" can always be skipped as impracticable. Make the notice unconditional, with a time limit.',
      );
    });

    it('prints only a notice for the qualified broad grant of a file with no gaps', () => {
      const run = runCli(['--format', 'github', fixture('contracts', 'ai-services-clean.md')], { cwd: dir });
      const lines = run.stdout.split('\n').filter((l) => l !== '');
      assert.strictEqual(lines.length, 1, run.stdout);
      assert.match(lines[0], /^::notice file=.*title=recommended\/broad-use-grant::Broad-use grant, qualified: /);
    });
  });
});
