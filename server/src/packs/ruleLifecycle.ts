/**
 * Rules that change between pack versions. A rule marked `deprecated` still
 * runs, and the CLI warns when a config enables it. A rule id declared
 * `{ replacedBy: other }` is an alias: it never runs, and a setting that names
 * it applies to its replacement (with a located warning asking for the rename).
 */
import { RuleSpec } from '../engine/types';
import { PackContent } from './packFile';

export interface ReplacedRule {
  /** Qualified id of the old rule: "<pack>/<name>". */
  id: string;
  name: string;
  /** Qualified id of the rule that replaces it. */
  replacedBy: string;
  deprecated?: string;
  pack: PackContent;
}

export function qualify(packId: string, ruleRef: string): string {
  return ruleRef.includes('/') ? ruleRef : `${packId}/${ruleRef}`;
}

/** The replaced entry a settings key names (qualified id, or a bare name that only one entry has). */
export function replacedEntry(key: string, replaced: Map<string, ReplacedRule>): ReplacedRule | undefined {
  if (key.includes('/')) return replaced.get(key);
  const byName = [...replaced.values()].filter((r) => r.name === key);
  return byName.length === 1 ? byName[0] : undefined;
}

/** Follow replacements (a rule renamed twice) to the rule that runs now, if it is loaded. */
export function currentRule(entry: ReplacedRule, replaced: Map<string, ReplacedRule>, rules: RuleSpec[]): RuleSpec | undefined {
  const seen = new Set<string>();
  let id = entry.replacedBy;
  while (!seen.has(id)) {
    seen.add(id);
    const rule = rules.find((r) => r.id === id);
    if (rule) return rule;
    const next = replaced.get(id);
    if (!next) return undefined;
    id = next.replacedBy;
  }
  return undefined;
}

export function describeReplacement(key: string, entry: ReplacedRule, target: RuleSpec): string {
  const why = entry.deprecated ? ` (${entry.deprecated})` : '';
  return `"${key}" was replaced by ${target.id}${why}: this setting now applies to ${target.id}; rename it here`;
}

/** One warning line per enabled deprecated rule, for the CLI to print once per run. */
export function deprecationWarning(rule: RuleSpec): string {
  return `rule ${rule.id} is deprecated: ${rule.deprecated}. It still runs; turn it off ("${rule.id}: off" under rules: in .clauselint.yaml) or follow the pack's advice`;
}
