/**
 * The engine's entry point: one scan for all term sets, then every enabled rule
 * over the shared context, then suppressions and coverage. A rule that throws is
 * reported as an internal error of that rule; the others still run.
 */
import { BlockAnalysis } from '../document/blocks';
import { ContractDocument } from '../document/contractDocument';
import { RuleContext } from './context';
import { computeCoverage, listedInCoverage } from './coverage';
import { capFindings, findingsOfRule, scanLimitFinding } from './limitFindings';
import { blockMemo, documentHits, lazyMatcher } from './match/documentHits';
import { Scanner } from './match/scanner';
import { RULE_KINDS } from './rules';
import { applySuppressions, SuppressionOutcome } from './suppress';
import { conditionItems, Finding, KindCoverage, LintResult, RuleSet, RuleSpec } from './types';

export const INTERNAL_ERROR_RULE_ID = 'clauselint/internal-error';

/** A rule set with its scanner compiled once; reuse it for every document. */
export interface CompiledRuleSet {
  ruleSet: RuleSet;
  scanner: Scanner;
}

export function compileRuleSet(ruleSet: RuleSet): CompiledRuleSet {
  const primary = primaryTermSets(ruleSet);
  const lazy = new Set(ruleSet.termSets.map((t) => t.id).filter((id) => !primary.has(id)));
  return { ruleSet, scanner: new Scanner(ruleSet.termSets, lazy) };
}

/**
 * Term sets whose hits are iterated or counted (detector and rule `terms`,
 * conditions). The others are only asked about inside a span, so they are
 * matched lazily there instead of in the document-wide scan.
 */
function primaryTermSets(ruleSet: RuleSet): Set<string> {
  const primary = new Set<string>();
  for (const kind of ruleSet.kinds.values()) for (const d of kind.detect) primary.add(d.terms);
  for (const c of ruleSet.conditions.values()) for (const t of conditionItems(c)) if ('terms' in t) primary.add(t.terms);
  for (const r of ruleSet.rules) for (const t of [r.options.terms ?? []].flat()) if (typeof t === 'string') primary.add(t);
  return primary;
}

export interface LintOptions {
  /** Run rules whatever their `when` condition says (used by rule examples). */
  ignoreConditions?: boolean;
  /** Only run these rule ids. */
  only?: ReadonlySet<string>;
}

export interface FullLintResult extends LintResult {
  suppressed: SuppressionOutcome['suppressed'];
  /**
   * One kind's entry of `coverage` (present, where), worked out alone while `coverage` has not been
   * read: a diagnostic's "found here" locations need the kinds of its findings, not every kind's
   * (an escalation path is looked for element by element over the whole document).
   */
  coverageOf(kind: string): KindCoverage | undefined;
}

export function lintDocument(doc: ContractDocument, compiled: CompiledRuleSet, options: LintOptions = {}): FullLintResult {
  const { ruleSet } = compiled;
  const scanned = documentHits(doc, compiled.scanner);
  const memo = scanned.cutAt === undefined ? (analysis: BlockAnalysis) => blockMemo(analysis, compiled.scanner) : undefined;
  const ctx = new RuleContext(doc, ruleSet, scanned.hits, lazyMatcher(doc, compiled.scanner), memo);
  const rules = ruleSet.rules.filter((r) => r.enabled && (!options.only || options.only.has(r.id)));
  const first = (r: RuleSpec) => RULE_KINDS.get(r.kind)?.contributesCoverage === true;
  const ordered = [...rules.filter(first), ...rules.filter((r) => !first(r))];
  const findings: Finding[] = [];
  if (scanned.cutAt !== undefined) findings.push(scanLimitFinding(scanned.cutAt));
  for (const rule of ordered) {
    if (options.ignoreConditions || ctx.condition(rule.when)) findings.push(...findingsOfRule(rule.id, runRule(rule, ctx)));
    else if (rule.otherwise) findings.push(...findingsOfRule(rule.id, runRule({ ...rule, severity: rule.otherwise }, ctx)));
  }
  const outcome = applySuppressions(doc, findings);
  outcome.findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.ruleId.localeCompare(b.ruleId));
  // Coverage is worked out when first read: the CLI's text, SARIF and GitHub reports never read it,
  // and on an ordinary contract it is most of a lint (the escalation path is looked for element by element).
  let context: RuleContext | undefined = ctx;
  let coverage: KindCoverage[] | undefined;
  const result: FullLintResult = {
    findings: capFindings(outcome.findings),
    suppressed: outcome.suppressed,
    get coverage(): KindCoverage[] {
      if (!coverage) {
        coverage = computeCoverage(context!);
        context = undefined; // the document's hits and caches are not kept for a result that is kept
      }
      return coverage;
    },
    coverageOf(kind: string): KindCoverage | undefined {
      if (coverage || !context) return result.coverage.find((c) => c.kind === kind);
      return listedInCoverage(ruleSet, kind) ? context.coverageOf(kind) : undefined;
    },
  };
  return result;
}

function runRule(rule: RuleSpec, ctx: RuleContext): Finding[] {
  const impl = RULE_KINDS.get(rule.kind);
  try {
    if (!impl) throw new Error(`unknown rule kind "${rule.kind}"`);
    return impl.run(rule, rule.kindOptions, ctx);
  } catch (err) {
    return [
      {
        ruleId: INTERNAL_ERROR_RULE_ID,
        severity: 'error',
        message: `Rule ${rule.id} failed and was skipped: ${(err as Error).message}`,
        span: { start: 0, end: 0 },
        related: [],
        fixes: [],
      },
    ];
  }
}
