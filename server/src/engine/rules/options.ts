/**
 * Reading rule options: one home for the helpers that rule kinds share. Each
 * kind decodes its options once, when the rule set is built (RuleKind.decode);
 * the run-time code reads only the typed object.
 */
import { Scope } from '../types';

/** An option given as one string or a list of strings, as a list. */
export function stringList(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value.map(String) : [String(value)];
}

export function scopeOption(value: unknown, fallback: Scope): Scope {
  return value === 'sentence' || value === 'paragraph' || value === 'section' || value === 'document' ? value : fallback;
}

/** Which clause kinds narrow a location, and how they are looked for (see qualification.ts). */
export interface QualifyingOptions {
  /** `qualifiedBy`: clause kinds, any one of which (or with `all`, every one) narrows the location. */
  kinds: string[];
  all: boolean;
  /** Where they are looked for (default: the document), following the sentence's cross-references unless `followReferences: false`. */
  scope: Scope;
  followReferences: boolean;
  /** `binding: grantee`: a clause counts only when it reaches the grant's holder. */
  bindingGrantee: boolean;
}

export function decodeQualifying(o: Record<string, unknown>): QualifyingOptions {
  return {
    kinds: stringList(o.qualifiedBy),
    all: o.qualifiedWhen === 'all',
    scope: scopeOption(o.scope, 'document'),
    followReferences: o.followReferences !== false,
    bindingGrantee: o.binding === 'grantee',
  };
}
