/**
 * Short fix titles for an editor's quick-fix menu ("Insert carve-out: domestic
 * mass surveillance", "Replace with “within 72 hours”"). A plan's full title
 * says where a clause goes and quotes what it replaces, which is right for the
 * CLI's report but too long for a menu a reader scans.
 */

const MAX_TITLE_CHARS = 72;

function clipTitle(text: string): string {
  return text.length <= MAX_TITLE_CHARS ? text : text.slice(0, MAX_TITLE_CHARS - 1).replace(/\s+\S*$/, '') + '…';
}

/** "prohibited-use carve-out (domestic mass surveillance)" -> head "carve-out", detail "domestic mass surveillance". */
function clauseName(title: string): { head: string; detail?: string } {
  const m = /^(.*?)\s*\(([^()]+)\)\s*$/.exec(title.trim());
  if (!m) return { head: title.trim() };
  const head = m[1].replace(/^prohibited-use\s+/i, '');
  return { head, detail: m[2] };
}

/** The menu title of inserting clauses with these titles, in one place (`note`: " (unnumbered)"). */
export function insertClausesShortTitle(titles: string[], note = ''): string {
  if (titles.length === 1) {
    const { head, detail } = clauseName(titles[0]);
    return clipTitle((detail ? `Insert ${head}: ${detail}` : `Insert ${head}`) + note);
  }
  const names = titles.map((t) => clauseName(t));
  const sameHead = names.every((n) => n.head === names[0].head && n.detail);
  const list = names.map((n) => n.detail ?? n.head).join(', ');
  return clipTitle((sameHead ? `Insert ${names[0].head}s: ${list}` : `Insert ${titles.length} clauses: ${list}`) + note);
}

/** The menu title of replacing the flagged words with `text` (plain, placeholders filled). */
export function replaceShortTitle(text: string): string {
  return clipTitle(`Replace with “${text.trim()}”`);
}
