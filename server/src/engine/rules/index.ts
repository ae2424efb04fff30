/** The table from a rule's `kind:` to its implementation (as Vale maps `extends:` to a check). */
import { conditionalRule } from './conditional';
import { definitionRule } from './definition';
import { escalationPathRule } from './escalationPath';
import { flagRule } from './flag';
import { requireRule } from './require';
import { RuleKind } from './ruleKind';

export const RULE_KINDS: ReadonlyMap<string, RuleKind> = new Map(
  [flagRule, requireRule, conditionalRule, definitionRule, escalationPathRule].map((k) => [k.kind, k]),
);
