/** Markdown documentation of a rule, generated from its pack (docs/rules/<pack>/<rule>.md and the editor's docs view). */
import { RuleSet, RuleSpec } from '../engine/types';

function quoteBlock(text: string): string {
  return text.split('\n').map((l) => `> ${l}`).join('\n');
}

function withArticle(title: string): string {
  const lower = title.toLowerCase();
  return `${/^[aeio]/.test(lower) ? 'an' : 'a'} ${lower}`;
}

function describeKind(rule: RuleSpec, ruleSet: RuleSet): string {
  const o = rule.options;
  const title = (k: unknown) => (typeof k === 'string' ? ruleSet.kinds.get(k)?.title ?? k : '');
  switch (rule.kind) {
    case 'flag':
      return o.clause ? `Flags each ${title(o.clause).toLowerCase()}${o.qualifiedBy ? ` that no ${[o.qualifiedBy].flat().map(title).join(' or ').toLowerCase()} narrows` : ''}.` : 'Flags the words listed in its term set.';
    case 'conditional':
      return `Where the document has ${withArticle(title(o.if))}, requires ${[o.then].flat().map((k) => withArticle(title(k))).join(' and ')} in ${o.scope === 'document' || !o.scope ? 'the document' : `the same ${o.scope}`}.`;
    case 'require':
      return `Requires ${withArticle(title(o.clause))} somewhere in the document.`;
    case 'definition':
      return 'Flags each use of a defined term whose definition is broad.';
    default:
      return '';
  }
}

export function ruleDocMarkdown(rule: RuleSpec, ruleSet: RuleSet): string {
  const condition = rule.when ? ruleSet.conditions.get(rule.when) : undefined;
  const lines = [
    `# ${rule.id}`,
    '',
    `**Kind:** \`${rule.kind}\` · **Default severity:** ${rule.severity}${rule.clauseKind ? ` · **Clause kind:** \`${rule.clauseKind}\`` : ''}`,
    '',
    ...(rule.deprecated ? [`> **Deprecated:** ${rule.deprecated}`, ''] : []),
    describeKind(rule, ruleSet),
    '',
    rule.docs.trim(),
    '',
  ];
  if (condition) lines.push('## When it runs', '', `Only on documents where: ${condition.description || rule.when}`, '');
  if (rule.source) lines.push('## Source', '', rule.source, '');
  if (rule.fix.clauses.length > 0 || rule.fix.replace !== undefined) {
    lines.push('## Quick fixes', '');
    for (const id of rule.fix.clauses) {
      const clause = ruleSet.clauses.get(id);
      if (clause) lines.push(`- Insert the ${clause.title} clause (\`${id}\`).`);
    }
    if (rule.fix.replace !== undefined) lines.push(`- Replace the flagged words with "${rule.fix.replace}".`);
    lines.push('- Suppress it here, with a reason (recorded in the exceptions log).', '');
  }
  lines.push('## Examples', '', 'Reported:', '');
  for (const text of rule.examples.fire) lines.push(quoteBlock(text), '');
  lines.push('Not reported:', '');
  for (const text of rule.examples.pass) lines.push(quoteBlock(text), '');
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}
