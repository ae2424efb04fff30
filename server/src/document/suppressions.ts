/**
 * Suppression comments:
 *   <!-- clauselint-disable-next-line pack/rule -- reason: ...; approved-by: ...; date: ... -->
 *   [clauselint-disable pack/rule -- reason]        (plain text, on its own line)
 *   <!-- clauselint-enable pack/rule -->
 * A `disable` lasts until a matching `enable` or the end of the document.
 */
import { LineIndex, Span } from './lineIndex';

export type SuppressionType = 'disable-next-line' | 'disable-line' | 'disable' | 'enable';

export interface Suppression {
  type: SuppressionType;
  /** Rule ids named (qualified "pack/rule" or bare "rule"); empty means every rule. */
  rules: string[];
  reason?: string;
  approvedBy?: string;
  date?: string;
  span: Span;
  /** Lines the suppression covers, inclusive; `toLine` is Infinity for an open `disable`. */
  fromLine: number;
  toLine: number;
}

const COMMENT = /(?:<!--|\[)[ \t]*clauselint-(disable-next-line|disable-line|disable|enable)\b(.*?)(?:-->|\](?=[ \t]*(?:\r?\n|\r|$)))/g;

function parseDetails(raw: string): Pick<Suppression, 'reason' | 'approvedBy' | 'date'> {
  const out: Pick<Suppression, 'reason' | 'approvedBy' | 'date'> = {};
  const parts = raw.split(';').map((p) => p.trim()).filter(Boolean);
  const free: string[] = [];
  for (const part of parts) {
    const m = /^(reason|approved[- ]by|approver|date)\s*:\s*(.*)$/i.exec(part);
    if (!m) free.push(part);
    else if (/^reason/i.test(m[1])) out.reason = m[2].trim();
    else if (/^date/i.test(m[1])) out.date = m[2].trim();
    else out.approvedBy = m[2].trim();
  }
  if (!out.reason && free.length > 0) out.reason = free.join('; ');
  if (out.reason !== undefined && out.reason.length === 0) delete out.reason;
  return out;
}

/** Every suppression comment contains this. */
export const SUPPRESSION_MARK = 'clauselint-';

export function findSuppressions(text: string, lines: LineIndex): Suppression[] {
  if (!text.includes(SUPPRESSION_MARK)) return [];
  const found: Suppression[] = [];
  let m: RegExpExecArray | null;
  COMMENT.lastIndex = 0;
  while ((m = COMMENT.exec(text))) {
    const type = m[1] as SuppressionType;
    const body = m[2];
    const sep = body.search(/\s--(\s|$)/);
    const ruleText = sep >= 0 ? body.slice(0, sep) : body;
    const rules = ruleText.split(/[\s,]+/).filter(Boolean);
    const details = sep >= 0 ? parseDetails(body.slice(sep + 3)) : {};
    const line = lines.lineOf(m.index);
    let fromLine = line;
    let toLine = line;
    if (type === 'disable-next-line') {
      // The next line with text on it: a blank line between comment and clause is allowed.
      let next = line + 1;
      while (next < lines.lineCount - 1 && lines.lineEnd(next) === lines.lineStarts[next]) next++;
      fromLine = next;
      toLine = next;
    } else if (type === 'disable') {
      toLine = Infinity;
    }
    found.push({ type, rules, ...details, span: { start: m.index, end: m.index + m[0].length }, fromLine, toLine });
  }
  // Close each `disable` at the first later `enable` that names it (or names every rule).
  for (let i = 0; i < found.length; i++) {
    const s = found[i];
    if (s.type !== 'disable') continue;
    for (let j = i + 1; j < found.length; j++) {
      const e = found[j];
      if (e.type === 'enable' && (e.rules.length === 0 || s.rules.every((r) => e.rules.includes(r)))) {
        s.toLine = e.fromLine;
        break;
      }
    }
  }
  return found;
}

/** Whether a suppression names a rule: by qualified id, by bare name, or by naming none. */
export function suppressionCovers(s: Suppression, ruleId: string): boolean {
  if (s.rules.length === 0) return true;
  const bare = ruleId.slice(ruleId.indexOf('/') + 1);
  return s.rules.includes(ruleId) || s.rules.includes(bare);
}
