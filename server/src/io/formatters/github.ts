/**
 * GitHub Actions workflow commands, one annotation per finding:
 *   ::warning file=F,line=L,col=C,endLine=EL,endColumn=EC,title=RULE::MESSAGE
 * Lines and columns are 1-based. Values are escaped as GitHub's runner expects
 * (actions/toolkit, @actions/core command.ts): in data % CR LF; in properties
 * also : and ,. Other control characters are shown as \\xNN escapes.
 */
import { Severity } from '../../engine/types';
import { printable } from '../terminalText';
import { Report, ReportFinding } from '../report';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

/** Also: other control characters are escaped (the Actions log renders ANSI sequences). */
export function escapeData(s: string): string {
  return printable(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** A .docx has no lines: its annotations are file-level, and the message starts with the paragraph and the flagged words. */
function annotation(path: string, f: ReportFinding): string {
  const title = `title=${escapeProperty(f.ruleId)}`;
  if (f.location) {
    const message = `¶${f.location.paragraph} "${f.location.excerpt}": ${f.message}`;
    return `::${COMMAND[f.severity]} file=${escapeProperty(path)},${title}::${escapeData(message)}`;
  }
  const { start, end } = f.range;
  const props = [
    `file=${escapeProperty(path)}`,
    `line=${start.line + 1}`,
    `col=${start.character + 1}`,
    `endLine=${end.line + 1}`,
    `endColumn=${end.character + 1}`,
    title,
  ];
  return `::${COMMAND[f.severity]} ${props.join(',')}::${escapeData(f.message)}`;
}

export function formatGithub(report: Report): string {
  const lines = report.files.flatMap((file) => file.findings.map((f) => annotation(file.path, f)));
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
}
