/** Fix plans a rule attaches to a finding: insert clauses, replace weak wording, suppress with a reason. */
import { ContractDocument } from '../../document/contractDocument';
import { Span } from '../../document/lineIndex';
import { ClauseSnippet, FixPlan, RuleSet } from '../types';
import { findInsertionPoint } from './insertion';
import { escapeSnippet, renderPlain } from './snippet';
import { insertClausesShortTitle, replaceShortTitle } from './titles';

const rendered = new Map<string, string>();

/** Clause bodies are few and findings many: render each body once. */
function renderedOnce(body: string): string {
  let text = rendered.get(body);
  if (text === undefined) {
    if (rendered.size > 1000) rendered.clear();
    rendered.set(body, (text = renderPlain(body)));
  }
  return text;
}

export function insertClausesPlan(doc: ContractDocument, ruleSet: RuleSet, clauseIds: string[], anchor: Span | undefined): FixPlan[] {
  const plans: FixPlan[] = [];
  const snippets = clauseIds.map((id) => ruleSet.clauses.get(id)).filter((c): c is ClauseSnippet => c !== undefined);
  // Group clauses by insertion point so that one plan inserts what belongs together.
  const byOffset = new Map<number, { prefix: string; suffix: string; where: string; clauses: ClauseSnippet[] }>();
  for (const clause of snippets) {
    const point = findInsertionPoint(doc, anchor, clause.placement);
    const entry = byOffset.get(point.offset) ?? { prefix: point.prefix, suffix: point.suffix, where: point.where, clauses: [] };
    entry.clauses.push(clause);
    byOffset.set(point.offset, entry);
  }
  const eol = doc.lines.eol();
  for (const [offset, { prefix, suffix, where, clauses }] of byOffset) {
    const edits = clauses.map((clause) => {
      const body = clause.body.replace(/\r?\n/g, eol).trimEnd();
      return { start: offset, end: offset, text: prefix + renderedOnce(body) + suffix, snippet: escapeSnippet(prefix) + body + escapeSnippet(suffix), clauseId: clause.id };
    });
    const titles = clauses.map((c) => c.title);
    plans.push({ id: `insert:${clauses.map((c) => c.id).join('+')}`, type: 'insert-clause', title: `Insert ${titles.join(' and ')} ${where}`, shortTitle: insertClausesShortTitle(titles), edits });
  }
  return plans;
}

export function replacePlan(span: Span, replacement: string, matched: string): FixPlan {
  const text = renderPlain(replacement);
  return {
    id: `replace:${span.start}`,
    type: 'replace',
    title: `Replace "${matched}" with "${text}"`,
    shortTitle: replaceShortTitle(text),
    edits: [{ start: span.start, end: span.end, text, snippet: replacement }],
  };
}

/**
 * A `disable-next-line` comment above the finding's line, with a reason to fill in.
 * As plain text the reason is left empty, so the suppression does not apply (and is
 * itself reported) until someone writes why; the snippet puts the cursor there.
 */
export function suppressPlan(doc: ContractDocument, ruleIds: string[], span: Span): FixPlan {
  // One comment may name several rules: the editor offers one suppression per line.
  const ruleId = ruleIds.join(', ');
  const line = doc.lines.lineOf(span.start);
  const lineStart = doc.lines.lineStarts[line];
  const indent = /^[ \t]*/.exec(doc.text.slice(lineStart, lineStart + 40))![0];
  const eol = doc.lines.eol();
  const comment = (details: string) =>
    doc.format === 'markdown' ? `<!-- clauselint-disable-next-line ${ruleId} -- ${details} -->` : `[clauselint-disable-next-line ${ruleId} -- ${details}]`;
  const plain = comment('reason: ; approved-by: ');
  const snippet = comment('reason: ${1:why this is acceptable}; approved-by: ${2:name}');
  return {
    id: `suppress:${ruleId}:${line}`,
    type: 'suppress',
    title: `Suppress ${ruleId} here (with a reason)`,
    shortTitle: ruleIds.length === 1 ? 'Suppress on this line, with a reason' : `Suppress ${ruleIds.length} rules on this line, with a reason`,
    edits: [{ start: lineStart, end: lineStart, text: indent + plain + eol, snippet: escapeSnippet(indent) + snippet + escapeSnippet(eol) }],
  };
}
