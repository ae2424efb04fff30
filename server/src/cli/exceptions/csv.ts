/**
 * CSV as RFC 4180 defines it: a header row, CRLF after every record, and a
 * field in double quotes when it holds a comma, a double quote, CR or LF
 * (inner quotes doubled). The log is opened in spreadsheets, and its cells
 * hold text from documents (a reason, an approver, a file name): a text cell
 * that starts with = + - @, a tab or CR would be read as a formula, so it gets
 * a leading single quote (OWASP's rule for CSV injection). Numbers are
 * written as they are.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: string | number | undefined): string {
  if (value === undefined) return '';
  const text = typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: string[], rows: (string | number | undefined)[][]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',') + '\r\n').join('');
}
