/**
 * Reads one sentence as a grant: a holder, a grant or permission, acts, an object,
 * and what leaves it open (openness.ts). Works on the normalised sentence text
 * (lower case, whitespace runs collapsed, hyphenation joined); `cased` returns the
 * original words of a normalised stretch, for the holder's name as written.
 *
 * The reading is built clause by clause: the openness words must sit in the same
 * clause as a permission that comes before them (or be the permission's own
 * adjective: "an unrestricted licence to use"), with acts of use between them and
 * no denial, limit or restriction in the way.
 */
import { compiledNatively } from '../match/nativeRegex';
import { Cased, GRANT_VERB, holderOf, Permission, RESERVED_FREEDOM, tidy } from './holder';
import { judgeOpenness, Openness, opennessIn } from './openness';

export type { Cased } from './holder';

export interface GrantReading {
  /** Who holds the right, as written ("Licensee", "we", "the Government"); undefined when not stated. */
  holder?: string;
  /** The acts granted ("use", "copy", "distribute"). */
  acts: string[];
  /** What may be used, as written ("the Feedback"), when found. */
  object?: string;
  /** The breadth words, relative to the sentence's normalised text. */
  open: { start: number; end: number; kind: Openness['kind']; text: string };
}

const PERMISSION = compiledNatively(new RegExp(
  [
    String.raw`\b(?:hereby )?(?:grants?|granted|granting|gives?|confers?|conveys?|provides?)\b(?=,? (?:[a-z'(),-]+ ){0,40}(?:licen[cs]es?|rights?|permissions?|authority|freedom|privilege)\b)`,
    String.raw`\b(?:licen[cs]es?|rights?|permission|authority|freedom|privilege|entitlement)(?: and (?:licen[cs]es?|rights?|authority))? (?:to|of)\b`,
    // "Nothing in this Agreement shall limit or restrict Acme from using ...": a reserved freedom.
    String.raw`\b(?:nothing|no provision|no term)\b(?: [a-z0-9'(),.-]+){0,10} (?:prevents?|preclude|precludes|limits?|restricts?|prohibits?|restrains?|bars?|impairs?)(?: (?:or|and) (?:prevent|preclude|limit|restrict|prohibit|restrain|bar|impair)s?)? (?:[a-z][a-z.&'-]*(?: [a-z][a-z.&'-]*){0,3}) from\b`,
    String.raw`(?<!\bas )\bmay(?: (?:also|freely|itself|thereafter|then|each|continue to|at any time|at its option))?\b(?! not\b| only\b| solely\b| be required\b)`,
    String.raw`\b(?:shall|will) (?:be )?(?:have|retain|be entitled|entitled|be free|free|be permitted|permitted|be authori[sz]ed|authori[sz]ed|be allowed|be licensed)\b`,
    String.raw`\b(?:reserves?|reserved) the right\b`,
    String.raw`\b(?:has|have|retains?|holds?) (?:the |a |an |all |full )?(?:[a-z-]+ ){0,4}(?:right|rights|licen[cs]e|licen[cs]es|freedom|permission)\b`,
    String.raw`(?:\b(?:is|are|be|remains?)|'re|'s) (?:hereby |also |expressly |deemed )?(?:free|entitled|permitted|authori[sz]ed|allowed|licensed|granted)\b`,
    String.raw`\b(?:authori[sz]es?|permits?|allows?|enables?)\b`,
    String.raw`\bcan (?:freely )?(?:use|exploit|access)\b`,
  ].join('|'),
  'g',
));

/** Acts of use: a grant of one of these (alone or in a list) is a grant of use. */
/** Acts as gerunds, after "from" or "by" ("restrict X from using, copying or adapting"). */
const GERUNDS = String.raw`(?:utili[sz]|exploit|commerciali[sz]|customi[sz]|reproduc|reus|copy|modify|adapt|translat|sell|import|export|distribut|redistribut|display|perform|publish|broadcast|transmit|host|access|process|analy[sz]|stor|integrat|run|execut|deploy|operat|practi[cs]|develop|incorporat|combin|licens|market|shar|disclos|releas|implement|train|retain)ing`;

