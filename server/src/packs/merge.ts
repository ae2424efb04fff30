/**
 * Merge loaded packs (in extends order) into one compiled rule set. Later packs
 * replace term sets, kinds, conditions and clauses of the same id, and may
 * change the severity of (or turn off) rules of earlier packs. Anything that
 * refers to a missing id, and any pattern that fails the linear-time check, is
 * dropped with a located error; everything else keeps working. A rule id a
 * pack declares `replacedBy` another stops running, and settings that name it
 * move to the replacement (see ruleLifecycle.ts).
 */
import * as path from 'path';
import { compileRuleSet, CompiledRuleSet } from '../engine/lint';
import { TermSetSpec } from '../engine/match/scanner';
import { decodeRuleOptions, RULE_KINDS } from '../engine/rules';
import { ClauseKindSpec, ClauseSnippet, conditionItems, ConditionSpec, RuleSet, RuleSpec, Severity } from '../engine/types';
import { builtinDocsWebBase, isBuiltinPack } from './builtin';
import { PackError } from './errors';
import { PackContent, RawRule, SeverityOrOff, termSetFrom } from './packFile';
import { currentRule, describeReplacement, qualify, replacedEntry, ReplacedRule } from './ruleLifecycle';
import { errorAt, locate, PathSegment } from './yamlSource';

/** Fields every rule has; the rest are options of its kind. */
const COMMON_FIELDS = new Set(['kind', 'severity', 'message', 'docs', 'source', 'clauseKind', 'when', 'otherwise', 'fix', 'examples', 'deprecated', 'phrases', 'patterns', 'except']);

export interface GlobOverride {
  baseDir: string;
  files: string[];
  rules: Map<string, SeverityOrOff>;
}

export interface MergedConfig {
  compiled: CompiledRuleSet;
  errors: PackError[];
  overrides: GlobOverride[];
  /** `ignores` of every pack, in load order (extended packs first): gitignore patterns relative to the config's folder. */
  ignores: string[];
  /** Rule ids that are aliases of another rule, by qualified id. */
  replaced: Map<string, ReplacedRule>;
}

interface Origin<T> {
  value: T;
  pack: PackContent;
  path: PathSegment[];
}

