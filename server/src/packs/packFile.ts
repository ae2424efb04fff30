/** Read one pack (or .clauselint.yaml) file into typed content, with its source kept for locating errors. */
import { isUtf8 } from 'buffer';
import * as fs from 'fs';
import { TermSetSpec } from '../engine/match/scanner';
import { ConditionItem, Detector, PathElementSpec, Severity } from '../engine/types';
import { PackError } from './errors';
import { isBuiltinPack } from './builtin';
import { freshSnapshot } from './builtinSnapshot';
import { checkSchema } from './schemaCheck';
import { errorAt, keyLocations, MAX_PACK_BYTES, parseYaml, SourceLocation, YamlSource } from './yamlSource';

export type SeverityOrOff = Severity | 'off';

export interface RawRule {
  [key: string]: unknown;
  kind: string;
  message: string;
}

export interface PackContent {
  file: string;
  source: YamlSource;
  id: string;
  version: string;
  description: string;
  docsBase?: string;
  /** True for a .clauselint.yaml without a `pack:` header. */
  isConfig: boolean;
  extends: string[];
  /** Where `extends` is written, to locate errors about its entries. */
  extendsPath: string[];
  terms: Map<string, TermSetSpec>;
  conditions: Map<string, { description: string; anyOf: ConditionItem[]; allOf: ConditionItem[]; noneOf: ConditionItem[] }>;
  kinds: Map<string, { title: string; description: string; detect: Detector[]; elements?: PathElementSpec[]; coverage?: boolean; gap?: { one: string; other: string } }>;
  clauses: Map<string, { kind: string; title: string; body: string; placement: string[] }>;
  ruleDefinitions: Map<string, RawRule>;
  /** Where each entry of `rules:` is named, to locate the rules defined here. */
  ruleLocations: Map<string, SourceLocation>;
  /** Rule names this pack declares `{ replacedBy, deprecated? }`: aliases of their replacement. */
  ruleReplacements: Map<string, { replacedBy: string; deprecated?: string }>;
  ruleSettings: Map<string, SeverityOrOff>;
  overrides: { files: string[]; rules: Map<string, SeverityOrOff> }[];
  /** Files to leave out (gitignore syntax), relative to the folder of the config that loads this pack. */
  ignores: string[];
}

type Obj = Record<string, unknown>;

function entries(value: unknown): [string, Obj][] {
  return value && typeof value === 'object' ? (Object.entries(value) as [string, Obj][]) : [];
}

function list(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value.map(String) : [String(value)];
}

export function termSetFrom(id: string, raw: Obj): TermSetSpec {
  const except = raw.except;
  return {
    id,
    phrases: list(raw.phrases),
    patterns: list(raw.patterns),
    except: Array.isArray(except) ? { phrases: except.map(String), patterns: [] } : except && typeof except === 'object' ? { phrases: list((except as Obj).phrases), patterns: list((except as Obj).patterns) } : undefined,
  };
}

function conditionItem(t: Obj): ConditionItem {
  if (t.kind !== undefined) return { kind: String(t.kind) };
  if (t.condition !== undefined) return { condition: String(t.condition) };
  return { terms: String(t.terms), minCount: Number(t.minCount ?? 1), minDistinct: Number(t.minDistinct ?? 1), ...(t.inSubject !== undefined ? { inSubject: list(t.inSubject) } : {}) };
}

function pathElement(e: Obj): PathElementSpec {
  const id = String(e.id);
  return { id, title: String(e.title ?? id), missing: String(e.missing ?? e.title ?? id), kinds: list(e.kinds), weak: list(e.weak), starts: e.starts === true, clause: e.clause === undefined ? undefined : String(e.clause) };
}

function severitySetting(value: unknown): SeverityOrOff {
  return (typeof value === 'string' ? value : (value as Obj).severity) as SeverityOrOff;
}

/**
 * The pack's text, read through one descriptor opened without blocking (a
 * FIFO is refused, never waited on), its size checked before a byte is read.
 * Text that is not UTF-8 (a Latin-1 file, say) is read with replacement
 * characters and a warning at the first bad byte.
 */
