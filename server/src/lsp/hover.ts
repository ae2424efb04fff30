/** Hover on a flagged phrase: what the rule checks, the finding, the rule's docs and its source. */
import { Hover, MarkupKind, Position } from 'vscode-languageserver';
import { engineRule } from '../engine/engineRules';
import { Finding } from '../engine/types';
import { LintSnapshot } from './documentLinter';
import { docsLinks, findRule } from './ruleDocs';

const MAX_DOCS_CHARS = 1500;

function findingMarkdown(snapshot: LintSnapshot, f: Finding): string {
  const rule = findRule(snapshot.lint!.compiled.ruleSet, f.ruleId);
  const docs = (rule?.docs ?? engineRule(f.ruleId)?.description ?? '').trim();
  const clipped = docs.length > MAX_DOCS_CHARS ? docs.slice(0, MAX_DOCS_CHARS).replace(/\s+\S*$/, '') + ' …' : docs;
  const parts = [`**ClauseLint** \`${f.ruleId}\` (${f.severity})`, f.message];
  if (clipped && clipped !== f.message) parts.push(clipped);
  if (f.source) parts.push(`*Source:* ${f.source}`);
  const links = docsLinks(f.docsUrl);
  const link = links.webUrl ?? links.fileUrl;
  if (link) parts.push(`[Rule documentation](${link})`);
  return parts.join('\n\n');
}

/** `markdown`: the client renders Markdown; otherwise the same text is sent as plain text (it reads well either way). */
export function hoverAt(snapshot: LintSnapshot, position: Position, markdown = true): Hover | null {
  if (!snapshot.lint) return null;
  const lines = snapshot.lint.doc.lines;
  const offset = lines.offsetAt(position);
  const hits = snapshot.findings.filter((f) => f.span.start <= offset && offset <= f.span.end && f.span.end > f.span.start);
  if (hits.length === 0) return null;
  return {
    contents: { kind: markdown ? MarkupKind.Markdown : MarkupKind.PlainText, value: hits.map((f) => findingMarkdown(snapshot, f)).join('\n\n---\n\n') },
    range: lines.rangeOf(hits[0].span),
  };
}
