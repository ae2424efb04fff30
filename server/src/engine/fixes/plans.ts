/** Fix plans a rule attaches to a finding: insert clauses, replace weak wording, suppress with a reason. */
import { ContractDocument } from '../../document/contractDocument';
import { Span } from '../../document/lineIndex';
import { ClauseSnippet, FixEdit, FixPlan, RuleSet } from '../types';
import { fillValues } from './fill';
import { findInsertionPoint, InsertionPoint } from './insertion';
import { labelText, numberingAt, pastNumberedRun } from './numbering';
import { escapeSnippet, renderPlain, resolveFill } from './snippet';
import { insertClausesShortTitle, replaceShortTitle } from './titles';

/** What a clause insertion knows of the place it answers. */
export interface InsertContext {
  /** Clause kinds already present where the fix applies (a carve-out that already binds the grantee): not inserted again. */
  present?: readonly string[];
  /** Who holds the grant the finding is about, as the grant reading gives it. */
  holder?: string;
}

export function insertClausesPlan(doc: ContractDocument, ruleSet: RuleSet, clauseIds: string[], anchor: Span | undefined, context: InsertContext = {}): FixPlan[] {
  const plans: FixPlan[] = [];
  const present = new Set(context.present ?? []);
  const snippets = clauseIds.map((id) => ruleSet.clauses.get(id)).filter((c): c is ClauseSnippet => c !== undefined && !present.has(c.kind));
  if (snippets.length === 0) return plans;
  // Group clauses by insertion point so that one plan inserts what belongs together.
  const byOffset = new Map<number, { point: InsertionPoint; clauses: ClauseSnippet[] }>();
  for (const clause of snippets) {
    // Between 3.1 and 3.2 a clause could not be numbered: it goes after the numbers that follow.
    const point = pastNumberedRun(doc, findInsertionPoint(doc, anchor, clause.placement));
    const entry = byOffset.get(point.offset) ?? { point, clauses: [] };
    entry.clauses.push(clause);
    byOffset.set(point.offset, entry);
  }
  const eol = doc.lines.eol();
  for (const [offset, { point, clauses }] of byOffset) {
    const { prefix, suffix } = point;
    const numbering = numberingAt(doc, offset);
    const numbered = numbering && numbering !== 'unnumbered' ? numbering : undefined;
    // The edits are rendered when first read (applying a fix, the editor's menu): a report needs only the title,
    // and rendering fills each clause with the parties' names, which are read from the whole document.
    let edits: FixEdit[] | undefined;
    const renderEdits = (): FixEdit[] => {
      const fill = fillValues(doc, context.holder);
      return clauses.map((clause, i): FixEdit => {
        const body = resolveFill(clause.body.replace(/\r?\n/g, eol).trimEnd(), fill);
        const label = numbered ? labelText(numbered, numbered.next + i) : '';
        const edit: FixEdit = { start: offset, end: offset, text: prefix + label + renderPlain(body) + suffix, snippet: escapeSnippet(prefix) + label + body + escapeSnippet(suffix), clauseId: clause.id, clauseKind: clause.kind };
        if (numbered) {
          const at = numbered.head.length;
          edit.number = { base: numbered.next, value: numbered.next + i, textAt: prefix.length + at, snippetAt: escapeSnippet(prefix).length + at, length: String(numbered.next + i).length };
        }
        return edit;
      });
    };
    const titles = clauses.map((c) => c.title);
    const unnumbered = numbering === 'unnumbered' ? ' (unnumbered)' : '';
    const as = numbered ? ` as ${clauses.map((_, i) => `${numbered.head}${numbered.next + i}`).join(', ')}` : '';
    plans.push({
      id: `insert:${clauses.map((c) => c.id).join('+')}`,
      type: 'insert-clause',
      title: `Insert ${titles.join(' and ')} ${point.where}${as}${unnumbered}`,
      shortTitle: insertClausesShortTitle(titles, unnumbered),
      get edits() {
        return (edits ??= renderEdits());
      },
    });
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
