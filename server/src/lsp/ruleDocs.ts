/**
 * Rule documentation for the editor: where a rule's docs live (a bundled
 * Markdown file, a web page, or text rendered from the pack) and that text.
 */
import * as fs from 'fs';
import { fileURLToPath } from 'url';
import { engineRule } from '../engine/engineRules';
import { builtinDocsDir } from '../packs/builtin';
import { isInsideFolder, realPathOf } from '../packs/readScope';
import { RuleSet, RuleSpec } from '../engine/types';
import { docsUri, RuleDocsResult } from './protocol';

export interface DocsLinks {
  fileUrl?: string;
  webUrl?: string;
}

const existing = new Map<string, boolean>();

/**
 * A file:// docs URL only counts when it is a built-in rule's docs file and
 * the file is there (built-in docs may not be bundled): the docs view shows
 * the file, so it must never be one a pack chose.
 */
export function docsLinks(docsUrl: string | undefined): DocsLinks {
  if (!docsUrl) return {};
  if (/^https?:\/\//i.test(docsUrl)) return { webUrl: docsUrl };
  if (!docsUrl.startsWith('file:')) return {};
  let found = existing.get(docsUrl);
  if (found === undefined) {
    try {
      const file = fileURLToPath(docsUrl);
      found = isInsideFolder(realPathOf(file), realPathOf(builtinDocsDir())) && fs.statSync(file).isFile();
    } catch {
      found = false;
    }
    existing.set(docsUrl, found);
  }
  return found ? { fileUrl: docsUrl } : {};
}

/** The URI a diagnostic's code links to: a web page, else the client's rendered docs, else the bundled file. */
export function docsHref(ruleId: string, docsUrl: string | undefined, fromUri: string, docsScheme: boolean): string | undefined {
  const links = docsLinks(docsUrl);
  if (links.webUrl) return links.webUrl;
  if (docsScheme) return docsUri(ruleId, fromUri);
  return links.fileUrl;
}

export function findRule(ruleSet: RuleSet, ruleId: string): RuleSpec | undefined {
  return ruleSet.rules.find((r) => r.id === ruleId) ?? ruleSet.rules.find((r) => r.name === ruleId);
}

function quoteBlock(text: string): string {
  return text
    .trim()
    .split(/\r?\n/)
    .map((l) => `> ${l}`)
    .join('\n');
}

/** Markdown for a rule, rendered from its pack entry. */
export function renderRuleDocs(rule: RuleSpec, ruleSet: RuleSet): string {
  const parts = [`# ${rule.id}`, '', rule.docs.trim() || rule.message, ''];
  const facts = [
    `**Severity:** ${rule.enabled ? rule.severity : 'off'}`,
    `**Kind:** \`${rule.kind}\``,
    rule.clauseKind ? `**Clause kind:** ${ruleSet.kinds.get(rule.clauseKind)?.title ?? rule.clauseKind} (\`${rule.clauseKind}\`)` : '',
    `**Pack:** ${rule.pack}${rule.location ? ` (\`${rule.location.file}\`, line ${rule.location.line})` : ''}`,
  ].filter(Boolean);
  parts.push(facts.join('  \n'), '');
  if (rule.source) parts.push('## Source', '', rule.source, '');
  const clauses = rule.fix.clauses.map((id) => ruleSet.clauses.get(id)).filter((c) => c !== undefined);
  if (clauses.length > 0 || rule.fix.replace) {
    parts.push('## Fix', '');
    for (const c of clauses) parts.push(`Inserts the **${c.title}** clause from the \`${c.pack}\` pack's library.`, '');
    if (rule.fix.replace) parts.push(`Replaces the flagged wording with “${rule.fix.replace}”.`, '');
  }
  if (rule.examples.fire.length > 0) parts.push('## Fires on', '', ...rule.examples.fire.map((e) => quoteBlock(e) + '\n'));
  if (rule.examples.pass.length > 0) parts.push('## Does not fire on', '', ...rule.examples.pass.map((e) => quoteBlock(e) + '\n'));
  parts.push('## Silence it', '', `Fix the text, set \`${rule.id}: off\` under \`rules:\` in \`.clauselint.yaml\`, or add a suppression with a reason:`, '');
  parts.push('```markdown', `<!-- clauselint-disable-next-line ${rule.id} -- reason: <why>; approved-by: <name> -->`, '```', '');
  return parts.join('\n');
}

export function ruleDocs(ruleId: string, ruleSet: RuleSet | undefined): RuleDocsResult | undefined {
  const rule = ruleSet && findRule(ruleSet, ruleId);
  if (!rule) {
    const builtin = engineRule(ruleId);
    return builtin ? { ruleId, markdown: `# ${ruleId}\n\n${builtin.description}\n` } : undefined;
  }
  const links = docsLinks(rule.docsUrl);
  let markdown = renderRuleDocs(rule, ruleSet!);
  if (links.fileUrl) {
    try {
      markdown = fs.readFileSync(fileURLToPath(links.fileUrl), 'utf8');
    } catch {
      // Fall back to the rendered text.
    }
  }
  return { ruleId: rule.id, markdown, ...links };
}
