/** The machine-readable formats: the stable JSON contract, SARIF 2.1.0 and GitHub annotations. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { BROAD, CLEAN, fixture, JsonRange, read, removeScratch, ROOT, runCli, runWithTestPack, scratch, textAt, WEAK } from './helpers';

const SEVERITIES = ['error', 'warning', 'info', 'hint'];
const TEST_PACK_KINDS = ['audit-trigger', 'broad-grant', 'carve-out:autonomous-weapons', 'carve-out:domestic-surveillance'];

function assertPosition(p: unknown, where: string): void {
  assert.ok(p && typeof p === 'object', `${where} is an object`);
  const { line, character } = p as { line: unknown; character: unknown };
  assert.ok(Number.isInteger(line) && (line as number) >= 0, `${where}.line is a 0-based integer`);
  assert.ok(Number.isInteger(character) && (character as number) >= 0, `${where}.character is a 0-based integer`);
}

function assertRange(r: unknown, where: string): asserts r is JsonRange {
  assertPosition((r as JsonRange)?.start, `${where}.start`);
  assertPosition((r as JsonRange)?.end, `${where}.end`);
}

interface JsonFinding {
  ruleId: string;
  severity: string;
  message: string;
  range: JsonRange;
  clauseKind?: string;
  related: { message: string; range: JsonRange }[];
  fixes: { type: string; title: string }[];
  source?: string;
}

describe('clauselint CLI: output formats', () => {
  describe('json', () => {
    const run = () => runWithTestPack(['--format', 'json', BROAD, CLEAN]);

    it('has exactly the documented shape, with 0-based positions', () => {
      const out = run();
      assert.strictEqual(out.status, 1, out.stderr);
      const report = JSON.parse(out.stdout);
      assert.strictEqual(report.version, 1);
      assert.ok(Array.isArray(report.files));
      assert.strictEqual(report.files.length, 2);
      for (const file of report.files) {
        assert.strictEqual(typeof file.path, 'string');
        assert.ok(Array.isArray(file.findings) && Array.isArray(file.coverage));
        for (const f of file.findings as JsonFinding[]) {
          assert.strictEqual(typeof f.ruleId, 'string');
          assert.ok(SEVERITIES.includes(f.severity), f.severity);
          assert.strictEqual(typeof f.message, 'string');
          assertRange(f.range, `${f.ruleId}.range`);
          if (f.clauseKind !== undefined) assert.strictEqual(typeof f.clauseKind, 'string');
          for (const r of f.related) assertRange(r.range, `${f.ruleId}.related`);
          for (const fix of f.fixes) assert.ok(['insert-clause', 'replace', 'suppress'].includes(fix.type) && typeof fix.title === 'string');
        }
        // Every kind of every loaded pack, present or not.
        assert.deepStrictEqual(file.coverage.map((c: { kind: string }) => c.kind).sort(), TEST_PACK_KINDS);
        for (const c of file.coverage) {
          assert.strictEqual(typeof c.present, 'boolean');
          assert.ok(Array.isArray(c.locations));
          assert.strictEqual(c.present, c.locations.length > 0);
          c.locations.forEach((l: unknown, i: number) => assertRange(l, `${c.kind}.locations[${i}]`));
        }
      }
      assert.strictEqual(report.files[0].path, 'test/fixtures/contracts/ai-services-broad.md');
      assert.deepStrictEqual(report.files[1].findings, []);
    });

    it('points ranges at the words in the file, and sets clauseKind', () => {
      const report = JSON.parse(run().stdout);
      const text = read(BROAD);
      const findings = report.files[0].findings as JsonFinding[];
      const grant = findings.find((f) => f.ruleId === 'clitest/broad-use-grant')!;
      assert.deepStrictEqual(grant.range, { start: { line: 10, character: 40 }, end: { line: 10, character: 58 } });
      assert.strictEqual(textAt(text, grant.range), 'any lawful purpose');
      assert.strictEqual(grant.clauseKind, 'broad-grant');
      assert.strictEqual(grant.source, 'Test source 1.2');
      assert.ok(grant.fixes.some((f) => f.type === 'insert-clause'));
      const kinds = Object.fromEntries(findings.map((f) => [f.ruleId, f.clauseKind]));
      assert.strictEqual(kinds['clitest/missing-surveillance-carve-out'], 'carve-out:domestic-surveillance');
      assert.strictEqual(kinds['clitest/missing-weapons-carve-out'], 'carve-out:autonomous-weapons');
      assert.strictEqual(kinds['clitest/missing-audit-trigger'], 'audit-trigger');
      const carveOut = findings.find((f) => f.ruleId === 'clitest/missing-surveillance-carve-out')!;
      assert.ok(carveOut.related.length > 0, 'a missing carve-out points at the grant and the section searched');
    });

    it('reports coverage with locations in the clean contract', () => {
      const report = JSON.parse(run().stdout);
      const text = read(CLEAN);
      const coverage = report.files[1].coverage as { kind: string; present: boolean; locations: JsonRange[] }[];
      for (const c of coverage) assert.ok(c.present, c.kind);
      const trigger = coverage.find((c) => c.kind === 'audit-trigger')!;
      assert.match(textAt(text, trigger.locations[0]), /^Before any new deployment .* shall be logged\.$/);
      const broad = JSON.parse(run().stdout).files[0].coverage as { kind: string; present: boolean }[];
      assert.deepStrictEqual(broad.filter((c) => c.present).map((c) => c.kind), ['broad-grant']);
    });

    it('gives the coverage summary, which counts the placeholders left to fill instead of saying "no clause gaps"', () => {
      const complete = read(fixture('contracts', 'ai-terms-complete.md'));
      const summaryOf = (text: string) => {
        const file = JSON.parse(runCli(['--format', 'json', '--stdin-filename', 'terms.md'], { input: text }).stdout).files[0];
        return { summary: file.coverageSummary as string, open: file.coverage.find((c: { kind: string }) => c.kind === 'unfilled-placeholder')?.open };
      };
      assert.deepStrictEqual(summaryOf(complete), { summary: 'no clause gaps · 7 of 13 clause kinds found', open: 0 });
      const draft = complete.replace('the Agency shall pause', '[the Customer] shall pause').replace('its Chief AI Officer', '[designated official]');
      assert.deepStrictEqual(summaryOf(draft), { summary: '2 placeholders to fill · 7 of 13 clause kinds found', open: 2 });
    });

    it('lists suppressions with their reason and approver (the exceptions log)', () => {
      const waived = read(BROAD).replace(
        'The Government may use the Services for any lawful purpose.',
        '<!-- clauselint-disable-next-line clitest/broad-use-grant -- reason: grant approved by counsel; approved-by: J. Doe -->\n' +
          'The Government may use the Services for any lawful purpose.',
      );
      const out = runWithTestPack(['--format', 'json', '--stdin-filename', 'waived.md'], { input: waived });
      const file = JSON.parse(out.stdout).files[0];
      assert.ok(!(file.findings as JsonFinding[]).some((f) => f.ruleId === 'clitest/broad-use-grant'));
      assert.strictEqual(file.suppressed.length, 1);
      const [entry] = file.suppressed;
      assert.strictEqual(entry.ruleId, 'clitest/broad-use-grant');
      assert.strictEqual(entry.reason, 'grant approved by counsel');
      assert.strictEqual(entry.approvedBy, 'J. Doe');
      assert.strictEqual(textAt(waived, entry.range), 'any lawful purpose');
      const text = runWithTestPack(['--stdin-filename', 'waived.md'], { input: waived });
      assert.match(text.stdout, /1 finding suppressed with a reason/);
    });

    it('counts characters in UTF-16 code units and ignores a byte-order mark', () => {
      const line = 'The 🤖 Government may use the AI services for any lawful purpose.';
      const dir = scratch({ 'bom.md': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(line + '\n')]) });
      try {
        for (const args of [[path.join(dir, 'bom.md')], ['--stdin-filename', 'emoji.md', '-']]) {
          const out = runWithTestPack(['--format', 'json', ...args], { input: line });
          const grant = (JSON.parse(out.stdout).files[0].findings as JsonFinding[]).find((f) => f.ruleId === 'clitest/broad-use-grant')!;
          assert.strictEqual(grant.range.start.character, line.indexOf('any lawful purpose'));
          assert.strictEqual(textAt(line, grant.range), 'any lawful purpose');
        }
      } finally {
        removeScratch(dir);
      }
    });
  });

  describe('sarif', () => {
    const sarifOf = (args: string[]) => {
      const out = runWithTestPack(['--format', 'sarif', ...args]);
      assert.ok(out.status === 0 || out.status === 1, out.stderr);
      return JSON.parse(out.stdout);
    };

    it('is a SARIF 2.1.0 log with one run and every rule described', () => {
      const sarif = sarifOf([BROAD]);
      assert.strictEqual(sarif.version, '2.1.0');
      assert.match(sarif.$schema, /sarif-2\.1\.0/);
      assert.strictEqual(sarif.runs.length, 1);
      const { driver } = sarif.runs[0].tool;
      const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
      assert.strictEqual(driver.name, 'ClauseLint');
      assert.strictEqual(driver.version, pkg.version);
      assert.match(driver.informationUri, /^https:\/\//);
      const ids = driver.rules.map((r: { id: string }) => r.id);
      for (const id of ['broad-use-grant', 'missing-surveillance-carve-out', 'missing-weapons-carve-out', 'missing-audit-trigger', 'discretionary-audit', 'practicable-notice']) {
        assert.ok(ids.includes(`clitest/${id}`), id);
      }
      const grant = driver.rules.find((r: { id: string }) => r.id === 'clitest/broad-use-grant');
      assert.match(grant.shortDescription.text, /any lawful purpose/);
      assert.match(grant.fullDescription.text, /any lawful purpose/);
      assert.match(grant.help.text, /Test source 1\.2/);
      assert.strictEqual(grant.properties.source, 'Test source 1.2');
      assert.strictEqual(sarif.runs[0].columnKind, 'utf16CodeUnits');
    });

    it('gives results with rule index, level and 1-based regions relative to %SRCROOT%', () => {
      const sarif = sarifOf([BROAD, WEAK]);
      const { results, tool } = sarif.runs[0];
      assert.strictEqual(results.length, 6);
      for (const r of results) {
        assert.strictEqual(tool.driver.rules[r.ruleIndex].id, r.ruleId);
        assert.ok(['error', 'warning', 'note'].includes(r.level));
        assert.strictEqual(typeof r.message.text, 'string');
        assert.strictEqual(r.locations[0].physicalLocation.artifactLocation.uriBaseId, '%SRCROOT%');
      }
      const grant = results.find((r: { ruleId: string }) => r.ruleId === 'clitest/broad-use-grant');
      assert.strictEqual(grant.level, 'warning');
      assert.deepStrictEqual(grant.locations[0].physicalLocation, {
        artifactLocation: { uri: 'test/fixtures/contracts/ai-services-broad.md', uriBaseId: '%SRCROOT%' },
        region: { startLine: 11, startColumn: 41, endLine: 11, endColumn: 59 },
      });
      const levels = Object.fromEntries(results.map((r: { ruleId: string; level: string }) => [r.ruleId, r.level]));
      assert.strictEqual(levels['clitest/missing-weapons-carve-out'], 'error');
      assert.strictEqual(levels['clitest/discretionary-audit'], 'note'); // info
      assert.strictEqual(levels['clitest/practicable-notice'], 'note'); // hint
      const carveOut = results.find((r: { ruleId: string }) => r.ruleId === 'clitest/missing-surveillance-carve-out');
      assert.ok(carveOut.relatedLocations.length > 0);
      assert.strictEqual(typeof carveOut.relatedLocations[0].message.text, 'string');
    });
  });

  describe('github', () => {
    it('prints one workflow command per finding', () => {
      const out = runWithTestPack(['--format', 'github', BROAD, WEAK]);
      assert.strictEqual(out.status, 1);
      const lines = out.stdout.trimEnd().split('\n');
      assert.strictEqual(lines.length, 6);
      for (const line of lines) {
        assert.match(line, /^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[^,:]+::\S/);
      }
      assert.ok(lines.includes(
        '::warning file=test/fixtures/contracts/ai-services-broad.md,line=11,col=41,endLine=11,endColumn=59,' +
          'title=clitest/broad-use-grant::Broad-use grant "any lawful purpose": list the uses that are excluded.',
      ));
      assert.ok(lines.some((l) => l.startsWith('::error ') && l.includes('title=clitest/missing-weapons-carve-out::')));
      assert.ok(lines.some((l) => l.startsWith('::notice ') && l.includes('title=clitest/practicable-notice::')));
    });

    it('escapes commas and colons in the file property', () => {
      const dir = scratch({ 'a,b:c.md': read(BROAD) });
      try {
        const out = runWithTestPack(['--format', 'github', 'a,b:c.md'], { cwd: dir });
        assert.match(out.stdout, /^::warning file=a%2Cb%3Ac\.md,line=11,/m);
      } finally {
        removeScratch(dir);
      }
    });
  });
});
