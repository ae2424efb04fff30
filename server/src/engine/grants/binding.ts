/**
 * Whom a prohibition binds, read from its sentence: the subject of "shall not" / "may
 * not" / "agrees not to" / "is prohibited from" ("you shall not", "Customer will not"),
 * everyone ("neither party", "no person", "the parties shall not"), or any use of a thing
 * (the passive "The Services shall not be used", "Use of the Model for ... is prohibited").
 * A list of prohibited uses reads its subject from the sentence that introduces it
 * ("Customer shall not use the Services to:").
 */
import { compiledNatively } from '../match/nativeRegex';
import { ContractDocument, spanAt } from '../../document/contractDocument';
import { namesEveryone, partyKey } from '../../document/parties';
import { Span } from '../../document/lineIndex';
import { subjectBefore } from './holder';
import { sentenceText, SentenceText } from './sentenceText';

export type Binding =
  | { kind: 'party'; names: string[]; keys: string[] }
  | { kind: 'everyone' }
  | { kind: 'any-use'; thing?: string }
  | { kind: 'unknown' };

const MODAL_NOT = /\b(?:shall|will|may|must|should|can|could|agrees?|undertakes?|covenants?|commits?|is required|are required|is obliged|are obliged)(?: (?:to|also|further|itself|themselves|ever|in any event|under any circumstances))*,? (?:not|never)\b|\bcannot\b|\b(?:agrees?|undertakes?|covenants?) (?:that it will )?not to\b|\b(?:is|are) (?:not (?:permitted|allowed|authori[sz]ed|entitled)|prohibited from|forbidden (?:from|to)|barred from)\b|\bwill refrain\b|\bshall refrain\b|\bmay only\b|\bshall only\b/g;
const EVERYONE = /\b(?:neither party|no party|none of the parties|no person|no one|nobody|no user|no entity|no individual|no customer|no (?:[a-z]+ )?personnel|the parties (?:shall|will|agree)|each party (?:shall|will|agrees)|both parties|any person|anyone)\b/;
const PASSIVE = compiledNatively(/\b(?:shall|will|may|must|can)(?: [a-z]+)? not be (?:used|deployed|applied|employed|integrated|incorporated|operated|utili[sz]ed|made available|provided|accessed|leveraged|put to use)\b|\b(?:use|uses|deployment|application) of (?:the |any |our |such )?([a-z][a-z -]{0,40}?) (?:for|in|to|as)\b[^.;]{0,200}?\b(?:is|are|shall be|will be) (?:strictly )?(?:prohibited|forbidden|not permitted|not allowed|excluded)\b|\b(?:is|are) (?:strictly )?(?:prohibited|forbidden|not permitted|excluded)\b/);

/** How many sentences back a list of prohibited uses may be introduced. */
const LOOK_BACK = 3;

export function bindingAt(doc: ContractDocument, hit: Span): Binding {
  let sentence = spanAt(doc, 'sentences', hit.start);
  for (let back = 0; sentence && back <= LOOK_BACK; back++) {
    const s = sentenceText(doc, sentence);
    if (s) {
      const limit = back === 0 ? Math.max(0, indexOf(s, hit.start)) : s.text.length;
      const found = bindingIn(doc, s, limit);
      if (found) return found;
    }
    sentence = sentence.start > 0 ? spanAt(doc, 'sentences', previousNonSpace(doc.text, sentence.start - 1)) : undefined;
  }
  return { kind: 'unknown' };
}

function previousNonSpace(text: string, from: number): number {
  let i = from;
  while (i > 0 && /\s/.test(text[i])) i--;
  return i;
}

/** The normalised index of an original offset inside `s` (the first character at or after it). */
function indexOf(s: SentenceText, offset: number): number {
  for (let k = 0; k < s.text.length; k++) if (s.original(k) >= offset) return k;
  return s.text.length;
}

/** The binding stated before `limit` in one sentence (the last prohibition before the category words), if any. */
function bindingIn(doc: ContractDocument, s: SentenceText, limit: number): Binding | undefined {
  const head = s.text.slice(0, limit);
  const passive = PASSIVE.exec(head);
  let last: RegExpExecArray | undefined;
  MODAL_NOT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = MODAL_NOT.exec(head))) last = m;
  if (!last && !passive) return undefined;
  if (last && (!passive || last.index < passive.index || !/\bnot be\b/.test(passive[0]))) {
    // Every subject bound before the category words: "The Authority shall not use, and the Contractor shall not configure, ...".
    const names: string[] = [];
    let unknown = false;
    MODAL_NOT.lastIndex = 0;
    while ((m = MODAL_NOT.exec(head))) {
      const clauseStart = clauseStartOf(head, m.index);
      const lead = head.slice(clauseStart, m.index + m[0].length);
      const subject = subjectBefore(s.text, clauseStart, m.index, s.cased);
      if (EVERYONE.test(lead) || (subject && namesEveryone(subject))) return { kind: 'everyone' };
      // A placeholder party ("[the Customer] shall not", left by a clause snippet) is whoever the drafter fills in.
      const placeholder = /\]\s*$/.test(head.slice(clauseStart, m.index));
      if (subject && !placeholder && !/^(?:it|they|he|she|which|that)$/i.test(subject)) names.push(subject);
      else unknown = true;
    }
    // A subject that cannot be read ("it shall not") may be the grantee: the prohibition is given the benefit of the doubt.
    if (names.length === 0 || unknown) return { kind: 'unknown' };
    return { kind: 'party', names, keys: names.map((n) => partyKey(n, doc.parties)) };
  }
  const thing = passive![1] ?? thingBefore(s, passive!.index);
  return { kind: 'any-use', thing };
}

function clauseStartOf(text: string, at: number): number {
  const re = /; |: |\. |, (?:and|but|provided that|except that) /g;
  let start = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && m.index < at) start = m.index + m[0].length;
  return start;
}

/** "The Services shall not be used": the thing is the subject of the passive. */
function thingBefore(s: SentenceText, at: number): string | undefined {
  const m = /(?:^|[;:,] |\b(?:and|that) )(?:the |any |our |such |this )?([a-z][a-z -]{0,40}?) (?:or any (?:[a-z-]+ ){0,3})?$/.exec(s.text.slice(Math.max(0, at - 80), at));
  return m ? m[1] : undefined;
}

/**
 * Whether a prohibition binding `binding` reaches a grant held by `holder` over `object`:
 * it binds the grantee, everyone, or any use of the thing granted. What cannot be read
 * (no holder, no subject) counts as reaching it.
 */
export function reachesGrant(binding: Binding, holder: string | undefined, object: string | undefined, doc: ContractDocument): boolean {
  switch (binding.kind) {
    case 'unknown':
    case 'everyone':
      return true;
    case 'any-use':
      return !binding.thing || !object || sameThing(binding.thing, object);
    case 'party':
      if (!holder || /^(?:it|they)$/i.test(holder)) return true;
      // "Agency Users", "Customer Personnel": a party's own users act for it.
      const key = partyKey(holder, doc.parties);
      return binding.keys.some((k) => key === k || key.startsWith(`${k} `));
  }
}

function headNoun(phrase: string): string {
  const words = phrase.toLowerCase().replace(/[^a-z -]/g, ' ').trim().split(/\s+/);
  return (words[words.length - 1] ?? '').replace(/s$/, '');
}

function sameThing(a: string, b: string): boolean {
  const ha = headNoun(a);
  const hb = headNoun(b);
  return ha === hb || b.toLowerCase().includes(ha) || a.toLowerCase().includes(hb);
}
