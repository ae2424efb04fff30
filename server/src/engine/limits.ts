/**
 * How much work one document may cost, whatever a rule pack contains. A pack
 * whose phrases match almost everywhere (a thousand rules of `*`, say) would
 * otherwise make millions of findings and run out of memory. Each limit, when
 * reached, is reported once as a `clauselint/limit` finding where the work
 * stopped, so a cut-short result is never mistaken for a complete one. The
 * numbers are far above what real contracts need (README, "Limits").
 */
export const LIMIT_RULE_ID = 'clauselint/limit';

export const LIMITS = {
  /** Term hits kept for one document (all term sets together). */
  hitsPerDocument: 200_000,
  /** Regex match attempts of the scan of one document: bounds its time however the hits overlap. */
  attemptsPerDocument: 2_000_000,
  /** Findings one rule may report in one document. */
  findingsPerRule: 1_000,
  /** Findings reported for one document, all rules together. */
  findingsPerDocument: 5_000,
};
