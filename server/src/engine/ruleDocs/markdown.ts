/**
 * A rule's documentation as Markdown: the pages in docs/rules/<pack>/<rule>.md
 * (npm run docs) and what the editor's docs view shows for a rule that has no
 * bundled page.
 */
import { RuleSet, RuleSpec } from '../types';
import { RuleFacts, ruleFacts } from './ruleFacts';

function quoteBlock(text: string): string {
  return text.split('\n').map((l) => `> ${l}`).join('\n');
}

function factsLine(facts: RuleFacts): string[] {
  if (!facts.kind) return [];
  return [`**Kind:** \`${facts.kind}\` · **Default severity:** ${facts.severity}${facts.clauseKind ? ` · **Clause kind:** \`${facts.clauseKind.id}\`` : ''}`, ''];
}

export function markdownOf(facts: RuleFacts): string {
  const lines = [
    `# ${facts.id}`,
    '',
    ...factsLine(facts),
    ...(facts.deprecated ? [`> **Deprecated:** ${facts.deprecated}`, ''] : []),
    facts.what,
    '',
    facts.docs.trim(),
    '',
  ];
  if (facts.when?.description !== undefined) lines.push('## When it runs', '', `Only on documents where: ${facts.when.description || facts.when.id}`, '');
  if (facts.source) lines.push('## Source', '', facts.source, '');
  if (facts.insertsClauses.length > 0 || facts.replaceWith !== undefined) {
    lines.push('## Quick fixes', '');
    for (const clause of facts.insertsClauses) if (clause.title !== undefined) lines.push(`- Insert the ${clause.title} clause (\`${clause.id}\`).`);
    if (facts.replaceWith !== undefined) lines.push(`- Replace the flagged words with "${facts.replaceWith}".`);
    lines.push('- Suppress it here, with a reason (recorded in the exceptions log).', '');
  }
  if (facts.examples) {
    lines.push('## Examples', '', 'Reported:', '');
    for (const text of facts.examples.fire) lines.push(quoteBlock(text), '');
    lines.push('Not reported:', '');
    for (const text of facts.examples.pass) lines.push(quoteBlock(text), '');
  }
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

/** The docs page of a pack's rule. */
export function ruleDocMarkdown(rule: RuleSpec, ruleSet: RuleSet): string {
  return markdownOf(ruleFacts(rule, ruleSet));
}
