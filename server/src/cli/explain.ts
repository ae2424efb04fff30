/**
 * `clauselint explain <rule-id>`: a rule's documentation, source, fix and
 * examples. Looks in every built-in pack, in the config that governs the
 * current folder, and in --config / --pack. A bare rule name is accepted when
 * only one pack has it; a replaced id shows its replacement; an unknown id
 * gets the closest ids as suggestions.
 */
import * as path from 'path';
import { engineRule } from '../engine/engineRules';
import { engineRuleFacts, ruleFacts } from '../engine/ruleDocs/ruleFacts';
import { textOf } from '../engine/ruleDocs/text';
import { RuleSet, RuleSpec } from '../engine/types';
import { builtinPackNames, builtinPackPath } from '../packs/builtin';
import { MergedConfig, mergePacks } from '../packs/merge';
import { loadPackTree } from '../packs/resolve';
import { currentRule, ReplacedRule, replacedEntry } from '../packs/ruleLifecycle';
import { ExplainCommand } from './args';
import { CliError, EXIT_CLEAN } from './cliError';
import { palette, shouldUseColor } from '../io/color';
import { Io } from './io';
import { shownPath } from '../io/shownPath';
import { formatConfigProblem } from '../packs/packSpecs';
import { createLoader } from './runConfig';

interface KnownRule {
  rule: RuleSpec;
  ruleSet: RuleSet;
}

interface KnownRules {
  rules: KnownRule[];
  /** Old rule ids that now mean another rule. */
  replaced: Map<string, ReplacedRule>;
}

function collectRules(cmd: ExplainCommand, io: Io): KnownRules {
  const known = new Map<string, KnownRule>();
  const replaced = new Map<string, ReplacedRule>();
  const add = (merged: MergedConfig) => {
    for (const rule of merged.compiled.ruleSet.rules) if (!known.has(rule.id)) known.set(rule.id, { rule, ruleSet: merged.compiled.ruleSet });
    for (const [id, entry] of merged.replaced) if (!replaced.has(id)) replaced.set(id, entry);
  };
  for (const name of builtinPackNames()) {
    const file = builtinPackPath(name);
    if (file) add(mergePacks(loadPackTree(file).packs));
  }
  const config = createLoader(cmd, io).configFor(path.join(io.cwd, 'explain.md'));
  // A rule may be missing because its pack could not load (or may not be read): say why.
  for (const e of config.errors) io.stderr(formatConfigProblem(e, io.cwd) + '\n');
  add(config.merged);
  return { rules: [...known.values()], replaced };
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length];
}

export function suggestions(query: string, ids: string[]): string[] {
  const q = query.toLowerCase();
  const bare = q.slice(q.indexOf('/') + 1);
  return ids
    .map((id) => {
      const name = id.slice(id.indexOf('/') + 1);
      const contains = name.includes(bare) || (bare.length >= 4 && bare.includes(name));
      // The same pack counts a little more than the same name in another pack.
      return { id, score: contains ? 0 : Math.min(editDistance(q, id), editDistance(bare, name) + 1) };
    })
    .filter((s) => s.score <= Math.max(3, Math.floor(bare.length / 3)))
    .sort((a, b) => a.score - b.score || a.id.localeCompare(b.id))
    .slice(0, 3)
    .map((s) => s.id);
}

function find(query: string, { rules, replaced }: KnownRules): KnownRule {
  const exact = rules.find((k) => k.rule.id === query);
  if (exact) return exact;
  const alias = replacedEntry(query, replaced);
  const current = alias && currentRule(alias, replaced, rules.map((k) => k.rule));
  if (current) return rules.find((k) => k.rule === current)!;
  const byName = rules.filter((k) => k.rule.name === query);
  if (byName.length === 1) return byName[0];
  if (byName.length > 1) throw new CliError(`"${query}" is a rule of several packs: ${byName.map((k) => k.rule.id).join(', ')}; give the full id`);
  const close = suggestions(query, rules.map((k) => k.rule.id));
  const hint = close.length > 0 ? `. Did you mean ${close.join(', ')}?` : '. Run clauselint test-rules to list the built-in rules.';
  throw new CliError(`unknown rule "${query}"${hint}`);
}

export function runExplain(cmd: ExplainCommand, io: Io): number {
  const p = palette(shouldUseColor(cmd.color, io.stdoutIsTty, io.env));
  const shownFile = (file: string) => shownPath(file, io.cwd);
  const builtin = engineRule(cmd.ruleId);
  if (builtin) {
    io.stdout(textOf(engineRuleFacts(builtin), p, shownFile));
    return EXIT_CLEAN;
  }
  const known = collectRules(cmd, io);
  const found = find(cmd.ruleId, known);
  const alias = found.rule.id === cmd.ruleId ? undefined : replacedEntry(cmd.ruleId, known.replaced);
  if (alias) io.stdout(`${p.yellow(`${alias.id} was replaced by ${found.rule.id}${alias.deprecated ? ` (${alias.deprecated})` : ''}.`)}\n\n`);
  io.stdout(textOf(ruleFacts(found.rule, found.ruleSet), p, shownFile));
  return EXIT_CLEAN;
}
