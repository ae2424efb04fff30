/** A rule's documentation as terminal text, for `clauselint explain`. */
import { RuleFacts } from './ruleFacts';

/** How the text is highlighted (the CLI's palette: colours, or none). */
export interface TextStyle {
  bold(text: string): string;
  gray(text: string): string;
}

function indent(text: string, by: string): string {
  return text.trim().split(/\r?\n/).map((l) => (l ? by + l : l)).join('\n');
}

function bullet(text: string): string {
  return text.trim().split(/\r?\n/).map((l, i) => (i === 0 ? '  - ' : '    ') + l).join('\n');
}

function packRow(facts: RuleFacts, shownFile: (file: string) => string): string {
  if (facts.engine) return `${facts.pack} (reported by the engine itself)`;
  return `${facts.pack}${facts.location ? `  (${shownFile(facts.location.file)}:${facts.location.line})` : ''}`;
}

function appliesRow(facts: RuleFacts): string | undefined {
  if (facts.engine) return undefined;
  const when = facts.when;
  return when && when.id !== 'always' ? `only when ${when.id}: ${when.description || 'see the pack'}` : 'to every document';
}

function fixRow(facts: RuleFacts): string | undefined {
  const parts = facts.insertsClauses.map((c) => `insert clause "${c.title ?? c.id}" (${c.id})`);
  if (facts.replaceWith !== undefined) parts.push(`replace the words with "${facts.replaceWith}"`);
  return parts.length > 0 ? parts.join('; ') : undefined;
}

/** `shownFile` turns a pack file's path into the one to print (relative to the current folder). */
export function textOf(facts: RuleFacts, style: TextStyle, shownFile: (file: string) => string): string {
  const rows: [string, string | undefined][] = [
    ['pack', packRow(facts, shownFile)],
    ['kind', facts.kind],
    ['severity', facts.enabled ? facts.severity : `${facts.severity} (turned off by the config)`],
    ['clause kind', facts.clauseKind ? `${facts.clauseKind.id}${facts.clauseKind.title !== undefined ? ` (${facts.clauseKind.title})` : ''}` : undefined],
    ['applies', appliesRow(facts)],
    ['message', facts.message],
    ['source', facts.source],
    ['docs url', facts.docsUrl],
    ['fix', fixRow(facts)],
    ['deprecated', facts.deprecated],
  ];
  const out = [style.bold(facts.id)];
  for (const [label, value] of rows) if (value) out.push(`  ${style.gray(label.padEnd(13))}${value}`);
  if (facts.docs.trim()) out.push('', indent(facts.docs, '  '));
  const examples = facts.examples ?? { fire: [], pass: [] };
  for (const [title, list] of [['Reports on (examples.fire):', examples.fire], ['Stays silent on (examples.pass):', examples.pass]] as const) {
    if (list.length === 0) continue;
    out.push('', `  ${style.bold(title)}`);
    for (const text of list) out.push(bullet(text));
  }
  return out.join('\n') + '\n';
}
