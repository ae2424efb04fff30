/** Words for a path's gaps: "no named approver and no logged decision, and a weak hold (left to discretion)". */
import { ElementFinding } from './path';

function joined(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** What a path lacks, as a phrase after "has": missing elements first, then weak ones with why. */
export function gapsPhrase(elements: ElementFinding[]): string {
  const missing = elements.filter((e) => e.state === 'absent').map((e) => `no ${e.spec.missing}`);
  const weak = elements.filter((e) => e.state === 'weak').map((e) => `a weak ${e.spec.title}${e.why ? ` (${e.why.toLowerCase()})` : ''}`);
  const parts = [joined(missing), joined(weak)].filter((p) => p !== '');
  return parts.join(', and ');
}

/** Related-location text for an element: "hold: shall not proceed until approved" or "approver (weak: ...)". */
export function elementLabel(e: ElementFinding): string {
  return e.state === 'weak' ? `${e.spec.title} (weak${e.why ? `: ${e.why.toLowerCase()}` : ''})` : e.spec.title;
}
