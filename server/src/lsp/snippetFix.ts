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
    const part = shiftTabStops(e.snippet!, shift);
    shift = Math.max(shift, maxTabStop(part));
    return part;
  });
  return { start: edits[0].start, end: edits[0].end, snippet: parts.join('') };
}
