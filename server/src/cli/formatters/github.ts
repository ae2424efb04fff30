/**
 * GitHub Actions workflow commands, one annotation per finding:
 *   ::warning file=F,line=L,col=C,endLine=EL,endColumn=EC,title=RULE::MESSAGE
 * Lines and columns are 1-based. Values are escaped as GitHub's runner expects.
 */
import { Severity } from '../../engine/types';
import { Report } from '../report';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(report: Report): string {
  const lines: string[] = [];
  for (const file of report.files) {
    for (const f of file.findings) {
      const { start, end } = f.range;
      const props = [
        `file=${escapeProperty(file.path)}`,
        `line=${start.line + 1}`,
        `col=${start.character + 1}`,
        `endLine=${end.line + 1}`,
        `endColumn=${end.character + 1}`,
        `title=${escapeProperty(f.ruleId)}`,
      ];
      lines.push(`::${COMMAND[f.severity]} ${props.join(',')}::${escapeData(f.message)}`);
    }
  }
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
}
