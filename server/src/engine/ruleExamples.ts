/**
 * A rule's own examples, run as `clauselint test-rules` and the pack tests run
 * them: each text alone, with only that rule and its `when` condition ignored,
 * so a short example need not look like a whole contract. A `fire` example
 * passes only when a finding of its own rule is reported, and, when it names
 * the phrase it must fire on (`match`), only when such a finding covers it.
 */
import { parseDocument } from '../document/contractDocument';
import { CompiledRuleSet, INTERNAL_ERROR_RULE_ID, lintDocument } from './lint';
import { Finding, RuleSpec } from './types';

/** The findings of `rule` (and any internal error) on `text`. */
export function runExample(rule: RuleSpec, compiled: CompiledRuleSet, text: string): Finding[] {
  const doc = parseDocument(text, 'example.md');
  const { findings } = lintDocument(doc, compiled, { ignoreConditions: true, only: new Set([rule.id]) });
  return findings.filter((f) => f.ruleId === rule.id || f.ruleId === INTERNAL_ERROR_RULE_ID);
}

/** Case and runs of white space do not count when a finding's words are compared with a `match`. */
function comparable(words: string): string {
  return words.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Whether `finding` covers `match`: its range's words contain (or are) the phrase. */
export function findingCovers(text: string, finding: Finding, match: string): boolean {
  return comparable(text.slice(finding.span.start, finding.span.end)).includes(comparable(match));
}

export interface ExampleOutcome {
  findings: Finding[];
  /** Why the example fails, or undefined when it passes. */
  problem?: string;
}

/** A fire example: a finding of `rule` must be reported, covering `match` when it is given. */
export function checkFireExample(rule: RuleSpec, compiled: CompiledRuleSet, text: string, match?: string): ExampleOutcome {
  const findings = runExample(rule, compiled, text);
  const own = findings.filter((f) => f.ruleId === rule.id);
  if (own.length === 0) return { findings, problem: 'reported nothing, but should report this rule' };
  if (match !== undefined && !own.some((f) => findingCovers(text, f, match))) {
    return { findings, problem: `reported this rule, but no finding covers "${comparable(match)}"` };
  }
  return { findings };
}

/** A pass example: nothing may be reported. */
export function checkPassExample(rule: RuleSpec, compiled: CompiledRuleSet, text: string): ExampleOutcome {
  const findings = runExample(rule, compiled, text);
  if (findings.length === 0) return { findings };
  return { findings, problem: `reported ${findings.length} finding${findings.length === 1 ? '' : 's'}, but should report none` };
}
