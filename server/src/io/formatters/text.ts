/**
 * Human-readable output in the manner of ESLint's "stylish": a header per
 * file, one aligned row per finding (1-based line:column, or ¶paragraph and
 * the flagged words for a .docx; severity, message, rule id), and a summary
 * line. Prints nothing when there is nothing to report.
 */
import { Severity } from '../../engine/types';
import { printable } from '../terminalText';
import { Palette, palette } from '../color';
import { countFindings, Report, ReportFile } from '../report';
import { FormatContext } from './formatter';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function severityColor(p: Palette, severity: Severity): (s: string) => string {
  return severity === 'error' ? p.red : severity === 'warning' ? p.yellow : severity === 'info' ? p.blue : p.gray;
}

/** Messages, excerpts and names come from documents and packs: one line, control characters escaped. */
function oneLine(message: string): string {
  return printable(message.replace(/\s*[\r\n]+\s*/g, ' '));
}

/** A text file's finding is at line:column; a Word document's at its paragraph, with the flagged words quoted. */
function fileBlock(file: ReportFile, p: Palette): string {
  const rows = file.findings.map((f) => ({
    where: f.location ? `¶${f.location.paragraph}` : `${f.range.start.line + 1}:${f.range.start.character + 1}`,
    severity: f.severity,
    message: oneLine(f.message) + (f.location ? `  "${oneLine(f.location.excerpt)}"` : ''),
    ruleId: printable(f.ruleId),
  }));
  const width = (pick: (r: (typeof rows)[number]) => string) => Math.max(...rows.map((r) => pick(r).length));
  const whereWidth = width((r) => r.where);
  const severityWidth = width((r) => r.severity);
  const messageWidth = width((r) => r.message);
  const lines = rows.map(
    (r) =>
      `  ${p.gray(r.where.padEnd(whereWidth))}  ${severityColor(p, r.severity)(r.severity.padEnd(severityWidth))}  ` +
      `${r.message.padEnd(messageWidth)}  ${p.gray(r.ruleId)}`,
  );
  return `${p.underline(printable(file.path))}\n${lines.join('\n')}\n`;
}

export function formatText(report: Report, ctx: FormatContext): string {
  const p = palette(ctx.color);
  const withFindings = report.files.filter((f) => f.findings.length > 0);
  if (withFindings.length === 0) return '';
  const blocks = withFindings.map((f) => fileBlock(f, p));
  const c = countFindings(report.files);
  const parts = [`${plural(c.error, 'error')}`, `${plural(c.warning, 'warning')}`, `${plural(c.info, 'info')}`];
  if (c.hint > 0) parts.push(plural(c.hint, 'hint'));
  const summaryColor = c.error > 0 ? p.red : c.warning > 0 ? p.yellow : p.blue;
  let out = `\n${blocks.join('\n')}\n${summaryColor(p.bold(`✖ ${plural(c.total, 'problem')} (${parts.join(', ')})`))}\n`;
  if (c.fixable > 0) out += `  ${c.fixable} of them can be fixed with the --fix option.\n`;
  const suppressed = report.files.reduce((n, f) => n + f.suppressed.length, 0);
  if (suppressed > 0) out += `  ${plural(suppressed, 'finding')} suppressed with a reason (listed under "suppressed" in --format json).\n`;
  return out;
}
