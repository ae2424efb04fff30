/**
 * Clause snippets use VS Code snippet syntax (${1:placeholder}, ${2|a,b|}):
 * the one home of that syntax. Plain rendering fills each placeholder with its
 * default, for the CLI and for clients without snippet edits; the tab-stop
 * helpers serve clients that insert snippets.
 */

export function renderPlain(snippet: string): string {
  let out = '';
  let i = 0;
  while (i < snippet.length) {
    const c = snippet[i];
    if (c === '\\' && i + 1 < snippet.length && '$}\\'.includes(snippet[i + 1])) {
      out += snippet[i + 1];
      i += 2;
    } else if (c === '$' && snippet[i + 1] === '{') {
      const { text, end } = readPlaceholder(snippet, i);
      out += text;
      i = end;
    } else if (c === '$' && /\d/.test(snippet[i + 1] ?? '')) {
      i++;
      while (/\d/.test(snippet[i] ?? '')) i++;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** Read `${N:default}` / `${N|a,b|}` / `${N}` starting at `start`; nested placeholders are rendered too. */
function readPlaceholder(s: string, start: number): { text: string; end: number } {
  let i = start + 2;
  while (/\d/.test(s[i] ?? '')) i++;
  if (s[i] === '}') return { text: '', end: i + 1 };
  if (s[i] === '|') {
    const close = s.indexOf('|}', i + 1);
    if (close < 0) return { text: s.slice(start), end: s.length };
    return { text: s.slice(i + 1, close).split(',')[0], end: close + 2 };
  }
  if (s[i] !== ':') return { text: s.slice(start, i), end: i };
  // Find the matching close brace, honouring nesting and escapes.
  let depth = 1;
  let j = i + 1;
  let inner = '';
  while (j < s.length && depth > 0) {
    if (s[j] === '\\' && j + 1 < s.length) {
      inner += s.slice(j, j + 2);
      j += 2;
      continue;
    }
    if (s[j] === '$' && s[j + 1] === '{') depth++;
    else if (s[j] === '}') {
      depth--;
      if (depth === 0) break;
    }
    inner += s[j];
    j++;
  }
  return { text: renderPlain(inner), end: j + 1 };
}

/** A one-line preview of a snippet: placeholders filled with their defaults, white space collapsed, at most `max` characters. */
export function previewLine(snippet: string, max = 120): string {
  const flat = renderPlain(snippet).replace(/\s+/g, ' ').trim();
  return flat.length > max ? flat.slice(0, max - 1) + '…' : flat;
}

/** Escape literal text so it can sit inside a snippet. */
export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

/** Tab stops and placeholders: $1, ${1}, ${1:default}, ${1|a,b|}; $0 is the final cursor. */
const TAB_STOP = /\\.|\$(\d+)|\$\{(\d+)/g;

export function hasPlaceholders(snippet: string): boolean {
  for (const m of snippet.matchAll(TAB_STOP)) if (m[1] !== undefined || m[2] !== undefined) return true;
  return false;
}

export function maxTabStop(snippet: string): number {
  let max = 0;
  for (const m of snippet.matchAll(TAB_STOP)) max = Math.max(max, Number(m[1] ?? m[2] ?? 0));
  return max;
}

export function shiftTabStops(snippet: string, by: number): string {
  if (by === 0) return snippet;
  return snippet.replace(TAB_STOP, (all, bare?: string, braced?: string) => {
    if (bare !== undefined) return bare === '0' ? all : `$${Number(bare) + by}`;
    if (braced !== undefined) return braced === '0' ? all : `\${${Number(braced) + by}`;
    return all;
  });
}

/**
 * Snippet variables ($CLIPBOARD, ${TM_FILEPATH}, $RANDOM, ...) written in a pack's
 * clause text made literal: the editor would otherwise fill them in when the fix is
 * applied, pasting the user's clipboard or file path into the contract. Only our
 * numbered tab stops stay live.
 */
export function withoutVariables(snippet: string): string {
  let out = '';
  for (let i = 0; i < snippet.length; i++) {
    const c = snippet[i];
    if (c === '\\' && i + 1 < snippet.length) {
      out += c + snippet[++i];
    } else if (c === '$' && /[A-Za-z_]/.test(snippet[i + 1] ?? '')) {
      out += '\\$';
    } else if (c === '$' && snippet[i + 1] === '{' && /[A-Za-z_]/.test(snippet[i + 2] ?? '')) {
      // ${NAME} or ${NAME:default}: the dollar and the brace closing it become text.
      const close = snippet.indexOf('}', i + 2);
      const end = close < 0 ? snippet.length : close;
      out += '\\$' + snippet.slice(i + 1, end) + (close < 0 ? '' : '\\}');
      i = close < 0 ? snippet.length : close;
    } else {
      out += c;
    }
  }
  return out;
}

/**
 * What the engine fills in a pack's clause from the document itself: `${holder:[the Customer]}`
 * (who holds the grant the fix answers, else the party that receives what is supplied),
 * `${supplier:[the Provider]}` (who supplies it) and `${supplied:[Services]}` (the defined
 * name of what is supplied). A capitalised name (`${Holder:...}`) starts a sentence.
 */
export const FILL_NAMES = ['holder', 'supplier', 'supplied'] as const;
export type FillName = (typeof FILL_NAMES)[number];
export type FillValues = Partial<Record<FillName, string>>;

const FILL_VARIABLE = /\\.|\$\{(holder|supplier|supplied|Holder|Supplier|Supplied)(?::((?:\\.|[^\\}])*))?\}/g;

/**
 * A clause body with its fill variables resolved: a known value becomes literal text;
 * an unknown one a tab stop holding the pack's bracketed fallback (one tab stop per
 * variable, after the body's own), so the plain text keeps the fallback.
 */
export function resolveFill(body: string, values: FillValues): string {
  const unknownStops = new Map<string, number>();
  let nextStop = maxTabStop(body) + 1;
  return body.replace(FILL_VARIABLE, (all, name?: string, fallback?: string) => {
    if (name === undefined) return all;
    const key = name.toLowerCase() as FillName;
    const value = values[key];
    if (value) return escapeSnippet(name === key ? value : value[0].toUpperCase() + value.slice(1));
    let stop = unknownStops.get(name);
    if (stop === undefined) unknownStops.set(name, (stop = nextStop++));
    return fallback ? `\${${stop}:${fallback}}` : `\${${stop}}`;
  });
}
