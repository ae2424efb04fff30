/** The exceptions log in its three formats: text for people, JSON for tools, CSV for spreadsheets and audits. */
import { ExceptionsFormat } from '../args';
import { printable } from '../../io/terminalText';
import { Palette } from '../../io/color';
import { toCsv } from './csv';
import { ExceptionEntry, ExceptionsSummary } from './exceptionsLog';

export const EXCEPTIONS_JSON_VERSION = 1;

export interface ExceptionsLog {
  entries: ExceptionEntry[];
  summary: ExceptionsSummary;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function at(x: { line?: number; paragraph?: number }): string {
  return x.paragraph !== undefined ? `¶${x.paragraph}` : `line ${x.line}`;
}

function statusText(e: ExceptionEntry, p: Palette): string {
  switch (e.status) {
    case 'applied': {
      const found = e.suppressed.map((f) => `${f.ruleId} at ${at(f)}`).join('; ');
      return `${p.green('applied')}: suppressed ${plural(e.suppressed.length, 'finding')} (${found})`;
    }
    case 'unused':
      return `${p.yellow('unused')}: nothing here for it to suppress`;
    case 'invalid':
      return `${p.red('invalid')}: no reason given, so it does not apply (reported as clauselint/suppression-without-reason)`;
  }
}

/** A suppression's own words come from the document: control characters escaped. */
function shown(value: string | undefined): string | undefined {
  return value === undefined ? undefined : printable(value);
}

function entryBlock(e: ExceptionEntry, p: Palette): string {
  const where = at(e).padEnd(9);
  const rows: [string, string | undefined][] = [
    ['reason', shown(e.reason)],
    ['approved by', shown(e.approvedBy)],
    ['date', shown(e.date)],
    ['unknown rule', e.unknownRules.length > 0 ? `${printable(e.unknownRules.join(', '))} (no loaded rule has this id)` : undefined],
    ['status', statusText(e, p)],
  ];
  const indent = ' '.repeat(2 + where.length + 1);
  const head = `  ${p.gray(where)} ${p.bold(e.rules.length > 0 ? printable(e.rules.join(', ')) : 'all rules')}  ${p.gray(e.type)}`;
  return [head, ...rows.filter(([, v]) => v !== undefined).map(([label, v]) => `${indent}${p.gray(label.padEnd(14))}${v}`)].join('\n');
}

export function formatExceptionsText(log: ExceptionsLog, p: Palette): string {
  const { summary } = log;
  const byFile = new Map<string, ExceptionEntry[]>();
  for (const e of log.entries) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
  const blocks = [...byFile].map(([file, entries]) => `${p.underline(printable(file))}\n${entries.map((e) => entryBlock(e, p)).join('\n')}\n`);
  const counts = `${summary.applied} applied, ${summary.unused} unused, ${summary.invalid} invalid`;
  const total = summary.suppressions === 0
    ? `No suppressions in ${plural(summary.files, 'file')}.`
    : `${plural(summary.suppressions, 'suppression')} in ${plural(summary.files, 'file')}: ${counts}.`;
  return (blocks.length > 0 ? `\n${blocks.join('\n')}\n` : '') + total + '\n';
}

export function formatExceptionsJson(log: ExceptionsLog): string {
  return JSON.stringify({ version: EXCEPTIONS_JSON_VERSION, summary: log.summary, exceptions: log.entries }) + '\n';
}

export const CSV_HEADER = ['file', 'line', 'paragraph', 'type', 'rules', 'status', 'reason', 'approved_by', 'date', 'suppressed_findings', 'unknown_rules'];

export function formatExceptionsCsv(log: ExceptionsLog): string {
  const rows = log.entries.map((e) => [
    e.file,
    e.line,
    e.paragraph,
    e.type,
    e.rules.length > 0 ? e.rules.join(' ') : '*',
    e.status,
    e.reason,
    e.approvedBy,
    e.date,
    e.suppressed.length,
    e.unknownRules.join(' '),
  ]);
  return toCsv(CSV_HEADER, rows);
}

export function formatExceptions(format: ExceptionsFormat, log: ExceptionsLog, p: Palette): string {
  if (format === 'json') return formatExceptionsJson(log);
  if (format === 'csv') return formatExceptionsCsv(log);
  return formatExceptionsText(log, p);
}
