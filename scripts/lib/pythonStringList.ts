/**
 * Parse a Python list of string literals as CUAD writes its clause excerpts:
 * `['first excerpt', "it's the second"]`. Strings may use either quote, with
 * backslash escapes (\\ \' \" \n \r \t \xNN \uNNNN, unknown escapes kept as
 * written, as Python does). Whitespace and a trailing comma are allowed.
 * Anything else is an error, reported with its position.
 */

export class PythonListError extends Error {
  constructor(message: string, readonly position: number) {
    super(`${message} at position ${position}`);
  }
}

const SIMPLE_ESCAPES: Record<string, string> = { '\\': '\\', "'": "'", '"': '"', n: '\n', r: '\r', t: '\t', '\n': '' };

export function parsePythonStringList(input: string): string[] {
  const s = input.trim();
  if (s === '') return [];
  if (s[0] !== '[') throw new PythonListError('expected "["', 0);
  const out: string[] = [];
  let i = skipSpace(s, 1);
  while (s[i] !== ']') {
    if (i >= s.length) throw new PythonListError('list is not closed', i);
    const { value, end } = readString(s, i);
    out.push(value);
    i = skipSpace(s, end);
    if (s[i] === ',') i = skipSpace(s, i + 1);
    else if (s[i] !== ']') throw new PythonListError('expected "," or "]"', i);
  }
  if (skipSpace(s, i + 1) !== s.length) throw new PythonListError('text after the list', i + 1);
  return out;
}

function skipSpace(s: string, i: number): number {
  while (i < s.length && /\s/.test(s[i])) i++;
  return i;
}

function readString(s: string, start: number): { value: string; end: number } {
  const quote = s[start];
  if (quote !== "'" && quote !== '"') throw new PythonListError('expected a quoted string', start);
  let value = '';
  let i = start + 1;
  for (;;) {
    if (i >= s.length) throw new PythonListError('string is not closed', start);
    const c = s[i];
    if (c === quote) return { value, end: i + 1 };
    if (c !== '\\') {
      value += c;
      i++;
      continue;
    }
    const e = s[i + 1];
    if (e === undefined) throw new PythonListError('string is not closed', start);
    if (e in SIMPLE_ESCAPES) {
      value += SIMPLE_ESCAPES[e];
      i += 2;
    } else if (e === 'x' || e === 'u') {
      const width = e === 'x' ? 2 : 4;
      const hex = s.slice(i + 2, i + 2 + width);
      if (!new RegExp(`^[0-9a-fA-F]{${width}}$`).test(hex)) throw new PythonListError(`bad \\${e} escape`, i);
      value += String.fromCharCode(parseInt(hex, 16));
      i += 2 + width;
    } else {
      value += c + e;
      i += 2;
    }
  }
}
