/**
 * Hover on a flagged phrase: each finding's message, one line of why (the
 * rule's first sentence), and a link to the rule's full docs. Never the docs
 * themselves (nor their sources): a grant can carry four findings, and four
 * rules' docs run to thousands of characters. What the reader sees (link
 * targets and Markdown marks aside) stays within MAX_HOVER_CHARS; the findings
 * that do not fit are counted ("+2 more").
 */
import { Hover, MarkupKind, Position } from 'vscode-languageserver';
import { engineRule } from '../engine/engineRules';
import { Finding } from '../engine/types';
import { LintSnapshot } from './documentLinter';
import { CLIENT_COMMANDS } from '../../../shared/protocol';
import { docsLinks, findRule } from './ruleDocs';

export const MAX_HOVER_CHARS = 1200;
const MAX_WHY_CHARS = 120;
const MAX_MESSAGE_CHARS = 240;

export interface HoverOptions {
  /** The client renders Markdown (else the same text goes as plain text). */
  markdown: boolean;
  /** The client runs CLIENT_COMMANDS.showRuleDocs: link to the rendered docs with a command link. */
  docsCommand: boolean;
}

/** At most `max` characters, cut at a word boundary, with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  return flat.slice(0, max - 1).replace(/\s+\S*$/, '') + '…';
}

/** The first sentence of a rule's docs: the why, in one line. */
export function oneLineWhy(docs: string): string {
  const flat = docs.replace(/\s+/g, ' ').trim();
  const sentence = /^.*?[.!?](?=\s|$)/.exec(flat)?.[0] ?? flat;
  return clip(sentence, MAX_WHY_CHARS);
}

function docsLink(f: Finding, uri: string, options: HoverOptions): string | undefined {
  if (options.markdown && options.docsCommand) {
    const args = encodeURIComponent(JSON.stringify([f.ruleId, uri]));
    return `[Rule docs](command:${CLIENT_COMMANDS.showRuleDocs}?${args})`;
  }
  const links = docsLinks(f.docsUrl);
  const web = links.webUrl ?? links.fileUrl;
  if (!web) return undefined;
  return options.markdown ? `[Rule docs](${web})` : `Docs: ${web}`;
}

function findingText(snapshot: LintSnapshot, f: Finding, options: HoverOptions): string {
  const rule = findRule(snapshot.lint!.compiled.ruleSet, f.ruleId);
  const why = oneLineWhy(rule?.docs || engineRule(f.ruleId)?.description || '');
  const message = clip(f.message, MAX_MESSAGE_CHARS);
  const head = options.markdown ? `**${f.severity}** \`${f.ruleId}\`: ${message}` : `${f.severity} ${f.ruleId}: ${message}`;
  const lines = [head];
  if (why && why !== message) lines.push(options.markdown ? `*Why:* ${why}` : `Why: ${why}`);
  const link = docsLink(f, snapshot.uri, options);
  if (link) lines.push(link);
  // Two trailing spaces: a Markdown line break, so the three lines stay one block.
  return lines.join(options.markdown ? '  \n' : '\n');
}

/** The characters a reader sees: link text without its target, without Markdown marks. */
export function visibleLength(markdown: string): number {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*|[*`]/g, '')
    .replace(/ {2}\n/g, '\n').length;
}

/** The findings' texts joined until the next one would pass MAX_HOVER_CHARS (as seen), then "+N more". */
export function boundedHoverText(parts: string[], markdown: boolean): string {
  const separator = markdown ? '\n\n---\n\n' : '\n\n';
  const seen = (t: string) => (markdown ? visibleLength(t) : t.length);
  const MORE_RESERVE = 60;
  let text = markdown ? '**ClauseLint**' : 'ClauseLint';
  let shown = 0;
  for (const part of parts) {
    const reserve = shown + 1 < parts.length ? MORE_RESERVE : 0;
    const room = MAX_HOVER_CHARS - seen(text) - separator.length - reserve;
    if (seen(part) > room) {
      if (shown > 0) break;
      text += separator + clip(part, room);
    } else {
      text += separator + part;
    }
    shown++;
  }
  const more = parts.length - shown;
  if (more > 0) text += `${separator}+${more} more ClauseLint finding${more === 1 ? '' : 's'} here (see Problems)`;
  return text;
}

export function hoverAt(snapshot: LintSnapshot, position: Position, options: HoverOptions): Hover | null {
  if (!snapshot.lint) return null;
  const lines = snapshot.lint.doc.lines;
  const offset = lines.offsetAt(position);
  const hits = snapshot.findings.filter((f) => f.span.start <= offset && offset <= f.span.end && f.span.end > f.span.start);
  if (hits.length === 0) return null;
  const value = boundedHoverText(
    hits.map((f) => findingText(snapshot, f, options)),
    options.markdown,
  );
  return { contents: { kind: options.markdown ? MarkupKind.Markdown : MarkupKind.PlainText, value }, range: lines.rangeOf(hits[0].span) };
}
