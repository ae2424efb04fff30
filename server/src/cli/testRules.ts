/**
 * `clauselint test-rules [pack...]`: every rule defined in a pack must report
 * on each of its `examples.fire` texts and stay silent on each `examples.pass`
 * text. Examples run with the rule alone and its `when` condition ignored, so
 * a short example need not look like a whole contract.
 */
import * as path from 'path';
import { parseDocument } from '../document/contractDocument';
import { CompiledRuleSet } from '../engine/lint';
import { checkFireExample, checkPassExample } from '../engine/ruleExamples';
import { Finding, RuleSpec } from '../engine/types';
import { BUILTIN_PREFIX, builtinPackNames } from '../packs/builtin';
import { mergePacks } from '../packs/merge';
import { PackPolicy } from '../packs/readScope';
import { loadPackTree, resolveNamedPack } from '../packs/resolve';
import { TestRulesCommand } from './args';
import { EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE } from './cliError';
import { palette, Palette, shouldUseColor } from '../io/color';
import { Io } from './io';
import { shownPath } from '../io/shownPath';
import { formatConfigProblem, normalisePackSpec } from '../packs/packSpecs';
import { projectPackPolicy } from '../packs/readPolicy';

interface ExampleFailure {
  expectation: 'fire' | 'pass';
  index: number;
  text: string;
  problem: string;
  findings: Finding[];
}

function testRule(rule: RuleSpec, compiled: CompiledRuleSet): ExampleFailure[] {
  const failures: ExampleFailure[] = [];
  rule.examples.fire.forEach((text, index) => {
    const { findings, problem } = checkFireExample(rule, compiled, text, rule.examples.fireMatches[index]);
    if (problem) failures.push({ expectation: 'fire', index, text, problem, findings });
  });
  rule.examples.pass.forEach((text, index) => {
    const { findings, problem } = checkPassExample(rule, compiled, text);
    if (problem) failures.push({ expectation: 'pass', index, text, problem, findings });
  });
  return failures;
}

function quoteBlock(text: string, indent: string): string {
  const lines = text.replace(/\s+$/, '').split(/\r\n|\n|\r/);
  const shown = lines.slice(0, 8).map((l) => `${indent}| ${l}`);
  if (lines.length > 8) shown.push(`${indent}| … (${lines.length - 8} more lines)`);
  return shown.join('\n');
}

function describeFailure(f: ExampleFailure, p: Palette): string {
  const head = `${f.expectation} example ${f.index + 1} ${f.problem}:`;
  const out = [`      ${p.red(head)}`, quoteBlock(f.text, '        ')];
  for (const finding of f.findings) {
    const doc = parseDocument(f.text, 'example.md');
    const { line, character } = doc.lines.positionAt(finding.span.start);
    const words = f.text.slice(finding.span.start, finding.span.end).replace(/\s+/g, ' ');
    out.push(`        → ${line + 1}:${character + 1} ${words ? `"${words}" ` : ''}${p.gray(finding.ruleId)}: ${finding.message}`);
  }
  return out.join('\n');
}

interface Totals {
  rules: number;
  failed: number;
  examples: number;
}

/** Test one pack; returns whether it loaded without errors. */
function testPack(spec: string, policy: PackPolicy, io: Io, p: Palette, totals: Totals): boolean {
  const normalised = normalisePackSpec(spec, io.cwd);
  const { file, error, scope } = resolveNamedPack(normalised, io.cwd, policy);
  if (!file) {
    io.stderr(`clauselint: cannot load pack ${spec}: ${error}\n`);
    return false;
  }
  const packFile = path.resolve(file);
  const tree = loadPackTree(packFile, scope);
  const merged = mergePacks(tree.packs);
  const errors = [...tree.errors, ...merged.errors];
  for (const e of errors) io.stderr(formatConfigProblem(e, io.cwd) + '\n');
  const rules = merged.compiled.ruleSet.rules.filter((r) => r.location && path.resolve(r.location.file) === packFile);
  const shown = shownPath(packFile, io.cwd);
  io.stdout(spec === shown ? `${p.bold(shown)}\n` : `${p.bold(spec)}  ${p.gray(shown)}\n`);
  if (rules.length === 0) io.stdout(`  ${p.yellow('!')} ${errors.length > 0 ? 'no rules loaded (see the errors above)' : 'no rules are defined in this pack'}\n`);
  for (const rule of rules) {
    const counts = `(${rule.examples.fire.length} fire, ${rule.examples.pass.length} pass)`;
    const failures = testRule(rule, merged.compiled);
    totals.rules++;
    totals.examples += rule.examples.fire.length + rule.examples.pass.length;
    if (failures.length > 0) {
      totals.failed++;
      io.stdout(`  ${p.red('✗')} ${rule.id}  ${p.gray(counts)}\n`);
      for (const f of failures) io.stdout(describeFailure(f, p) + '\n');
    } else {
      io.stdout(`  ${p.green('✓')} ${rule.id}  ${p.gray(counts)}\n`);
    }
    const missing = (['fire', 'pass'] as const).filter((k) => rule.examples[k].length === 0);
    if (missing.length > 0) io.stdout(`      ${p.yellow(`! no ${missing.join(' or ')} examples: add some so this rule is tested`)}\n`);
  }
  return !errors.some((e) => e.severity === 'error');
}

export function runTestRules(cmd: TestRulesCommand, io: Io): number {
  const p = palette(shouldUseColor(cmd.color, io.stdoutIsTty, io.env));
  const specs = cmd.packs.length > 0 ? cmd.packs : builtinPackNames().map((n) => BUILTIN_PREFIX + n);
  const totals: Totals = { rules: 0, failed: 0, examples: 0 };
  const policy = projectPackPolicy(cmd.packRoots, io.cwd);
  let loaded = true;
  specs.forEach((spec, i) => {
    if (i > 0) io.stdout('\n');
    if (!testPack(spec, policy, io, p, totals)) loaded = false;
  });
  const passed = totals.rules - totals.failed;
  const summary = `${totals.rules} rule${totals.rules === 1 ? '' : 's'}: ${passed} passed, ${totals.failed} failed (${totals.examples} examples)`;
  io.stdout(`\n${totals.failed > 0 ? p.red(summary) : p.green(summary)}\n`);
  if (!loaded) {
    io.stderr('clauselint: a pack has errors (listed above)\n');
    return EXIT_USAGE;
  }
  return totals.failed > 0 ? EXIT_FINDINGS : EXIT_CLEAN;
}
