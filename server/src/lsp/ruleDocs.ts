/**
 * Rule documentation for the editor: where a rule's docs live (a bundled
 * Markdown file, a web page, or text rendered from the pack) and that text.
 */
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import { engineRule } from '../engine/engineRules';
import { markdownOf, ruleDocMarkdown } from '../engine/ruleDocs/markdown';
import { engineRuleFacts } from '../engine/ruleDocs/ruleFacts';
import { builtinDocsDir, builtinDocsWebBase } from '../packs/builtin';
import { isInsideFolder, realPathOf } from '../packs/readScope';
import { RuleSet, RuleSpec } from '../engine/types';
import { docsUri, RuleDocsResult } from '../../../shared/protocol';

export interface DocsLinks {
  fileUrl?: string;
  webUrl?: string;
}

const bundled = new Map<string, string | undefined>();

/**
 * A docs URL's links: a web page, and for a built-in rule's page (in
 * ClauseLint's repository, packs/builtin.ts) also the bundled copy of that
 * page when it is installed, which the docs view shows. Only a page under the
 * built-in docs address with a plain pack/rule name maps to a file, so a pack
 * can never point the docs view at a file of its choosing.
 */
export function docsLinks(docsUrl: string | undefined): DocsLinks {
  if (!docsUrl || !/^https?:\/\//i.test(docsUrl)) return {};
  const fileUrl = bundledDocsFile(docsUrl);
  return fileUrl ? { webUrl: docsUrl, fileUrl } : { webUrl: docsUrl };
}

function bundledDocsFile(docsUrl: string): string | undefined {
  const base = builtinDocsWebBase();
  if (!base || !docsUrl.startsWith(base)) return undefined;
  if (bundled.has(docsUrl)) return bundled.get(docsUrl);
  const page = /^([a-z0-9-]+)\/([a-z0-9-]+)\.md$/.exec(docsUrl.slice(base.length));
  let found: string | undefined;
  if (page) {
    const file = path.join(builtinDocsDir(), page[1], `${page[2]}.md`);
    try {
      if (isInsideFolder(realPathOf(file), realPathOf(builtinDocsDir())) && fs.statSync(file).isFile()) found = pathToFileURL(file).href;
    } catch {
      // not installed: the web page only
    }
  }
  bundled.set(docsUrl, found);
  return found;
}

/**
 * The URI a diagnostic's code links to: in a client that renders rule docs,
 * a built-in rule's docs there (they work offline, and match the installed
 * version); otherwise the web page; else the client's rendered docs.
 */
export function docsHref(ruleId: string, docsUrl: string | undefined, fromUri: string, docsScheme: boolean): string | undefined {
  const links = docsLinks(docsUrl);
  if (docsScheme && (links.fileUrl || !links.webUrl)) return docsUri(ruleId, fromUri);
  return links.webUrl;
}

export function findRule(ruleSet: RuleSet, ruleId: string): RuleSpec | undefined {
  return ruleSet.rules.find((r) => r.id === ruleId) ?? ruleSet.rules.find((r) => r.name === ruleId);
}

export function ruleDocs(ruleId: string, ruleSet: RuleSet | undefined): RuleDocsResult | undefined {
  const rule = ruleSet && findRule(ruleSet, ruleId);
  if (!rule) {
    const builtin = engineRule(ruleId);
    return builtin ? { ruleId, markdown: markdownOf(engineRuleFacts(builtin)) } : undefined;
  }
  const links = docsLinks(rule.docsUrl);
  // The bundled docs page when there is one (a built-in rule), else the same page rendered from the pack.
  let markdown = ruleDocMarkdown(rule, ruleSet!);
  if (links.fileUrl) {
    try {
      markdown = fs.readFileSync(fileURLToPath(links.fileUrl), 'utf8');
    } catch {
      // Fall back to the rendered text.
    }
  }
  return { ruleId: rule.id, markdown, ...links };
}
