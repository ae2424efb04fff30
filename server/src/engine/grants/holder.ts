/**
 * Who holds a grant: the grantee after a grant verb ("X grants to Y a licence" -> Y), the party
 * kept free by a reserved freedom ("nothing shall restrict Acme from"), else the subject right
 * before the permission ("Provider may use", "the Government shall have").
 */

export type Cased = (from: number, to: number) => string;

/** A permission's place in the normalised sentence. */
export interface Permission {
  start: number;
  end: number;
}

/** "Nothing in this Agreement shall restrict X from": a freedom reserved by denying a restriction. */
export const RESERVED_FREEDOM = /^(?:nothing|no provision|no term)\b/;

export const GRANT_VERB = /^(?:hereby )?(?:grants?|granted|granting|gives?|confers?|conveys?|provides?)$/;
const PRONOUN = /^(?:we|you|it|they|he|she|i|us)$/;
const ROLE_WORD = /^(?:licensee|licensor|customer|client|provider|supplier|vendor|contractor|government|agency|buyer|purchaser|company|user|subscriber|developer|distributor|recipient|authority|ministry|department)s?$/;
const SKIP_WORD = /^(?:hereby|also|thereafter|then|each|both|further|additionally|shall|will|accordingly|therefore|thus|now|and|or|that|which|who|the|a|an)$/;

/**
 * The holder: after a grant verb, the grantee ("X grants to Y a licence" -> Y); otherwise the
 * subject right before the permission ("Provider may use", "the Government shall have").
 */
export function holderOf(text: string, clauseStart: number, permission: Permission, cased: Cased): string | undefined {
  const word = text.slice(permission.start, permission.end);
  // "nothing ... shall restrict Acme from": the party kept free.
  const kept = RESERVED_FREEDOM.test(word) && /(?:prevent|preclude|limit|restrict|prohibit|restrain|bar|impair)s?(?: (?:or|and) [a-z]+)? ((?:the )?[a-z][a-z.&'-]*(?: [a-z][a-z.&'-]*){0,3}) from$/.exec(word);
  if (kept) return tidy(cased(permission.end - kept[1].length - 5, permission.end - 5));
  if (GRANT_VERB.test(word)) {
    const window = text.slice(permission.end, permission.end + 300);
    const after = /^,? (?:\([^()]*\) )?(?:and (?:assigns?|conveys?|transfers?) )?(?:to |unto )?(?<who>(?:the |each |either )?[a-z][a-z.&'-]*(?: [a-z][a-z.&'-]*){0,4}?)(?= (?:and (?:its|their) [a-z]+ )?(?:\(|a|an|the|all|each|any|full|non-exclusive|an? [a-z-]+|perpetual|irrevocable|royalty-free|worldwide|unrestricted|unlimited|exclusive)\b|,)/d.exec(window);
    // "you grant an irrevocable ... right to xAI to use", "a licence to Acme, its affiliates ...": the grantee follows the right.
    const to = /\b(?:right|rights|licen[cs]es?|permissions?)(?: and (?:right|licen[cs]e))? (?:to|unto) (?<who>(?:the )?[a-z][a-z.&'-]*(?: [a-z][a-z.&'-]*){0,3}?)(?: to [a-z]|,| and (?:its|their) )/d.exec(window);
    const found = after && !/^(?:a|an)\b|^the$|\b(?:rights?|licen[cs]es?|permissions?)\b/.test(after.groups!.who) ? after : to;
    const at = found?.indices?.groups?.who;
    if (at) return tidy(cased(permission.end + at[0], permission.end + at[1]));
  }
  const passive = /\b(?:granted|given|licensed|permitted|authori[sz]ed|used|exploited)(?: [a-z]+){0,3} by ((?:the )?[a-z][a-z.&'-]*(?: [a-z][a-z.&'-]*){0,2})/.exec(text.slice(permission.start, permission.start + 120));
  if (passive && /^(?:granted|given|licensed|permitted|authori[sz]ed)$|^be /.test(word)) {
    const from = permission.start + passive.index + passive[0].length - passive[1].length;
    return tidy(cased(from, from + passive[1].length));
  }
  // "We appreciate feedback, but may use it ...": the clause's subject is the sentence's.
  return subjectBefore(text, clauseStart, permission.start, cased) ?? (/^(?:and|but)?$/.test(text.slice(clauseStart, permission.start).trim()) ? /^\W*(we|you|they)\b/.exec(text)?.[1] : undefined);
}

/** The subject: the words right before `at` ("Provider", "the Government", "we"), back to `clauseStart`. */
export function subjectBefore(text: string, clauseStart: number, at: number, cased: Cased): string | undefined {
  // "The Agency and its users may": the party is the holder.
  const before = text.slice(clauseStart, at).replace(/\s+$/, '').replace(/,? (?:and|or) (?:its|their|his|her) (?:[a-z-]+ ?){1,3}$/, '');
  const words = before.split(' ');
  let end = words.length;
  while (end > 0 && SKIP_WORD.test(words[end - 1]) && !PRONOUN.test(words[end - 1])) end--;
  if (end === 0) return undefined;
  const lastWord = words[end - 1].replace(/[,)]$/, '');
  if (PRONOUN.test(lastWord)) return lastWord;
  // Back over the noun phrase as written (capitalised words: "the Service Provider", "Licensee").
  let startWord = end - 1;
  const offsets: number[] = [];
  let offset = clauseStart;
  for (const w of words) {
    offsets.push(offset);
    offset += w.length + 1;
  }
  // A section label ("5.2", "B.1", "(a)") is not part of the name.
  const isName = (i: number) => {
    const w = cased(offsets[i], offsets[i] + words[i].length).replace(/[*_`]/g, '');
    return /^[A-Z]|^[a-z]{1,4}[A-Z]/.test(w) && !/\d[.)]|^[A-Z]\.\d|^[A-Z]{1,2}\.$|^[A-Z]$|^[IVX]+\.$/.test(w);
  };
  if (!isName(end - 1)) return undefined;
  // In capitals ("LICENSEE OWNS ALL OUTPUTS AND MAY") case says nothing: take the last word naming a party role.
  if (/^[^a-z]*$/.test(cased(offsets[0], offsets[end - 1] + words[end - 1].length))) {
    for (let i = end - 1; i >= 0; i--) if (ROLE_WORD.test(words[i].replace(/[,;:]$/, ''))) return tidy(cased(offsets[i], offsets[i] + words[i].length).replace(/[,;:]$/, ''));
    return undefined;
  }
  while (startWord > 0 && isName(startWord - 1) && !/,$/.test(words[startWord - 1]) && end - startWord < 5) startWord--;
  if (startWord > 0 && /^(?:the|each|either|any)$/.test(words[startWord - 1])) startWord--;
  return tidy(cased(offsets[startWord], offsets[end - 1] + words[end - 1].length));
}

export function tidy(s: string): string {
  return s.replace(/<[^>]*>/g, '').replace(/[*_`]/g, '').replace(/\s+/g, ' ').replace(/[,;:]$/, '').trim();
}
