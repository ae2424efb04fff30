/**
 * A fix plan as one snippet, for clients that insert snippets (our VS Code
 * extension, through its applySnippet command): the placeholders of an
 * approved clause (party names, the designated official) become tab stops.
 * Plans whose edits all sit at one place merge into one snippet, tab stops of
 * later parts shifted past the earlier ones; anything else stays a plain edit.
 */
import { FixPlan } from '../engine/types';

/** Tab stops and placeholders: $1, ${1}, ${1:default}, ${1|a,b|}; $0 is the final cursor. */
const TAB_STOP = /\\.|\$(\d+)|\$\{(\d+)/g;

export function hasPlaceholders(snippet: string): boolean {
  for (const m of snippet.matchAll(TAB_STOP)) if (m[1] !== undefined || m[2] !== undefined) return true;
  return false;
}

function maxTabStop(snippet: string): number {
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

export interface SnippetEdit {
  start: number;
  end: number;
  snippet: string;
}

/** The plan as one snippet edit, or undefined when it has no placeholders or edits in several places. */
export function planAsSnippet(plan: FixPlan): SnippetEdit | undefined {
  const edits = plan.edits;
  if (edits.length === 0 || edits.some((e) => e.snippet === undefined || e.start !== edits[0].start || e.end !== edits[0].end)) return undefined;
  if (edits.length > 1 && edits[0].start !== edits[0].end) return undefined;
  if (!edits.some((e) => hasPlaceholders(e.snippet!))) return undefined;
  let shift = 0;
  const parts = edits.map((e) => {
    const part = shiftTabStops(withoutVariables(e.snippet!), shift);
    shift = Math.max(shift, maxTabStop(part));
    return part;
  });
  return { start: edits[0].start, end: edits[0].end, snippet: parts.join('') };
}
