/**
 * The findings that say a limit of limits.ts was reached: one per limit and
 * rule, located where the work stopped, so a cut-short result says so.
 */
import { Span } from '../document/lineIndex';
import { LIMIT_RULE_ID, LIMITS } from './limits';
import { Finding } from './types';

function limitFinding(span: Span, message: string): Finding {
  return { ruleId: LIMIT_RULE_ID, severity: 'warning', message, span, related: [], fixes: [] };
}

const n = (x: number) => x.toLocaleString('en-US');

export function scanLimitFinding(at: number): Finding {
  return limitFinding(
    { start: at, end: at },
    `Matching stopped here: the rule packs' phrases and patterns matched more than ${n(LIMITS.hitsPerDocument)} times ` +
      `(or took over ${n(LIMITS.attemptsPerDocument)} attempts) in this document, so findings after this point are missing. ` +
      'A pack probably has a phrase or pattern that matches almost everywhere.',
  );
}

/** A rule's findings in document order, at most findingsPerRule of them, then one limit finding at the first left out. */
export function findingsOfRule(ruleId: string, findings: Finding[]): Finding[] {
  if (findings.length <= LIMITS.findingsPerRule) return findings;
  const sorted = [...findings].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  const kept = sorted.slice(0, LIMITS.findingsPerRule);
  const first = sorted[LIMITS.findingsPerRule].span;
  kept.push(
    limitFinding(
      { start: first.start, end: first.start },
      `Rule ${ruleId} found more than ${n(LIMITS.findingsPerRule)} problems in this document; only the first ${n(LIMITS.findingsPerRule)} are reported (this is where the next would be).`,
    ),
  );
  return kept;
}

/** At most findingsPerDocument findings (already in document order), then one limit finding at the first left out; limit findings are always kept. */
export function capFindings(findings: Finding[]): Finding[] {
  if (findings.length <= LIMITS.findingsPerDocument) return findings;
  const limits = findings.filter((f) => f.ruleId === LIMIT_RULE_ID);
  const others = findings.filter((f) => f.ruleId !== LIMIT_RULE_ID);
  if (others.length <= LIMITS.findingsPerDocument) return findings;
  const first = others[LIMITS.findingsPerDocument].span;
  const cap = limitFinding({ start: first.start, end: first.start }, `More than ${n(LIMITS.findingsPerDocument)} findings in this document; only the first ${n(LIMITS.findingsPerDocument)} are reported (this is where the next would be).`);
  return [...others.slice(0, LIMITS.findingsPerDocument), ...limits, cap].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}