function readPackText(file: string): { text?: string; errors: PackError[] } {
  const at = (message: string, severity: 'error' | 'warning' = 'error', line = 1, column = 1): PackError => ({ file, line, column, severity, message });
  let buf: Buffer;
  try {
    const fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    try {
      const stat = fs.fstatSync(fd);
      if (!stat.isFile()) return { errors: [at(stat.isDirectory() ? 'not a file: it is a folder' : 'not a file: not a regular file (a FIFO, socket or device)')] };
      if (stat.size > MAX_PACK_BYTES) return { errors: [at(`pack file is ${(stat.size / 1048576).toFixed(1)} MB; the limit is ${MAX_PACK_BYTES / 1048576} MB`)] };
      buf = fs.readFileSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') return { errors: [at('not a file: it is a folder')] };
    return { errors: [at(`cannot read pack: ${code === 'ENOENT' ? 'file not found' : (err as Error).message}`)] };
  }
  const text = buf.toString('utf8');
  if (isUtf8(buf)) return { text, errors: [] };
  const bad = text.indexOf('\ufffd');
  const before = text.slice(0, Math.max(0, bad));
  const line = before.split(/\r\n|\r|\n/).length;
  const column = before.length - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
  return { text, errors: [at('the file is not valid UTF-8 (Latin-1 or another legacy encoding?): bytes that are not UTF-8 were read as \ufffd; save it as UTF-8', 'warning', line, column)] };
}

export function readPackFile(file: string): { pack?: PackContent; errors: PackError[] } {
  const read = readPackText(file);
  if (read.text === undefined) return { errors: read.errors };
  const text = read.text;
  if (isBuiltinPack(file)) {
    const snapshot = freshSnapshot(file, text);
    if (snapshot) return packFromSource(new YamlSource(file, snapshot.data, text), NO_SCHEMA_ERRORS, new Map(Object.entries(snapshot.ruleLocations)));
  }
  const parsed = parsePackText(file, text);
  return { pack: parsed.pack, errors: [...read.errors, ...parsed.errors] };
}

const NO_SCHEMA_ERRORS: ReturnType<typeof checkSchema> = { errors: [], badRules: new Set<string>(), fatal: false };

export function parsePackText(file: string, text: string): { pack?: PackContent; errors: PackError[] } {
  const parsed = parseYaml(file, text);
  if (!parsed.source) return { errors: parsed.errors };
  const source = parsed.source;
  // Built-in packs are validated by the test suite and the build; checking them again on every start costs ~250 ms.
  const schema = isBuiltinPack(file) ? NO_SCHEMA_ERRORS : checkSchema(source);
  if (schema.fatal) return { errors: schema.errors };
  return packFromSource(source, schema, keyLocations(source, ['rules']));
}

/** Typed pack content from parsed data (from the YAML text, or from a built-in pack's snapshot). */
function packFromSource(source: YamlSource, schema: { errors: PackError[]; badRules: Set<string> }, ruleLocations: Map<string, SourceLocation>): { pack: PackContent; errors: PackError[] } {
  const file = source.file;
  const errors = [...schema.errors];
  const data = source.data as Obj;
  const header = (data.pack ?? {}) as Obj;
  const isConfig = data.pack === undefined;
  const ext = header.extends ?? data.extends;
  const pack: PackContent = {
    file,
    source,
    id: isConfig ? 'local' : String(header.id),
    version: String(header.version ?? '0.0.0'),
    description: String(header.description ?? ''),
    docsBase: header.docsBase as string | undefined,
    isConfig,
    extends: list(ext),
    extendsPath: header.extends !== undefined ? ['pack', 'extends'] : ['extends'],
    terms: new Map(entries(data.terms).map(([id, raw]) => [id, termSetFrom(id, raw)])),
    conditions: new Map(
      entries(data.conditions).map(([id, raw]) => [
        id,
        {
          description: String(raw.description ?? ''),
          anyOf: ((raw.anyOf as Obj[]) ?? []).map(conditionItem),
          allOf: ((raw.allOf as Obj[]) ?? []).map(conditionItem),
          noneOf: ((raw.noneOf as Obj[]) ?? []).map(conditionItem),
        },
      ]),
    ),
    kinds: new Map(
      entries(data.kinds).map(([id, raw]) => [
        id,
        {
          title: String(raw.title),
          description: String(raw.description ?? ''),
          elements: raw.elements === undefined ? undefined : (raw.elements as Obj[]).map(pathElement),
          ...(raw.coverage === false ? { coverage: false } : {}),
          ...(raw.gap ? { gap: { one: String((raw.gap as Obj).one), other: String((raw.gap as Obj).other) } } : {}),
          detect: ((raw.detect as Obj[] | undefined) ?? []).map((d) => ({
            terms: String(d.terms),
            with: list(d.with),
            without: list(d.without),
            within: (d.within as Detector['within']) ?? 'sentence',
            withoutWithin: d.withoutWithin as Detector['withoutWithin'],
            inSectionTitled: d.inSectionTitled as string | undefined,
            outsideDefinitions: d.outsideDefinitions === true || undefined,
            outsideHeadings: d.outsideHeadings === true || undefined,
            outsideChecklists: d.outsideChecklists === true || undefined,
            withKinds: d.withKinds === undefined ? undefined : list(d.withKinds),
            near: d.near === undefined ? undefined : list(d.near),
            nearChars: d.nearChars as number | undefined,
            notPrecededBy: d.notPrecededBy === undefined ? undefined : list(d.notPrecededBy),
            precededChars: d.precededChars as number | undefined,
            recognise: d.recognise === 'grant' ? ('grant' as const) : undefined,
          })),
        },
      ]),
    ),
    clauses: new Map(entries(data.clauses).map(([id, raw]) => [id, { kind: String(raw.kind), title: String(raw.title), body: String(raw.body), placement: list(raw.placement) }])),
    ruleDefinitions: new Map(),
    ruleLocations,
    ruleReplacements: new Map(),
    ruleSettings: new Map(),
    overrides: ((data.overrides as Obj[]) ?? []).map((o) => ({
      files: list(o.files),
      rules: new Map(entries(o.rules).map(([k, v]) => [k, severitySetting(v)])),
    })),
    ignores: list(data.ignores),
  };
  for (const [name, value] of Object.entries((data.rules ?? {}) as Obj)) {
    if (schema.badRules.has(name)) continue;
    if (typeof value === 'object' && value !== null && 'kind' in value) {
      if (name.includes('/')) {
        errors.push(errorAt(source, ['rules'], `a rule definition's name cannot contain "/" ("${name}"): the pack id is added for you`, { key: name }));
        continue;
      }
      pack.ruleDefinitions.set(name, value as RawRule);
    } else if (typeof value === 'object' && value !== null && 'replacedBy' in value) {
      const entry = value as Obj;
      pack.ruleReplacements.set(name, { replacedBy: String(entry.replacedBy), deprecated: entry.deprecated as string | undefined });
    } else {
      pack.ruleSettings.set(name, severitySetting(value));
    }
  }
  return { pack, errors };
}
