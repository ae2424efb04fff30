/**
 * A fix plan as one snippet, for clients that insert snippets (our VS Code
 * extension, through its applySnippet command): the placeholders of an
 * approved clause (party names, the designated official) become tab stops.
 * Plans whose edits all sit at one place merge into one snippet, tab stops of
 * later parts shifted past the earlier ones; anything else stays a plain edit.
 */
import { FixPlan } from '../types';
import { hasPlaceholders, maxTabStop, shiftTabStops, withoutVariables } from './snippet';

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
