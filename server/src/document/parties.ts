/**
 * The parties of a document, as written: from the preamble ("between Acme Corp.
 * ("Provider") and the Agency ("Customer")"), from party-like defined terms anywhere
 * ("Licensee", "the Government"), and the pronouns of terms of service ("we", "you"),
 * tied to a defined name when the document does so ("Acme, Inc. ("Acme", "we" or "us")").
 *
 * `partyKey` turns any way of naming a party into one key, so that the holder of a grant
 * and the party a prohibition binds can be compared: "the Provider", "Provider's" and,
 * where the document says so, "we" are one party.
 */
import { Definition } from './definitions';

export interface Party {
  /** The defined name ("Provider"), or the pronoun ("we", "you") when the document names no one. */
  name: string;
  /** Other names of the same party in this document, lower case ("we", "us", "our", "acme"). */
  aliases: string[];
}

/** Names that usually stand for a party (the defined term itself, or its last word). */
const PARTY_WORD = /^(?:provider|service provider|customer|client|licensee|licensor|sublicensee|contractor|subcontractor|government|agency|department|authority|buyer|purchaser|seller|supplier|vendor|company|user|subscriber|developer|distributor|reseller|franchisee|franchisor|partner|recipient|discloser|owner|publisher|member|consultant|employer|operator|host|lessee|lessor|manufacturer|sponsor|institution|university|collaborator|investigator|bank|state|county|city|ministry|office|department of [a-z ]+)$/;

const WE = ['we', 'us', 'our', 'ours'];
const YOU = ['you', 'your', 'yours'];

/** A parenthesis that names a party, with every quoted name in it: ("Acme", "we" or "us"). */
const PARTY_PAREN = /\((?:each[ \t]+|the[ \t]+|hereinafter[ \t]+(?:referred[ \t]+to[ \t]+as[ \t]+|called[ \t]+)?(?:the[ \t]+)?)?["\u201c]([^"\u201d\n]{1,60})["\u201d]((?:[^)\n]{0,80}?["\u201c][^"\u201d\n]{1,40}["\u201d]){0,4})[^)\n]{0,20}\)/g;
const QUOTED = /["\u201c]([^"\u201d\n]{1,40})["\u201d]/g;

/** Whether a text speaks as "we" or to "you" the way terms of service do ("we may", "you agree"). */
export interface Pronouns {
  we: boolean;
  you: boolean;
}

/** `pronounsIn` of normalised (lower-case, single-spaced) text. */
export function pronounsIn(normalised: string): Pronouns {
  return { we: /\bwe (?:may|will|shall|grant|reserve|do|are|provide|use)\b/.test(normalised), you: /\byou (?:may|will|shall|must|agree|are|grant)\b/.test(normalised) };
}

/**
 * Parties found in `preamble` (the first part of the document) and among the defined
 * terms (`definitions`: the whole document's, or only those that name a party); `speaks`: whether the opening of the
 * document speaks as "we" or to "you" (terms of service name the parties by pronoun only).
 */
export function findParties(preamble: string, definitions: Definition[], speaks: Pronouns): Party[] {
  const parties: Party[] = [];
  const add = (name: string, aliases: string[]) => {
    const key = name.toLowerCase().replace(/^the\s+/, '');
    const same = parties.find((p) => p.name.toLowerCase().replace(/^the\s+/, '') === key || p.aliases.includes(key));
    if (same) {
      for (const a of aliases) if (!same.aliases.includes(a)) same.aliases.push(a);
      return;
    }
    parties.push({ name, aliases: [...new Set([key, ...aliases])] });
  };
  PARTY_PAREN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PARTY_PAREN.exec(preamble))) {
    const names = [m[1], ...[...m[2].matchAll(QUOTED)].map((q) => q[1])].map((n) => n.trim());
    const lower = names.map((n) => n.toLowerCase());
    const pronouns = lower.filter((n) => WE.includes(n) || YOU.includes(n));
    const defined = names.filter((n) => !WE.includes(n.toLowerCase()) && !YOU.includes(n.toLowerCase()));
    const isParty = pronouns.length > 0 || defined.some((n) => PARTY_WORD.test(lastWords(n))) || /\bbetween\b|\band\b|\bby\b/.test(preamble.slice(Math.max(0, m.index - 120), m.index).toLowerCase());
    if (!isParty || defined.length === 0) continue;
    const aliases = [...defined.slice(1).map((n) => n.toLowerCase())];
    if (pronouns.some((p) => WE.includes(p))) aliases.push(...WE);
    if (pronouns.some((p) => YOU.includes(p))) aliases.push(...YOU);
    add(defined[0], aliases);
  }
  for (const d of definitions) if (isPartyTerm(d.term)) add(d.term, []);
  // Terms of service name the parties by pronoun only.
  if (!parties.some((p) => p.aliases.includes('we')) && speaks.we) add('we', WE.slice(1));
  if (!parties.some((p) => p.aliases.includes('you')) && speaks.you) add('you', YOU.slice(1));
  return parties;
}

/** Whether a defined term names a party ("Licensee", "the Government", "Service Provider"). */
export function isPartyTerm(term: string): boolean {
  return PARTY_WORD.test(lastWords(term));
}

function lastWords(name: string): string {
  const words = name.toLowerCase().split(/\s+/);
  return words.length <= 2 ? words.join(' ') : words.slice(-1)[0];
}

/**
 * One key per party for any way of naming it: "the Provider", "Provider's", "PROVIDER" and
 * an alias ("we") give the same key. A name no party has stays itself (lower case).
 */
export function partyKey(name: string, parties: Party[]): string {
  const bare = name
    .toLowerCase()
    .replace(/[\u2019']s$/, '')
    .replace(/^(?:the|each|either|any|such)\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
  const party = parties.find((p) => p.aliases.includes(bare) || p.name.toLowerCase().replace(/^the\s+/, '') === bare);
  if (party) return party.name.toLowerCase().replace(/^the\s+/, '');
  if (WE.includes(bare)) return 'we';
  if (YOU.includes(bare)) return 'you';
  return bare;
}

/** Whether a name stands for both parties or anyone ("each party", "the parties", "no person"). */
export function namesEveryone(name: string): boolean {
  return /^(?:(?:each|either|neither|both|no|any|every|all)(?: of the)? (?:party|parties|person|persons|one|user|users|entity|individual)|the parties|no one|nobody|anyone|everyone|any person|any third party)$/i.test(name.trim());
}
