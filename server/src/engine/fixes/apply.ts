/**
 * Apply fix plans to a text in one forward pass over the edits sorted by offset.
 * A clause kind proposed by several findings is inserted once, a clause whose
 * text is already in the document is not inserted again, and an edit
 * overlapping one already taken is skipped, never merged. Fix-all repeats
 * lint-and-apply until nothing is left to fix (fixToFixpoint), so applying it
 * twice gives the text of applying it once.
 */
import { Finding, FixEdit, FixPlan } from '../types';
import { composeEdits } from './compose';
import { clauseTextKey, renumbered } from './numbering';

export interface ApplyResult {
  text: string;
  applied: number;
  skipped: number;
}

/**
 * The fix a finding offers for automatic application (CLI --fix, editor fix-all):
 * its first plan that is not a suppression. A clause insertion may come as
 * several plans (one per insertion point) that together make that fix, so all
 * of them count. Suppressions are never applied automatically: they need a
 * human's reason.
 */
export function automaticPlans(finding: Finding): FixPlan[] {
  const candidates = finding.fixes.filter((p) => p.type !== 'suppress');
  if (candidates.length === 0) return [];
  if (candidates[0].type === 'insert-clause') return candidates.filter((p) => p.type === 'insert-clause');
  return [candidates[0]];
}

/**
 * The edits that applying `plans` to `text` makes, sorted by offset (inserts at one offset keep
 * their order): one insertion per clause kind, none of a clause already written in `text`,
 * and numbered clauses inserted at one place numbered in turn (3.2, 3.3).
 */
export function selectEdits(plans: FixPlan[], text?: string): FixEdit[] {
  const seenClauses = new Set<string>();
  const edits: (FixEdit & { order: number })[] = [];
  let order = 0;
  for (const plan of plans) {
    for (const edit of plan.edits) {
      const key = edit.clauseKind ?? edit.clauseId;
      if (key !== undefined) {
        if (seenClauses.has(key)) continue;
        if (text !== undefined && text.includes(clauseTextKey(edit))) continue;
        seenClauses.add(key);
      }
      edits.push({ ...edit, order: order++ });
    }
  }
  edits.sort((a, b) => a.start - b.start || a.end - b.end || a.order - b.order);
  const kept: FixEdit[] = [];
  let cursor = 0;
  for (const { order: _order, ...e } of edits) {
    if (e.start < cursor) continue;
    kept.push(e);
    cursor = e.end;
  }
  return renumbered(kept);
}

export function applyEdits(text: string, edits: FixEdit[]): string {
  const parts: string[] = [];
  let cursor = 0;
  for (const e of edits) {
    parts.push(text.slice(cursor, e.start), e.text);
    cursor = e.end;
  }
  parts.push(text.slice(cursor));
  return parts.join('');
}

export function applyPlans(text: string, plans: FixPlan[]): ApplyResult {
  const edits = selectEdits(plans, text);
  const total = plans.reduce((n, p) => n + p.edits.length, 0);
  return { text: applyEdits(text, edits), applied: edits.length, skipped: total - edits.length };
}

/** The edits of one round of "fix all" on `text`: the same choice and selection as applyFixes. */
export function fixAllEdits(findings: Finding[], text?: string): FixEdit[] {
  return selectEdits(findings.flatMap(automaticPlans), text);
}

export interface FixOutcome {
  text: string;
  /** Edits applied (a clause proposed by several findings counts once). */
  applied: number;
}

/** One round: each finding's automatic fix applied in one pass. */
export function applyFixes(text: string, findings: Finding[]): FixOutcome {
  const plans = findings.flatMap(automaticPlans);
  if (plans.length === 0) return { text, applied: 0 };
  const { text: fixed, applied } = applyPlans(text, plans);
  return { text: fixed, applied };
}

/** Rounds of fix-all before giving up: a fix that does not resolve its finding is then reported, not retried forever. */
export const MAX_FIX_ROUNDS = 3;

export interface FixAllOutcome extends FixOutcome {
  /** The edits that turn the original text into `text`, as one set (the editor's one workspace edit). */
  edits: FixEdit[];
  rounds: number;
}

/**
 * --fix and fix-all: apply the automatic fixes, lint the result again and apply
 * what is newly fixable (an element an inserted clause still lacks), until a
 * round changes nothing or MAX_FIX_ROUNDS rounds have run. Applying it to its
 * own result then changes nothing.
 */
export function fixToFixpoint(text: string, findings: Finding[], lintAgain: (text: string) => Finding[]): FixAllOutcome {
  let current = text;
  let edits: FixEdit[] = [];
  let applied = 0;
  let rounds = 0;
  let found = findings;
  while (rounds < MAX_FIX_ROUNDS) {
    const round = fixAllEdits(found, current);
    if (round.length === 0) break;
    const next = applyEdits(current, round);
    if (next === current) break;
    edits = rounds === 0 ? round : composeEdits(current, edits, round);
    rounds++;
    applied += round.length;
    current = next;
    if (rounds < MAX_FIX_ROUNDS) found = lintAgain(current);
  }
  return { text: current, applied, edits, rounds };
}
