/** The table from a rule's `kind:` to its implementation (as Vale maps `extends:` to a check). */
import { RuleSpec } from '../types';
import { conditionalRule } from './conditional';
import { definitionRule } from './definition';
import { escalationPathRule } from './escalationPath';
import { flagRule } from './flag';
import { requireRule } from './require';
import { RuleKind } from './ruleKind';

const KINDS: RuleKind[] = [flagRule, requireRule, conditionalRule, definitionRule, escalationPathRule];

export const RULE_KINDS: ReadonlyMap<string, RuleKind> = new Map(KINDS.map((k) => [k.kind, k]));

/**
 * Decode each rule's options with its kind, once, when the rule set is built
 * (packs/merge.ts, after the references are checked): rules then run on
 * `kindOptions` and never read the raw `options` again.
 */
export function decodeRuleOptions(rules: RuleSpec[]): void {
  for (const rule of rules) rule.kindOptions = RULE_KINDS.get(rule.kind)?.decode(rule);
}