const USE_ACT = compiledNatively(new RegExp(String.raw`(?<![\w-])(?:use|uses|used|using|utili[sz]e|exploit|exploited|commerciali[sz]e|customi[sz]e|reproduce|reuse|re-use|republish|repurpose|redistribute|re-distribute|reproduce|copy|copies|modify|adapt|translate|make|have made|sell|offer(?: to sell)?|import|export|distribute|sublicen[cs]e|display|perform|publish|broadcast|transmit|host|access|accessed|process|analy[sz]e|store|integrate|configure|run|execute|load|install|query|fine-tune|retain|deploy|operate|practi[cs]e|develop|create|incorporate|combine|license|licence|market|share|disclose|exercise|release|make available|implement|train|derivative works|otherwise deal|${GERUNDS})\b`, 'g'));

/** Acts that are not uses of what is granted: telling others about the agreement, assigning, money. */
// "make" alone ("make such investigation") is no use; "make, use and sell" or "make whatever use" are.
const NOT_USE_ACT = new Set(['make', 'disclose', 'share', 'publish', 'retain', 'store', 'exercise', 'sublicense', 'sublicence', 'license', 'licence', 'market', 'offer', 'offer to sell', 'create']);

const STRONG_USE = /^(?:use|uses|used|using|utili[sz]e|exploit|exploited|commerciali[sz]e|customi[sz]e|reproduce|reuse|re-use|copy|copies|modify|adapt|translate|display|perform|distribute|redistribute|access|accessed|process|analy[sz]e|deploy|operate|practi[cs]e|develop|incorporate|derivative works|host|integrate|train)$/;
const TAKING_AWAY = /^ (?:at any time )?(?:change|revoke|terminate|suspend|limit|restrict|remove|refuse|discontinue|cancel|withdraw|deny|block|disable|reject|decline)\b/;
const USE_ACT_AT_START = compiledNatively(/^,? ?(?:and |to |also |further )?(?:use|utili[sz]e|exploit|commerciali[sz]e|reproduce|reuse|re-use|copy|modify|adapt|translate|display|perform|distribute|redistribute|access|process|analy[sz]e|deploy|operate|practi[cs]e|develop|incorporate|host|integrate|train|publish|disclose|share|make|sell|license|sublicense)\b/);
const NAMED_PURPOSE = /\b(?:to|in order to|so as to) (?:improve|provide|maintain|enhance|promote|deliver|fulfil|fulfill|comply|administer|secure|protect|evaluate|support|perform the|operate the|render)\b/;

/** Objects that make the breadth words about something other than a right to use. */
const NOT_A_USE_OBJECT = compiledNatively(new RegExp(
  String.raw`\baccess to (?:all or any of )?(?:its |the |their |such |any )?(?:premises|facilities|facility|plants?|offices|books|restaurants?|stores?|sites?)\b|\b(?:existence|terms|contents|execution) of (?:this|the) (?:agreement|contract)|\b(?:amounts?|fees?|payments?|monies|moneys|money|funds|proceeds|royalt(?:y|ies)(?!-free)|revenues?|sums?|deposits?|escrow|cash|dividends?|interest on|purchase price)\b|\b(?:its|their|his|her|our) own (?:personnel|employees|staff|resources|agents|subcontractors|contractors|facilities|equipment|methods|discretion|judgment|judgement)\b|\b(?:personnel|employees|staff|subcontractors|consultants|counsel|attorneys|auditors|accountants)\b|\b(?:the|its|our|their|such) (?:offers?|prices|pricing|rates|terms and conditions|policies)\b(?! to sell| for sale)`,
));

