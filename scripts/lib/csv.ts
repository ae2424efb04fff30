/**
 * RFC 4180 CSV: fields separated by commas, records by CRLF or LF (a lone CR is
 * accepted too); a field in double quotes may hold commas, line breaks and
 * doubled quotes (`""` stands for one `"`). A leading byte-order mark is
 * dropped; blank lines (and a final line break) do not make empty records.
 */

export class CsvError extends Error {
  constructor(message: string, readonly line: number) {
    super(`CSV line ${line}: ${message}`);
  }
}

/** Every record as an array of fields, in file order. */
export function parseCsv(input: string): string[][] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let line = 1;
  let i = 0;
  const n = text.length;
  // True once anything (even an empty quoted field) has been read for the current record.
  let recordStarted = false;

  const endField = () => {
    record.push(field);
    field = '';
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
    recordStarted = false;
  };

  while (i < n) {
    const c = text[i];
    if (c === '"' && field === '') {
      // Quoted field: runs to the next quote that is not doubled.
      const startLine = line;
      i++;
      for (;;) {
        if (i >= n) throw new CsvError('quoted field is not closed', startLine);
        const q = text[i];
        if (q === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (q === '\n') line++;
        field += q;
        i++;
      }
      recordStarted = true;
      const next = text[i];
      if (i < n && next !== ',' && next !== '\n' && next !== '\r') throw new CsvError('unexpected text after a closing quote', line);
      continue;
    }
    if (c === ',') {
      endField();
      recordStarted = true;
      i++;
    } else if (c === '\r' || c === '\n') {
      // A blank line is not a record of one empty field.
      if (recordStarted) endRecord();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
    } else {
      field += c;
      recordStarted = true;
      i++;
    }
  }
  if (recordStarted || field !== '') endRecord();
  return records;
}

/** Records keyed by the header row's names. Short rows get '' for missing fields. */
export function parseCsvObjects(input: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(input);
  if (!header) return [];
  return rows.map((row) => {
    const out: Record<string, string> = {};
    header.forEach((name, k) => {
      out[name] = row[k] ?? '';
    });
    return out;
  });
}

/** One record, quoting the fields that need it. */
export function csvRow(fields: string[]): string {
  return fields.map((f) => (/[",\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(',');
}