/** A web page: from the pack's docsBase, or for a built-in pack its docs page in ClauseLint's repository. */
function docsUrlFor(pack: PackContent, name: string): string | undefined {
  if (pack.docsBase && /^https?:\/\//i.test(pack.docsBase)) return pack.docsBase + name;
  if (isBuiltinPack(pack.file)) {
    const base = builtinDocsWebBase();
    return base ? `${base}${pack.id}/${name}.md` : undefined;
  }
  return undefined;
}

export function mergePacks(packs: PackContent[]): MergedConfig {
  const errors: PackError[] = [];
  const terms = new Map<string, Origin<TermSetSpec>>();
  const kinds = new Map<string, Origin<ClauseKindSpec>>();
  const conditions = new Map<string, Origin<ConditionSpec>>();
  const clauses = new Map<string, Origin<ClauseSnippet>>();
  const rules: { spec: RuleSpec; pack: PackContent; name: string }[] = [];
  const overrides: GlobOverride[] = [];
  const ignores: string[] = [];
  const replaced = new Map<string, ReplacedRule>();

  for (const pack of packs) {
    for (const [id, value] of pack.terms) terms.set(id, { value, pack, path: ['terms', id] });
    for (const [id, k] of pack.kinds) kinds.set(id, { value: { id, pack: pack.id, ...k }, pack, path: ['kinds', id] });
    for (const [id, c] of pack.conditions) conditions.set(id, { value: { id, ...c }, pack, path: ['conditions', id] });
    for (const [id, c] of pack.clauses) clauses.set(id, { value: { id, pack: pack.id, ...c }, pack, path: ['clauses', id] });
    for (const [name, raw] of pack.ruleDefinitions) {
      const spec = ruleSpecFrom(pack, name, raw);
      if (raw.phrases !== undefined || raw.patterns !== undefined) {
        const inline = termSetFrom(`rule:${spec.id}`, raw as Record<string, unknown>);
        terms.set(inline.id, { value: inline, pack, path: ['rules', name] });
        spec.options.terms = inline.id;
      }
      const existing = rules.findIndex((r) => r.spec.id === spec.id);
      if (existing >= 0) rules.splice(existing, 1);
      rules.push({ spec, pack, name });
      replaced.delete(spec.id);
    }
    for (const [name, entry] of pack.ruleReplacements) {
      const id = qualify(pack.id, name);
      const existing = rules.findIndex((r) => r.spec.id === id);
      if (existing >= 0) rules.splice(existing, 1);
      replaced.set(id, { id, name, replacedBy: qualify(pack.id, entry.replacedBy), deprecated: entry.deprecated, pack });
    }
    applySettings(pack, pack.ruleSettings, rules.map((r) => r.spec), ['rules'], errors, replaced);
    for (const o of pack.overrides) overrides.push({ baseDir: path.dirname(pack.file), files: o.files, rules: o.rules });
    ignores.push(...pack.ignores);
  }

  // References between ids, checked once everything is merged.
  const refError = (origin: { pack: PackContent; path: PathSegment[] }, field: PathSegment[], message: string) =>
    errors.push(errorAt(origin.pack.source, [...origin.path, ...field], message));
  for (const [id, k] of kinds) {
    k.value.detect = k.value.detect.filter((d, i) => {
      const missing = [d.terms, ...d.with, ...d.without, ...(d.inSectionTitled ? [d.inSectionTitled] : []), ...(d.near ?? []), ...(d.notPrecededBy ?? [])].find((t) => !terms.has(t));
      if (missing) refError(k, ['detect', i], `kind "${id}" refers to unknown term set "${missing}"`);
      const missingKind = (d.withKinds ?? []).find((w) => !kinds.has(w));
      if (missingKind) refError(k, ['detect', i, 'withKinds'], `kind "${id}" refers to unknown clause kind "${missingKind}"`);
      return !missing && !missingKind;
    });
    for (const [i, e] of (k.value.elements ?? []).entries()) {
      const missingKind = [...e.kinds, ...e.weak].find((w) => !kinds.has(w));
      if (missingKind) refError(k, ['elements', i], `element "${e.id}" of kind "${id}" refers to unknown clause kind "${missingKind}"`);
      if (e.clause !== undefined && !clauses.has(e.clause)) refError(k, ['elements', i, 'clause'], `element "${e.id}" of kind "${id}" refers to unknown clause "${e.clause}"`);
    }
    if (k.value.elements) k.value.elements = k.value.elements.filter((e) => [...e.kinds, ...e.weak].every((w) => kinds.has(w)));
  }
  for (const [id, c] of conditions) {
    for (const t of conditionItems(c.value)) {
      if ('terms' in t && !terms.has(t.terms)) refError(c, [], `condition "${id}" refers to unknown term set "${t.terms}"`);
      if ('kind' in t && !kinds.has(t.kind)) refError(c, [], `condition "${id}" refers to unknown clause kind "${t.kind}"`);
      if ('condition' in t && !conditions.has(t.condition)) refError(c, [], `condition "${id}" refers to unknown condition "${t.condition}"`);
    }
    const cycle = conditionCycle(id, conditions);
    if (cycle) refError(c, [], `condition "${id}" depends on itself (${cycle.join(' -> ')})`);
  }
  for (const [id, c] of [...clauses]) {
    if (!kinds.has(c.value.kind)) {
      refError(c, ['kind'], `clause "${id}" has unknown kind "${c.value.kind}"`);
      clauses.delete(id);
    }
  }
  const valid = rules.filter(({ spec, pack, name }) => {
    const problem = checkRuleReferences(spec, terms, kinds, conditions, clauses);
    if (problem) errors.push(errorAt(pack.source, ['rules', name, ...problem.field], `rule ${spec.id}: ${problem.message}`));
    return !problem;
  });

  checkReplacements(packs, replaced, valid.map((r) => r.spec), errors);
  decodeRuleOptions(valid.map((r) => r.spec));

  const ruleSet: RuleSet = {
    packs: packs.filter((p) => !p.isConfig).map((p) => ({ id: p.id, version: p.version, description: p.description, file: p.file })),
    termSets: [...terms.values()].map((t) => t.value),
    kinds: new Map([...kinds].map(([id, k]) => [id, k.value])),
    conditions: new Map([...conditions].map(([id, c]) => [id, c.value])),
    clauses: new Map([...clauses].map(([id, c]) => [id, c.value])),
    rules: valid.map((r) => r.spec),
  };
  const compiled = compileRuleSet(ruleSet);
  for (const e of compiled.scanner.errors) {
    const origin = terms.get(e.setId);
    if (!origin) continue;
    const field = e.field.split('.');
    const where = [...origin.path, ...field, e.index];
    const { line, column } = locate(origin.pack.source, where, { column: e.column });
    errors.push({ file: origin.pack.file, line, column, severity: 'error', message: `${e.field.replace(/s$/, '')} ${JSON.stringify(itemOf(origin.value, e.field, e.index))} rejected: ${e.message}` });
  }
  return { compiled, errors, overrides, ignores, replaced };
}

/** The chain of conditions by which `id` refers back to itself, if it does. */
function conditionCycle(id: string, conditions: Map<string, { value: ConditionSpec }>): string[] | undefined {
  const walk = (current: string, path: string[]): string[] | undefined => {
    const spec = conditions.get(current)?.value;
    for (const t of spec ? conditionItems(spec) : []) {
      if (!('condition' in t)) continue;
      if (t.condition === id) return [...path, id];
      if (!path.includes(t.condition)) {
        const found = walk(t.condition, [...path, t.condition]);
        if (found) return found;
      }
    }
    return undefined;
  };
  return walk(id, [id]);
}

/** A replacement must lead to a loaded rule; a glob override naming a replaced id is told to rename it. */
function checkReplacements(packs: PackContent[], replaced: Map<string, ReplacedRule>, rules: RuleSpec[], errors: PackError[]): void {
  for (const entry of replaced.values()) {
    if (currentRule(entry, replaced, rules)) continue;
    const message = `rule ${entry.id} is replaced by "${entry.replacedBy}", which is not a loaded rule`;
    errors.push(errorAt(entry.pack.source, ['rules', entry.name, 'replacedBy'], message, { severity: 'warning' }));
  }
  for (const pack of packs) {
    pack.overrides.forEach((o, i) => {
      for (const key of o.rules.keys()) {
        if (rules.some((r) => r.id === key || r.name === key)) continue;
        const entry = replacedEntry(key, replaced);
        const current = entry && currentRule(entry, replaced, rules);
        if (entry && current) errors.push(errorAt(pack.source, ['overrides', i, 'rules'], describeReplacement(key, entry, current), { key, severity: 'warning' }));
      }
    });
  }
}

function itemOf(set: TermSetSpec, field: string, index: number): string {
  const lists: Record<string, string[] | undefined> = { phrases: set.phrases, patterns: set.patterns, 'except.phrases': set.except?.phrases, 'except.patterns': set.except?.patterns };
  return lists[field]?.[index] ?? '';
}

/** A fire example as a pack writes it: the text alone, or the text and the phrase it must fire on. */
type FireExample = string | { text: string; match?: string };

function ruleSpecFrom(pack: PackContent, name: string, raw: RawRule): RuleSpec {
  // fromEntries defines own properties: a `__proto__` entry could never become the prototype.
  const options: Record<string, unknown> = Object.fromEntries(Object.entries(raw).filter(([k]) => !COMMON_FIELDS.has(k)));
  const fix = (raw.fix ?? {}) as { clauses?: string[]; replace?: string };
  const examples = (raw.examples ?? { fire: [], pass: [] }) as { fire?: FireExample[]; pass?: string[] };
  const { line, column } = pack.ruleLocations.get(name) ?? locate(pack.source, ['rules'], { key: name });
  return {
    id: `${pack.id}/${name}`,
    name,
    pack: pack.id,
    kind: raw.kind,
    severity: (raw.severity as Severity) ?? 'warning',
    enabled: true,
    message: raw.message,
    docs: String(raw.docs ?? ''),
    source: raw.source as string | undefined,
    docsUrl: docsUrlFor(pack, name),
    clauseKind: raw.clauseKind as string | undefined,
    when: raw.when as string | undefined,
    otherwise: raw.otherwise as Severity | undefined,
    fix: { clauses: fix.clauses ?? [], replace: fix.replace },
    examples: {
      fire: (examples.fire ?? []).map((e) => (typeof e === 'object' && e !== null ? e.text : e)),
      pass: examples.pass ?? [],
      fireMatches: (examples.fire ?? []).map((e) => (typeof e === 'object' && e !== null ? e.match : undefined)),
    },
    options,
    location: { file: pack.file, line, column },
    deprecated: raw.deprecated as string | undefined,
  };
}

/**
 * Apply `rules:` severity settings: keys are qualified ids ("pack/rule") or bare
 * rule names. A key that names a replaced rule applies to its replacement.
 */
export function applySettings(
  pack: PackContent | undefined,
  settings: Map<string, SeverityOrOff>,
  rules: RuleSpec[],
  where: PathSegment[],
  errors: PackError[],
  replaced: Map<string, ReplacedRule> = new Map(),
): void {
  for (const [key, value] of settings) {
    let targets = key.includes('/') ? rules.filter((r) => r.id === key) : rules.filter((r) => r.name === key);
    const entry = targets.length === 0 ? replacedEntry(key, replaced) : undefined;
    const current = entry && currentRule(entry, replaced, rules);
    if (entry && current) {
      targets = [current];
      if (pack) errors.push(errorAt(pack.source, where, describeReplacement(key, entry, current), { key, severity: 'warning' }));
    }
    if (targets.length === 0) {
      if (pack) errors.push(errorAt(pack.source, where, `no loaded rule is called "${key}"`, { key, severity: 'warning' }));
      continue;
    }
    for (const r of targets) {
      if (value === 'off') r.enabled = false;
      else {
        r.enabled = true;
        r.severity = value;
      }
    }
  }
}

function checkRuleReferences(
  spec: RuleSpec,
  terms: Map<string, unknown>,
  kinds: Map<string, unknown>,
  conditions: Map<string, unknown>,
  clauses: Map<string, unknown>,
): { field: PathSegment[]; message: string } | undefined {
  if (!RULE_KINDS.has(spec.kind)) return { field: ['kind'], message: `unknown kind "${spec.kind}"` };
  const o = spec.options;
  if (Array.isArray(o.terms) && spec.kind !== 'definition') return { field: ['terms'], message: `a ${spec.kind} rule takes one term set in "terms", not a list` };
  const list = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);
  const checks: [string, string[], Map<string, unknown>, string][] = [
    ['terms', list(o.terms), terms, 'term set'],
    ['with', list(o.with), terms, 'term set'],
    ['without', list(o.without), terms, 'term set'],
    ['inSectionTitled', list(o.inSectionTitled), terms, 'term set'],
    ['qualifiedBy', list(o.qualifiedBy), kinds, 'clause kind'],
    ['clause', list(o.clause), kinds, 'clause kind'],
    ['anchor', list(o.anchor), kinds, 'clause kind'],
    ['if', list(o.if), kinds, 'clause kind'],
    ['then', list(o.then), kinds, 'clause kind'],
    ['contributes', list(o.contributes), kinds, 'clause kind'],
    ['clauseKind', list(spec.clauseKind), kinds, 'clause kind'],
    ['when', list(spec.when).filter((w) => w !== 'always'), conditions, 'condition'],
  ];
  for (const [field, ids, table, what] of checks) {
    const missing = ids.find((id) => !table.has(id));
    if (missing) return { field: [field.startsWith('rule:') ? 'phrases' : field], message: `unknown ${what} "${missing}"` };
  }
  const missingClause = spec.fix.clauses.find((id) => !clauses.has(id));
  if (missingClause) return { field: ['fix', 'clauses'], message: `unknown clause "${missingClause}"` };
  return undefined;
}
