/**
 * CSV as RFC 4180 defines it: a header row, CRLF after every record, and a
 * field in double quotes when it holds a comma, a double quote, CR or LF
 * (inner quotes doubled). Values are written as they are: no spreadsheet
 * formula escaping, so the file round-trips exactly.
 */

export function csvField(value: string | number | undefined): string {
  const text = value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: string[], rows: (string | number | undefined)[][]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',') + '\r\n').join('');
}
