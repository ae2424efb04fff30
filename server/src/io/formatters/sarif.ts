/**
 * SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/), one run, for
 * GitHub code scanning and other SARIF viewers. Every loaded rule is listed in
 * tool.driver.rules; results point at them by id and index. Regions are
 * 1-based with an exclusive end column, and columns count UTF-16 code units
 * (declared with columnKind), matching the engine's offsets. A .docx has no
 * lines: its regions carry the flagged words (snippet) and the paragraph
 * number (properties.paragraph). Suppressed findings are left out, as GitHub
 * code scanning would open alerts for them; `clauselint exceptions` lists them.
 */
import * as path from 'path';
import { pathToFileURL } from 'url';
import { Range } from '../../document/lineIndex';
import { RuleSpec, Severity } from '../../engine/types';
import { engineRule } from '../../engine/engineRules';
import { ParagraphLocation } from '../docx/paragraphLocation';
import { Report } from '../report';
import { FormatContext } from './formatter';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const INFORMATION_URI = 'https://github.com/clauselint/clauselint';
const SRCROOT = '%SRCROOT%';

type SarifLevel = 'error' | 'warning' | 'note';
const LEVEL: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

interface SarifRule {
  id: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  helpUri?: string;
  help: { text: string; markdown?: string };
  defaultConfiguration: { level: SarifLevel };
  properties: Record<string, unknown>;
}

function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const m = /^.*?[.!?](?=\s|$)/.exec(flat);
  return m ? m[0] : flat;
}

/** A docs link that works outside this machine; built-in rules' docs are file: URLs into the install. */
function publicDocsUrl(rule: RuleSpec): string | undefined {
  return rule.docsUrl && /^https?:/i.test(rule.docsUrl) ? rule.docsUrl : undefined;
}

function ruleEntry(rule: RuleSpec): SarifRule {
  const template = rule.message.replace(/"?\{\w+\}"?/g, '…');
  const docs = rule.docs.trim() || template;
  const url = publicDocsUrl(rule);
  const text = [docs, rule.source ? `Source: ${rule.source}` : '', url ? `More: ${url}` : ''].filter(Boolean).join('\n\n');
  const markdown = [docs, rule.source ? `**Source:** ${rule.source}` : '', url ? `[Rule documentation](${url})` : ''].filter(Boolean).join('\n\n');
  return {
    id: rule.id,
    shortDescription: { text: firstSentence(docs) },
    fullDescription: { text: docs },
    ...(url ? { helpUri: url } : {}),
    help: { text, markdown },
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: { source: rule.source, pack: rule.pack, kind: rule.kind, clauseKind: rule.clauseKind },
  };
}

/** Rules the engine reports itself (e.g. a suppression without a reason) have no pack entry. */
function engineRuleEntry(id: string): SarifRule {
  const known = engineRule(id);
  const text = known?.description ?? id;
  return {
    id,
    shortDescription: { text: firstSentence(text) },
    fullDescription: { text },
    help: { text },
    defaultConfiguration: { level: known?.severity === 'error' ? 'error' : 'warning' },
    properties: { pack: 'clauselint' },
  };
}

function artifactLocation(shownPath: string) {
  if (path.isAbsolute(shownPath)) return { uri: pathToFileURL(shownPath).href };
  return { uri: shownPath.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function region(range: Range, location?: ParagraphLocation) {
  if (location) return { snippet: { text: location.excerpt }, properties: { paragraph: location.paragraph } };
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

export function formatSarif(report: Report, ctx: FormatContext): string {
  const rules = report.rules.map(ruleEntry);
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const indexOf = (id: string): number => {
    let i = index.get(id);
    if (i === undefined) {
      i = rules.push(engineRuleEntry(id)) - 1;
      index.set(id, i);
    }
    return i;
  };
  const results = report.files.flatMap((file) =>
    file.findings.map((f) => {
      const physical = (range: Range, location?: ParagraphLocation) => ({ artifactLocation: artifactLocation(file.path), region: region(range, location) });
      return {
        ruleId: f.ruleId,
        ruleIndex: indexOf(f.ruleId),
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [{ physicalLocation: physical(f.range, f.location) }],
        ...(f.related.length > 0
          ? { relatedLocations: f.related.map((r, id) => ({ id, message: { text: r.message }, physicalLocation: physical(r.range, r.location) })) }
          : {}),
        ...(f.clauseKind ? { properties: { clauseKind: f.clauseKind } } : {}),
      };
    }),
  );
  const sarif = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'ClauseLint', informationUri: INFORMATION_URI, version: ctx.toolVersion, semanticVersion: ctx.toolVersion, rules } },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(ctx.cwd + path.sep).href } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
