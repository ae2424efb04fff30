/** What a rule set offers the user: its rules (for a docs picker) and its clause library (for "insert clause"). */
import { ContractDocument } from '../document/contractDocument';
import { fillValues } from '../engine/fixes/fill';
import { FillValues, previewLine, resolveFill, withoutVariables } from '../engine/fixes/snippet';
import { RuleSet } from '../engine/types';
import { ClauseEntry, RuleSummary } from '../../../shared/protocol';

function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return /^.*?[.!?](?=\s|$)/.exec(flat)?.[0] ?? flat;
}

export function ruleSummaries(ruleSet: RuleSet): RuleSummary[] {
  return ruleSet.rules.map((r) => ({ id: r.id, severity: r.severity, enabled: r.enabled, summary: firstSentence(r.docs || r.message) }));
}

/**
 * Clauses of kinds the document lacks come first: those are the ones a drafter is looking for.
 * Fill variables take the document's own names (its parties, what it supplies) when there is one.
 */
export function clauseLibrary(ruleSet: RuleSet, presentKinds: ReadonlySet<string>, doc?: ContractDocument): ClauseEntry[] {
  const fill: FillValues = doc ? fillValues(doc, undefined) : {};
  const entries = [...ruleSet.clauses.values()].map((c) => {
    const body = withoutVariables(resolveFill(c.body, fill));
    return { id: c.id, kind: c.kind, title: c.title, body, preview: previewLine(body), pack: c.pack, present: presentKinds.has(c.kind) };
  });
  return entries.sort((a, b) => Number(a.present) - Number(b.present) || a.title.localeCompare(b.title));
}
