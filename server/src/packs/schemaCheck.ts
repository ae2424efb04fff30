/**
 * JSON-schema validation of a parsed pack (the same schema VS Code uses for
 * completion), with errors mapped back to YAML lines and columns. Rule entries
 * are checked one by one against the matching branch, so an author sees "rule
 * needs `clause`" rather than three failed `oneOf` branches.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import * as fs from 'fs';
import * as path from 'path';
import { PackError } from './errors';
import { builtinRulesDir } from './builtin';
import { errorAt, PathSegment, YamlSource } from './yamlSource';

let validators: { pack: ValidateFunction; rule: ValidateFunction; replaced: ValidateFunction; override: ValidateFunction; topLevelKeys: string[] } | undefined;

function getValidators() {
  if (validators) return validators;
  const schema = JSON.parse(fs.readFileSync(path.join(builtinRulesDir(), 'schema', 'rulepack.schema.json'), 'utf8'));
  // Loaded on first use: a run that only uses the built-in packs never needs it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Ajv = require('ajv').default as typeof import('ajv').default;
  // verbose: errors carry the offending value, so messages can quote it.
  const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
  ajv.addSchema(schema, 'pack');
  validators = {
    pack: ajv.getSchema('pack')!,
    rule: ajv.compile({ $ref: 'pack#/definitions/rule' }),
    replaced: ajv.compile({ $ref: 'pack#/definitions/replacedRule' }),
    override: ajv.compile({
      oneOf: [{ $ref: 'pack#/definitions/severityOrOff' }, { type: 'object', additionalProperties: false, required: ['severity'], properties: { severity: { $ref: 'pack#/definitions/severityOrOff' } } }],
    }),
    topLevelKeys: Object.keys(schema.properties),
  };
  return validators;
}

function pathOf(instancePath: string): PathSegment[] {
  if (!instancePath) return [];
  return instancePath.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function describe(e: ErrorObject): { message: string; key?: string } {
  switch (e.keyword) {
    case 'additionalProperties':
      return { message: `unknown property "${(e.params as { additionalProperty: string }).additionalProperty}"`, key: (e.params as { additionalProperty: string }).additionalProperty };
    case 'required':
      return { message: `missing required property "${(e.params as { missingProperty: string }).missingProperty}"` };
    case 'enum':
      return { message: `must be one of: ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}` };
    case 'pattern': {
      const value = e.data === undefined ? '' : `"${String(e.data)}" `;
      if (e.instancePath.endsWith('/version')) return { message: `${value}is not a semantic version (e.g. 1.2.0)` };
      if (e.instancePath.endsWith('/docsBase')) return { message: `${value}is not a web address: docsBase must start with https:// (or http://)` };
      if (e.instancePath.endsWith('/replacedBy')) return { message: `${value}is not a rule id (a rule name, or pack/rule)` };
      if (/^\/clauses\/[^/]+\/body$/.test(e.instancePath)) {
        const variable = [...String(e.data ?? '').matchAll(/\$\{[A-Za-z_][A-Za-z0-9_]*:?/g)].map((m) => m[0]).find((v) => !/^\$\{(?:[Hh]older|[Ss]upplier|[Ss]upplied):$/.test(v)) ?? '${';
        return { message: `clause body uses "${variable}": the only variables are \${holder:[fallback]}, \${supplier:[fallback]} and \${supplied:[fallback]} (capitalised to start a sentence), each with a fallback` };
      }
      return { message: `${value}is not a valid id (lower-case letters, digits and hyphens)` };
    }
    case 'maxProperties':
      return { message: `too many entries (the limit is ${(e.params as { limit: number }).limit})` };
    default:
      return { message: e.message ?? e.keyword };
  }
}

function toErrors(source: YamlSource, errors: ErrorObject[] | null | undefined, prefix: PathSegment[]): PackError[] {
  const out: PackError[] = [];
  const seen = new Set<string>();
  for (const e of errors ?? []) {
    if (e.keyword === 'if' || e.keyword === 'oneOf' || e.keyword === 'anyOf') continue;
    const p = [...prefix, ...pathOf(e.instancePath)];
    const { message, key } = describe(e);
    const where = p.length > 0 ? ` at ${p.join('.')}` : '';
    const text = `${message}${where}`;
    if (seen.has(text)) continue;
    seen.add(text);
    // A missing property or an over-full mapping is reported at the key of that mapping.
    const last = p[p.length - 1];
    if ((e.keyword === 'required' || e.keyword === 'maxProperties') && typeof last === 'string') out.push(errorAt(source, p.slice(0, -1), text, { key: last }));
    else out.push(errorAt(source, p, text, { key }));
  }
  return out;
}

/** Schema errors, plus the names of rule entries that are invalid (to be dropped, not to sink the pack). */
export function checkSchema(source: YamlSource): { errors: PackError[]; badRules: Set<string>; fatal: boolean } {
  const v = getValidators();
  const data = source.data as Record<string, unknown>;
  if (typeof source.data !== 'object' || Array.isArray(source.data)) {
    return { errors: [errorAt(source, [], 'a rule pack must be a YAML mapping (key: value) at the top level')], badRules: new Set(), fatal: true };
  }
  const keys = Object.keys(data);
  if (keys.length > 0 && !keys.some((k) => v.topLevelKeys.includes(k))) {
    // Not a pack at all (a mistaken or hostile extends): say so without quoting any of it.
    const message = `not a rule pack or .clauselint.yaml: none of its top-level keys is ${v.topLevelKeys.join(', ')}`;
    return { errors: [errorAt(source, [], message)], badRules: new Set(), fatal: true };
  }
  const badRules = new Set<string>();
  const errors: PackError[] = [];
  const valid: boolean = v.pack(data);
  if (valid) return { errors, badRules, fatal: false };
  const other = (v.pack.errors ?? []).filter((e) => !/^\/rules\/[^/]+/.test(e.instancePath));
  errors.push(...toErrors(source, other, []));
  const rules = data.rules;
  if (rules && typeof rules === 'object' && !Array.isArray(rules)) {
    for (const [name, value] of Object.entries(rules as Record<string, unknown>)) {
      const isObject = typeof value === 'object' && value !== null;
      const validator = isObject && 'kind' in value ? v.rule : isObject && 'replacedBy' in value ? v.replaced : v.override;
      const ok: boolean = validator(value);
      if (!ok) {
        badRules.add(name);
        const errs = toErrors(source, validator.errors, ['rules', name]);
        if (errs.length === 0) errs.push(errorAt(source, ['rules', name], `rule "${name}" must be a rule definition (with kind and message), a severity, off, or { replacedBy: <rule> }`));
        errors.push(...errs);
      }
    }
  }
  // Errors outside `rules` entries make the pack unusable; bad rules are only dropped.
  return { errors, badRules, fatal: other.length > 0 };
}
