/**
 * Clause snippets use VS Code snippet syntax (${1:placeholder}, ${2|a,b|}).
 * Plain rendering fills each placeholder with its default, for the CLI and
 * for clients without snippet edits.
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

/** Escape literal text so it can sit inside a snippet. */
export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}
