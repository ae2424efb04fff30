/** Reading rule options: one home for the helpers that rule kinds and qualification share. */

/** An option given as one string or a list of strings, as a list. */
export function stringList(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value.map(String) : [String(value)];
}