/** A denial before the permission, in the same clause ("Licensee shall not ... for any purpose"). */
const LEAD_DENIAL = /\b(?:not|no|never|nor|neither|cannot|nothing|unless|until|solely|only|prohibited|refrain|attempts? to|attempting to)\b|n't\b/;
/** A denial or limit between the permission and the breadth words. */
const DENIAL = new RegExp(
  String.raw`n't\b|\b(?:not|no|never|nor|neither|cannot|none|nothing|without (?:the )?(?:prior|express|written)|unless|until|except|solely|only|exclusively|sole purpose|in lieu of|limited purpose|for the purposes? of|in connection with|prohibited|refrain|restricted to|limited to|subject to (?:the )?(?:restrictions|limitations))\b`,
);
/** "Nothing in this Agreement shall prevent X from using": the denial confirms the use. */
const DENIED_DENIAL = /\b(?:nothing|no provision|no term)\b(?: [a-z0-9'(),.-]+){0,10} (?:prevents?|preclude|precludes|limits?|restricts?|prohibits?|impairs?|shall be construed to (?:prevent|limit|restrict))\b/;

/** A use act, its object (a few words, no clause break), then "freely". */
const FREELY_AFTER_OBJECT = /\b(?:use|reuse|re-use|exploit|copy|modify|adapt|distribute|redistribute|reproduce|republish|display|perform)(?: [a-z'-]+){1,5} $/;


/** Asides in brackets and "including but not limited to" removed: they deny nothing. */
function listingWords(s: string): string {
  return s
    .replace(/\([^()]*\)/g, ' ')
    .replace(/\b(?:including,? )?(?:but )?not limited to\b|\bwithout limitation\b|\bwhether or not\b/g, ' ')
    .replace(RELATIVE_ORIGIN, ' ');
}

/** Where the object came from ("suggestions that are furnished by Customer in connection with this Agreement,"): no limit on the use. */
const RELATIVE_ORIGIN = /\b(?:that|which) (?:is|are|was|were|has been|have been) (?:[a-z]+ed|given|sent|made|written|provided) (?:(?!only\b|solely\b|exclusively\b|not\b|except\b|unless\b)[a-z0-9'-]+ ){0,12}?in connection with (?:this|the) agreement(?=,)/g;

/** Where a clause starts: after "; " or ", provided that" / ", except that" / ", and" before a new subject. */
const CLAUSE_BREAK = compiledNatively(/; |: |, (?!and |or |but |then )(?=(?:the |each |either |such )?[a-z-]+(?: [a-z-]+)? (?:shall|will|may|is|are|must|agrees?|hereby|grants?|gives?)\b)| and (?=[a-z-]+(?: [a-z-]+)? (?:(?:shall|will|may) (?:be )?|is |are )(?:deemed )?(?:free|entitled|permitted)\b)| and (?=(?:we|you|they|it) (?:shall|will|may) (?:also )?(?:have|retain|be)\b)| and that (?=(?:the )?[a-z-]+(?: [a-z-]+)? (?:shall|will|may|is|are)\b)|, (?:provided,? (?:however,? )?that|except that|but|whereas|and (?=(?:the |each |either |any |such )?[a-z-]+(?: [a-z-]+)?(?: and (?:its|their) [a-z-]+)?(?: thereafter| then| also)? (?:shall|will|may|must|agrees?)\b))|\. /g);

function clauseStartBefore(text: string, at: number): number {
  let start = 0;
  CLAUSE_BREAK.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CLAUSE_BREAK.exec(text)) && m.index < at) start = m.index + m[0].length;
  return start;
}


function permissionsIn(text: string, from: number, to: number): Permission[] {
  const out: Permission[] = [];
  PERMISSION.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = PERMISSION.exec(text)) && m.index < to) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

/** The acts in `text`; gerunds only for a reserved freedom ("from using"): elsewhere they are someone else's doing ("guidance in operating"). */
function actsIn(text: string, gerunds: boolean): string[] {
  const acts: string[] = [];
  USE_ACT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = USE_ACT.exec(text))) if (!acts.includes(m[0]) && (gerunds || m[0] === 'using' || !/ing$/.test(m[0]))) acts.push(m[0]);
  return acts;
}

/** "make copies, versions, derivative works or use of" something is a use; "make such investigation" is not. */
const MAKE_A_USE = /\bmake (?:(?:any|additional|such|new|further|derivative|modified|unlimited|whatever|all) )*(?:copies|versions|derivative|adaptations|translations|compilations|works|uses?)\b/;

/** The act's base form: "licensing" -> "license", "copying" -> "copy", "adapting" -> "adapt". */
function baseOf(act: string): string {
  if (act === 'using') return 'use';
  if (!/ing$/.test(act)) return act;
  const stem = act.slice(0, -3);
  return STEM_WITHOUT_E.test(stem) ? stem : `${stem}e`;
}
/** Stems that take no "e" back: "adapt", "copy", "sell", "publish", "process", "perform", "develop", "train". */
const STEM_WITHOUT_E = /(?:(?<![au])t|y|ll|sh|ss|rm|lop|in|rt)$/;

function isStrongUse(act: string): boolean {
  return STRONG_USE.test(act) || STRONG_USE.test(baseOf(act));
}

function isUse(acts: string[], actText: string): boolean {
  return acts.some((a) => !NOT_USE_ACT.has(baseOf(a)) || (a === 'make' && MAKE_A_USE.test(actText)));
}


/** The first grant the sentence makes, or undefined. */
export function readGrant(text: string, cased: Cased): GrantReading | undefined {
  for (const o of opennessIn(text)) {
    if (!judgeOpenness(text, o).open) continue;
    const reading = readAround(text, o, cased);
    if (reading) return reading;
  }
  return undefined;
}

/** Sentences about confidentiality, warranties or the parties' relationship: breadth words there grant nothing. */
const NOT_A_GRANT_SENTENCE = /\b(?:receiving party|disclosing party|recipient|obligations? of confidentiality|non-confidential basis|merchantability|fitness for|independent contractors?|joint venturers?|agent of|legal representative|service of process)\b/;
/** After the breadth words, in the same clause: the right is narrowed or explained away. */
const TAIL_DENIAL = compiledNatively(/\b(?:does not|shall not|will not|do not) (?:include|extend|apply|permit|relieve|affect|limit)\b|\b(?:solely|only|exclusively) (?:for|in|to|within|as)\b|\b(?:in|outside|within) the field\b|\b(?:that|which|as) (?:is |are )?(?:permitted|allowed|authori[sz]ed) (?:by|under)\b|(?<!\bincluding(?: but not limited to)?,? )\bin connection with (?:the|its|our|your|their|such) (?![a-z-]+ business)[a-z-]+(?: [a-z-]+)?[.;:]?\s*$/);
/** An adjective of the right itself: "an unrestricted, perpetual licence to", "unlimited access to". */
const RIGHT_NOUN_AFTER = /^(?:,? (?:and )?[a-z-]+){0,5}? (?:right|rights|licen[cs]e|licen[cs]es|access|use|permission|freedom)\b( to| of)?/;
const GRANT_PERMISSION = /^(?:hereby )?(?:grants?|granted|granting|gives?|confers?|conveys?|provides?)$/;

function readAround(text: string, o: Openness, cased: Cased): GrantReading | undefined {
  const clauseStart = clauseStartBefore(text, o.start);
  // Confidentiality, warranty or relationship words in the sentence (or, past a clause break, in the grant's clause).
  if (NOT_A_GRANT_SENTENCE.test(clauseStart > 0 ? text.slice(clauseStart, nextClauseBreak(text, o.end)) : text)) return undefined;
  const word = text.slice(o.start, o.end);
  const rightNoun = o.onRight && /^un/.test(word) ? RIGHT_NOUN_AFTER.exec(text.slice(o.end, o.end + 80)) : null;
  if (o.onRight && /^un/.test(word) && !rightNoun) return undefined;
  // The permission comes before the breadth words, in the same clause (for "free to" and
  // "freely" it may be the words themselves: "is free to use", "may freely use").
  let permissions = permissionsIn(text, clauseStart, o.onRight ? o.end : o.start);
  // A list item ("(c) publish ... in any manner") takes its permission from the list's lead-in ("Licensee may:").
  let introStart = clauseStart;
  let introEnd = clauseStart;
  if (permissions.length === 0) {
    const colon = text.lastIndexOf(': ', clauseStart);
    if (colon < 0 || !/^\(?[a-z0-9]{1,4}[).]/.test(text.slice(colon + 2, colon + 8))) return undefined;
    // An item that opens with a condition ("4. if you offer ...") is not granted by the lead-in.
    if (/^\(?[a-z0-9]{1,4}[).] (?:if|when|where|whenever|unless|in the event)\b/.test(text.slice(colon + 2, clauseStart + 20))) return undefined;
    introStart = clauseStartBefore(text, colon);
    introEnd = colon;
    // A permission in an aside of the lead-in ("(except as limits may be specified by us)") grants nothing.
    permissions = permissionsIn(text.slice(0, colon).replace(/\([^()]*\)/g, (aside) => ' '.repeat(aside.length)), introStart, colon);
    if (permissions.length === 0) return undefined;
  }
  const first = permissions[0];
  const last = permissions[permissions.length - 1];
  if (rightNoun && o.start - last.end > 200) return undefined;
  // Asides in brackets ("non-transferable (except within the Government)") do not deny the grant.
  // "including but not limited to" lists; it denies nothing.
  const lead = listingWords(text.slice(introStart, Math.min(first.start, o.start)));
  // A reserved freedom ("nothing ... shall restrict X from") holds its own denial: read after it.
  const from = RESERVED_FREEDOM.test(text.slice(first.start, first.end)) ? first.end : first.start;
  const between = listingWords(text.slice(from, introEnd > from ? introEnd : from) + ' ' + text.slice(introEnd > from ? clauseStart : from, o.start));
  if (DENIAL.test(between) || (LEAD_DENIAL.test(lead) && !DENIED_DENIAL.test(text.slice(introStart, o.start)))) return undefined;
  if (/\b(?:means|shall mean|refers to|is defined)\b/.test(text.slice(0, o.start))) return undefined;
  const clauseEnd = nextClauseBreak(text, o.end);
  if (TAIL_DENIAL.test(text.slice(o.end, clauseEnd))) return undefined;
  // Acts: between the permission and the breadth words, or right after a right they qualify.
  const actFrom = rightNoun ? o.end + rightNoun[0].length : introEnd > first.start ? clauseStart : first.start;
  const actTo = o.onRight ? Math.min(clauseEnd, Math.max(o.end, actFrom) + 120) : o.start;
  const actText = text.slice(actFrom, actTo) + (introEnd > first.start ? ' ' + text.slice(first.start, introEnd) : '');
  const acts = actsIn(actText, from > first.start);
  const noun = rightNoun && /\b(access|use)\b/.exec(rightNoun[0]);
  if (noun && !acts.includes(noun[1])) acts.unshift(noun[1]);
  const granted = permissions.some((p) => GRANT_PERMISSION.test(text.slice(p.start, p.end)));
  // A licence granted under rights, with no acts named ("grants ... a licence under its patents, for any purpose"), is a grant of use.
  const bareLicence = granted && /\blicen[cs]e\b/.test(between + (rightNoun ? rightNoun[0] : '')) && acts.every((a) => /^licen[cs]e$/.test(a));
  // "make whatever use it deems fit of": the use is in the breadth words.
  if (/^whatever (?:lawful )?uses?\b/.test(word) && !acts.includes('use')) acts.push('use');
  if (!isUse(acts, actText) && !bareLicence) return undefined;
  // A licence to the rights in a thing ("a licence to all rights in the Content") is a licence of its use.
  const rightsIn = /^ (?:any and all |all |the )?(?:rights?|interests?) (?:in|to|under)\b/.test(text.slice(o.end + (rightNoun?.[0].length ?? 0), o.end + (rightNoun?.[0].length ?? 0) + 40));
  const afterPermission = text.slice(last.end, last.end + 40);
  // "an unlimited right to enter into this Agreement": the right's own verb must be an act of use.
  if (rightNoun?.[1] && !/\b(?:access|use)(?: to| of)$/.test(rightNoun[0]) && !(bareLicence && rightsIn) && !USE_ACT_AT_START.test(text.slice(o.end + rightNoun[0].length, o.end + rightNoun[0].length + 40))) return undefined;
  // A power to take away ("may revoke the right to use", "may suspend your use of") grants nothing.
  if (TAKING_AWAY.test(afterPermission)) return undefined;
  // Selling, assigning or transferring rights is a transfer, not a use ("may freely sell, assign or otherwise transfer").
  if (!acts.some(isStrongUse) && !(bareLicence && rightsIn) && /\b(?:assign|assigned|transfer|transferred)\b/.test(text.slice(first.start, clauseEnd))) return undefined;
  // Discretion, "free to" and "freely" qualify the verb next to them: "may use X in its sole discretion", "free to use", "may freely use".
  if (/discretion$/.test(word) && !USE_ACT_AT_START.test(afterPermission)) return undefined;
  if (/^free to$/.test(word) && !USE_ACT_AT_START.test(text.slice(o.end, o.end + 30))) return undefined;
  // ... or close after its object: "to reuse their contributions freely".
  if (word === 'freely' && !USE_ACT_AT_START.test(text.slice(o.end, o.end + 30)) && !/\b(?:use|used|exploit|exploited|reuse|used)d? $/.test(text.slice(Math.max(0, o.start - 12), o.start)) && !FREELY_AFTER_OBJECT.test(text.slice(Math.max(0, o.start - 60), o.start))) return undefined;
  // A named purpose between the thing and the breadth words ("use your feedback to improve its models without restriction").
  // ... unless the breadth words are a catch-all added to them: "to operate and improve the Service and for other lawful purposes".
  const catchAll = /\b(?:and|or)\s*$/.test(text.slice(Math.max(0, o.start - 6), o.start));
  if (!catchAll && NAMED_PURPOSE.test((o.onRight ? text.slice(o.end, clauseEnd) : text.slice(first.start, o.start)).replace(/\([^()]*\)/g, ' '))) return undefined;
  const objectFrom = rightNoun ? o.end : o.onRight ? actFrom : introEnd > first.start ? clauseStart : last.end;
  const objectWindow = text.slice(objectFrom, o.onRight ? actTo : o.start);
  if (NOT_A_USE_OBJECT.test(objectWindow)) return undefined;
  return {
    holder: holderOf(text, introStart, permissions.find((p) => GRANT_VERB.test(text.slice(p.start, p.end))) ?? first, cased),
    acts,
    object: objectOf(objectWindow, objectFrom, cased),
    open: { start: o.start, end: o.end, kind: o.kind, text: word },
  };
}

function nextClauseBreak(text: string, from: number): number {
  const m = /; |, (?:provided|except|but|whereas)\b|, and (?=(?:the |its |each |either |such |any )?[a-z'-]+(?: [a-z'-]+){0,4} (?:shall|will|may|must|is|are|does|do)\b)|\. /.exec(text.slice(from));
  return m ? from + m.index : text.length;
}

