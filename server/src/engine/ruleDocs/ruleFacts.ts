/**
 * What the documentation of a rule says, gathered in one place: from its pack
 * entry and its kind's own description (RuleKind.describe), or for a finding
 * the engine reports itself, from engineRules.ts. The renderers (markdown.ts
 * for docs pages and the editor, text.ts for `clauselint explain`) only lay
 * these facts out.
 */
import { EngineRule } from '../engineRules';
import { RULE_KINDS } from '../rules';
import { RuleExamples, RuleSet, RuleSpec, SourceLocation } from '../types';

export interface RuleFacts {
  id: string;
  pack: string;
  /** Reported by the engine itself (engineRules.ts), not by a pack. */
  engine: boolean;
  location?: SourceLocation;
  kind?: string;
  /** What a rule of its kind checks, in one sentence ('' when the kind leaves it to the docs). */
  what: string;
  severity: string;
  enabled: boolean;
  /** Its clause kind, with the kind's title when the rule set has it. */
  clauseKind?: { id: string; title?: string };
  /** Its `when` condition; `description` is undefined when the rule set has no such condition. */
  when?: { id: string; description?: string };
  message?: string;
  source?: string;
  docsUrl?: string;
  /** Clauses its fix inserts, with their titles when the rule set has them. */
  insertsClauses: { id: string; title?: string }[];
  /** Replacement for the flagged words. */
  replaceWith?: string;
  deprecated?: string;
  docs: string;
  examples?: RuleExamples;
}

function whatItChecks(rule: RuleSpec, ruleSet: RuleSet): string {
  const kind = RULE_KINDS.get(rule.kind);
  return kind ? kind.describe(rule, rule.kindOptions ?? kind.decode(rule), ruleSet) : '';
}

export function ruleFacts(rule: RuleSpec, ruleSet: RuleSet): RuleFacts {
  return {
    id: rule.id,
    pack: rule.pack,
    engine: false,
    location: rule.location,
    kind: rule.kind,
    what: whatItChecks(rule, ruleSet),
    severity: rule.severity,
    enabled: rule.enabled,
    clauseKind: rule.clauseKind ? { id: rule.clauseKind, title: ruleSet.kinds.get(rule.clauseKind)?.title } : undefined,
    when: rule.when ? { id: rule.when, description: ruleSet.conditions.get(rule.when)?.description } : undefined,
    message: rule.message,
    source: rule.source,
    docsUrl: rule.docsUrl,
    insertsClauses: rule.fix.clauses.map((id) => ({ id, title: ruleSet.clauses.get(id)?.title })),
    replaceWith: rule.fix.replace,
    deprecated: rule.deprecated,
    docs: rule.docs,
    examples: rule.examples,
  };
}

export function engineRuleFacts(rule: EngineRule): RuleFacts {
  return { id: rule.id, pack: 'clauselint', engine: true, what: '', severity: rule.severity, enabled: true, insertsClauses: [], docs: rule.description };
}
