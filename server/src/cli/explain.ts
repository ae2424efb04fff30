/**
 * `clauselint explain <rule-id>`: a rule's documentation, source, fix and
 * examples. Looks in every built-in pack, in the config that governs the
 * current folder, and in --config / --pack. A bare rule name is accepted when
 * only one pack has it; a replaced id shows its replacement; an unknown id
 * gets the closest ids as suggestions.
 */
import * as path from 'path';
import { RuleSet, RuleSpec } from '../engine/types';
import { builtinPackNames, builtinPackPath } from '../packs/builtin';
import { MergedConfig, mergePacks } from '../packs/merge';
import { loadPackTree } from '../packs/resolve';
import { currentRule, ReplacedRule, replacedEntry } from '../packs/ruleLifecycle';
import { ExplainCommand } from './args';
import { CliError, EXIT_CLEAN } from './cliError';
import { palette, Palette, shouldUseColor } from '../io/color';
import { engineRule } from '../engine/engineRules';
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

function indent(text: string, by: string): string {
  return text.trim().split(/\r?\n/).map((l) => (l ? by + l : l)).join('\n');
}

function bullet(text: string): string {
  return text.trim().split(/\r?\n/).map((l, i) => (i === 0 ? '  - ' : '    ') + l).join('\n');
}

function describe({ rule, ruleSet }: KnownRule, cwd: string, p: Palette): string {
  const rows: [string, string | undefined][] = [
    ['pack', `${rule.pack}${rule.location ? `  (${shownPath(rule.location.file, cwd)}:${rule.location.line})` : ''}`],
    ['kind', rule.kind],
    ['severity', rule.enabled ? rule.severity : `${rule.severity} (turned off by the config)`],
    ['clause kind', rule.clauseKind ? `${rule.clauseKind}${ruleSet.kinds.get(rule.clauseKind) ? ` (${ruleSet.kinds.get(rule.clauseKind)!.title})` : ''}` : undefined],
    ['applies', rule.when && rule.when !== 'always' ? `only when ${rule.when}: ${ruleSet.conditions.get(rule.when)?.description || 'see the pack'}` : 'to every document'],
    ['message', rule.message],
    ['source', rule.source],
    ['docs url', rule.docsUrl],
    ['fix', fixDescription(rule, ruleSet)],
    ['deprecated', rule.deprecated],
  ];
  const out = [p.bold(rule.id)];
  for (const [label, value] of rows) if (value) out.push(`  ${p.gray(label.padEnd(13))}${value}`);
  if (rule.docs.trim()) out.push('', indent(rule.docs, '  '));
  for (const [title, list] of [['Reports on (examples.fire):', rule.examples.fire], ['Stays silent on (examples.pass):', rule.examples.pass]] as const) {
    if (list.length === 0) continue;
    out.push('', `  ${p.bold(title)}`);
    for (const text of list) out.push(bullet(text));
  }
  return out.join('\n') + '\n';
}

function fixDescription(rule: RuleSpec, ruleSet: RuleSet): string | undefined {
  const parts = rule.fix.clauses.map((id) => `insert clause "${ruleSet.clauses.get(id)?.title ?? id}" (${id})`);
  if (rule.fix.replace !== undefined) parts.push(`replace the words with "${rule.fix.replace}"`);
  return parts.length > 0 ? parts.join('; ') : undefined;
}

export function runExplain(cmd: ExplainCommand, io: Io): number {
  const p = palette(shouldUseColor(cmd.color, io.stdoutIsTty, io.env));
  const builtin = engineRule(cmd.ruleId);
  if (builtin) {
    io.stdout(`${p.bold(builtin.id)}\n  ${p.gray('pack'.padEnd(13))}clauselint (reported by the engine itself)\n  ${p.gray('severity'.padEnd(13))}${builtin.severity}\n\n${indent(builtin.description, '  ')}\n`);
    return EXIT_CLEAN;
  }
  const known = collectRules(cmd, io);
  const found = find(cmd.ruleId, known);
  const alias = found.rule.id === cmd.ruleId ? undefined : replacedEntry(cmd.ruleId, known.replaced);
  if (alias) io.stdout(`${p.yellow(`${alias.id} was replaced by ${found.rule.id}${alias.deprecated ? ` (${alias.deprecated})` : ''}.`)}\n\n`);
  io.stdout(describe(found, io.cwd, p));
  return EXIT_CLEAN;
}