/** The object: the words after the last act, up to the breadth words (as written, a few words). */
function objectOf(window: string, base: number, cased: Cased): string | undefined {
  // The end of the first run of acts ("use, copy and modify"): the thing comes right after it.
  let after = -1;
  USE_ACT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = USE_ACT.exec(window))) {
    if (after >= 0 && !/^(?:,? (?:and |or |and\/or |otherwise |also |to )*|[ ,]*)$/.test(window.slice(after, m.index))) break;
    after = m.index + m[0].length;
  }
  if (after < 0) after = 0;
  const rest = window.slice(after);
  const words = /^(?:,? (?:and|or|and\/or|in|of|on|to|with|from|under|for))?,? ((?:the |such |all |any |its |their |our |your |this |these |those |each )?[a-z0-9][a-z0-9'&-]*(?: (?!for\b|in\b|as\b|without\b|freely\b|however\b|to\b|with\b|by\b|on\b|throughout\b|at\b|within\b|and\b|or\b|subject\b|provided\b|during\b|from\b|under\b)[a-z0-9'&-]+){0,4})/.exec(rest);
  if (!words) return undefined;
  const from = base + after + words[0].length - words[1].length;
  const object = tidy(cased(from, from + words[1].length));
  return /^(?:the|such|all|any|its|their|our|your|this|these|those|each)$/i.test(object) ? undefined : object;
}

/** The holder of the first permission in a sentence, when it has one ("The Agency may use ... for the Permitted Purpose"). */
export function readHolder(text: string, cased: Cased): string | undefined {
  const permission = permissionsIn(text, 0, text.length)[0];
  return permission && holderOf(text, clauseStartBefore(text, permission.start), permission, cased);
}
