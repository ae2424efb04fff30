/** Coverage of a kind made of elements: present only when its best path is complete; each element with its state and where. */
import { Span } from '../../document/lineIndex';
import { ClauseKindSpec, ElementCoverage, KindCoverage } from '../types';
import { EscalationPath } from './path';

export function pathCoverage(spec: ClauseKindSpec, path: EscalationPath | undefined): KindCoverage {
  const elements: ElementCoverage[] = (spec.elements ?? []).map((e) => {
    const found = path?.elements.find((x) => x.spec.id === e.id);
    return { element: e.id, title: e.title, state: found?.state ?? 'absent', ...(found?.why ? { why: found.why } : {}), locations: found?.locations ?? [] };
  });
  const complete = !!path?.complete;
  // Only a complete path is present (so "qualified by an escalation path" means a complete one); its locations are its elements'.
  const byStart = new Map<number, Span>();
  if (complete) for (const l of elements.flatMap((e) => e.locations)) byStart.set(l.start, l);
  return {
    kind: spec.id,
    title: spec.title,
    present: complete,
    locations: [...byStart.values()].sort((a, b) => a.start - b.start),
    state: complete ? 'present' : path ? 'weak' : 'absent',
    elements,
  };
}
