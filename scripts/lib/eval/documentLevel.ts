/**
 * Document-level scores: a contract is predicted positive when a clause kind is
 * present in its coverage, and gold positive when its label answer is "Yes".
 */
import { ContractLabels } from '../labels';
import { Confusion, emptyConfusion, tally } from '../metrics';

export interface KindMapping {
  kind: string;
  category: string;
  /** How well the kind and the label mean the same thing. */
  fit: 'direct' | 'approximate' | 'informational';
  note: string;
}

export const MAPPINGS: KindMapping[] = [
  { kind: 'audit-rights', category: 'Audit Rights', fit: 'direct', note: 'right to audit books, records or premises' },
  {
    kind: 'broad-grant',
    category: 'Unlimited/All-You-Can-Eat-License',
    fit: 'approximate',
    note: 'CUAD: unlimited usage/copies; ours: use for any purpose (closest label, not the same concept)',
  },
  { kind: 'broad-grant', category: 'License Grant', fit: 'informational', note: 'any licence grant, broad or narrow' },
  { kind: 'broad-grant', category: 'Irrevocable or Perpetual License', fit: 'informational', note: 'duration of a licence, not its purposes' },
];

/** What the evaluations need to know about one linted contract. */
export interface Prediction {
  name: string;
  presentKinds: ReadonlySet<string>;
}

export interface MappingScore {
  mapping: KindMapping;
  confusion: Confusion;
  falsePositives: string[];
  falseNegatives: string[];
}

export function scoreMapping(mapping: KindMapping, predictions: Prediction[], labels: ReadonlyMap<string, ContractLabels>): MappingScore {
  const confusion = emptyConfusion();
  const falsePositives: string[] = [];
  const falseNegatives: string[] = [];
  for (const p of predictions) {
    const label = labels.get(p.name);
    if (!label) continue;
    const predicted = p.presentKinds.has(mapping.kind);
    const gold = label.yes.get(mapping.category) ?? false;
    tally(confusion, predicted, gold);
    if (predicted && !gold) falsePositives.push(p.name);
    if (!predicted && gold) falseNegatives.push(p.name);
  }
  return { mapping, confusion, falsePositives, falseNegatives };
}

/** Contracts on one side only: linted without labels, or labelled without a file. */
export function unmatched(predictions: Prediction[], labels: ReadonlyMap<string, ContractLabels>): { unlabelled: string[]; missingFiles: string[] } {
  const names = new Set(predictions.map((p) => p.name));
  return {
    unlabelled: [...names].filter((n) => !labels.has(n)),
    missingFiles: [...labels.keys()].filter((n) => !names.has(n)),
  };
}
