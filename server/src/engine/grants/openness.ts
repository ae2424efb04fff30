/**
 * What leaves a grant open, read on normalised sentence text (lower case, one space
 * for any run of whitespace, hyphenation joined): an open purpose or manner ("for any
 * lawful purpose", "however it chooses", "as it sees fit", "in any manner") or the use
 * left unrestricted ("without restriction", "unrestricted", "unlimited", "freely"), and
 * the words next to it that take the openness away again (a restriction that follows,
 * a territory or a disclaimer that the breadth words qualify instead of the use).
 */
import { compiledNatively } from '../match/nativeRegex';

export type OpennessKind = 'purpose' | 'manner' | 'unrestricted';

export interface Openness {
  start: number;
  end: number;
  kind: OpennessKind;
  /** The openness names the right itself ("an unrestricted licence to use"): it may come before the acts. */
  onRight: boolean;
}

const QUALIFIERS = String.raw`(?:(?:other|lawful|legal|legitimate|permissible|proper|business|commercial|government|governmental|mission|official|public|military|defen[cs]e|national security|intelligence) )*`;
const PURPOSE_NOUN = String.raw`(?:purpose|purposes|use|uses|reason|reasons|mission|missions|end|ends|activity|activities|application|applications)`;
const WHO = String.raw`(?:it|we|they|he|she|you|i|the [a-z-]+(?: [a-z-]+)?|[a-z-]+)`;
const CHOICE = String.raw`(?:may |shall |will |in its discretion )?(?:chooses?|choose|wish(?:es)?|wants?|likes?|pleases?|decides?|determines?|elects?|(?:sees?|deems?|considers?|thinks?|finds?) (?:fit|appropriate|necessary|suitable|proper|desirable|advisable))`;

const OPEN = compiledNatively(new RegExp(
  [
    // 1 purpose: "for any (lawful) purpose (whatsoever)", "for any and all purposes", "for all lawful uses"
    String.raw`(\bfor (?:any and all|any|all) ${QUALIFIERS}${PURPOSE_NOUN}(?: whatsoever| at all)?\b|\b(?:any and all|any|all) (?:other )?(?:lawful|legal|legitimate|permissible) ${QUALIFIERS}${PURPOSE_NOUN}(?: whatsoever)?\b|\bfor any lawful manner\b|\bfor (?:all )?other (?:lawful|legitimate|legal) (?:business |commercial |government |governmental )?(?:purpose|purposes|use|uses)\b|\bfor whatever ${QUALIFIERS}${PURPOSE_NOUN}\b|\bwhatever (?:lawful )?(?:purpose|purposes|use|uses) ${WHO} ${CHOICE}\b)`,
    // 2 manner: "in any (lawful) manner", "however it chooses", "as it sees fit", "in its sole discretion"
    String.raw`(\bin any (?:lawful )?(?:manner|way|medium|media)(?: whatsoever| or media)?\b|\bin any and all (?:media|manners|ways|forms)\b|\bhowever ${WHO} ${CHOICE}\b|\bas ${WHO} ${CHOICE}\b|\b(?:in|at|within) (?:its|their|our|your|his|her|(?:the )?[a-z-]+(?:'s?|\u2019s?)) (?:sole |absolute |sole and absolute |own )?discretion\b)`,
    // 3 unrestricted: "without (any) restriction or limitation", "free of restriction", "unrestricted", "unlimited", "freely"
    String.raw`(\bon an? (?:unrestricted|unlimited) basis\b|\bwithout (?:any )?(?:(?:obligation|attribution|compensation|payment|accounting|charge) (?:or|and) )?(?:further )?(?:restriction|restrictions|limitation|limitations|limit|limits|condition|conditions|reservation|reservations)(?: (?:or|and) (?:any )?(?:restriction|restrictions|limitation|limitations|obligation|obligations|condition|conditions|reservation|reservations))*\b|\bfree (?:of|from) (?:any )?(?:restriction|restrictions|limitation|limitations|usage policy constraints|usage policy)\b|\bunrestricted\b|\bunlimited\b|\bfreely\b)`,
  ].join('|'),
  'g',
));

/** Every openness in the sentence, in order. */
export function opennessIn(text: string): Openness[] {
  const out: Openness[] = [];
  OPEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = OPEN.exec(text))) {
    const kind: OpennessKind = m[1] ? 'purpose' : m[2] ? 'manner' : 'unrestricted';
    const start = m.index;
    const end = m.index + m[0].length;
    const onRight = /^(?:unrestricted|unlimited|freely)$/.test(m[0]);
    out.push({ start, end, kind, onRight });
  }
  return out;
}

/** Right after the breadth words (even after a comma): a restriction, not an open purpose. */
const RESTRICTION_AFTER = new RegExp(
  String.raw`^,? ?(?:(?:whatsoever|at all),? )?(?:other than|except as|except to|except in|except with|except where|except under|excluding|save as|unless|not |solely|only|exclusively|to the extent|inconsistent|contrary)`,
);

/** Straight after the breadth words (no comma): what ties the purpose to something named. */
const TIED_AFTER = compiledNatively(new RegExp(
  String.raw`^ (?:(?:whatsoever|at all) )?(?:that |which |who |where |whereby |related|relating|connected|in connection|consistent|incidental|ancillary|necessary|required|reasonably|contemplated|described|set forth|specified|identified|listed|stated|provided for|provided in|permitted|prescribed|consented|authori[sz]ed|approved|agreed|allowed|expressly|specifically|under (?:this|the|these|such)|of (?:this|the|these|such|that) (?:agreement|contract|section|sections|clause|clauses|article|paragraph|schedule|exhibit|act|code|law|laws|statute|regulation|regulations|order|plan|program|programme|project|study|license|licence)s?\b|of such|of any|hereof|hereunder|herein|hereto|thereof|thereunder|in lieu|in accordance|as (?:permitted|provided|set|described|specified|contemplated|required|agreed|authori[sz]ed)|within the|by law|under applicable|in any jurisdiction|imposed|on (?:the )?(?:disclosure|use|its use|transfer|resale|assignment)|as to (?:the )?(?:disclosure|confidentiality|use by)|in respect of|with respect to|regarding|upon|on the part|of liability|liability)`,
));

/** "for any purpose, in-house only": a limit a few words on. */
const LIMIT_SOON_AFTER = /^(?:,? ?[a-z'-]+){0,4},? ?(?:solely|only|exclusively|in-house|internal(?:ly)?|non-commercial|noncommercial)\b/;

/** Just before the breadth words: what they qualify instead of the use. */
const NOT_A_USE_BEFORE = new RegExp(
  String.raw`(?:\bby [a-z]+ing(?: [a-z'-]+){0,3}|\b(?:world|worldwide|globally|global|anywhere|territory|territories|countries|country|jurisdiction|jurisdictions|region|regions|throughout the world|everywhere|fitness|merchantability|suitability|liability|liable|responsible|deemed|treated|considered|regarded|construed|effective|binding|original|originals|valid|enforceable|counted|included|excluded|recognised|recognized|final|conclusive|not|no|nor|including|includes|include|without limiting|limitation of|restriction of|but|and not|or not|shall not|may not|will not|cannot)|[(:])\s*$`,
);

/** Breadth words that are not attached to a use when they open a list or a connective ("however," / "including without limitation"). */
const CONNECTIVE = /^(?:however,|however [a-z]+,|without limitation[,)]|without limitation (?:of|on|to) the generality|without limiting|unlimited (?:number|quantity|quantities|amount|amounts|copies|liability|period|duration|time|term|extent)|without (?:limitation|restriction) (?:by|of) (?:the|any)|freely-|freely (?:available|accessible|transferable|assignable|negotiated|given|chosen|and voluntarily|and knowingly))/;

export interface OpennessVerdict {
  open: boolean;
  why?: string;
}

/** Whether the breadth words at `o` leave something open, judged from their neighbours. */
export function judgeOpenness(text: string, o: Openness): OpennessVerdict {
  const tail = text.slice(o.start, Math.min(text.length, o.end + 60));
  if (CONNECTIVE.test(tail)) return { open: false, why: 'connective' };
  const after = text.slice(o.end, o.end + 80);
  const word = text.slice(o.start, o.end);
  if (RESTRICTION_AFTER.test(after)) return { open: false, why: 'restriction after' };
  // "without restriction under this Agreement" leaves the use free all the same; "whatever use it deems fit of the
  // Materials" names the thing used; a purpose "related to its business" is any business purpose.
  const untied =
    (/^without /.test(word) && /^ (?:under (?:this|the) agreement|hereunder)\b/.test(after)) ||
    (/(?:fit|appropriate|necessary|suitable|proper|desirable|advisable|chooses?|wish(?:es)?|pleases?)$/.test(word) && /^ of\b/.test(after)) ||
    (o.kind === 'purpose' && /^ (?:related|relating|connected) (?:to|with) (?:its|our|their|his|her|your) (?:own )?business(?:es)?\b(?! of\b)/.test(after));
  if (!untied && TIED_AFTER.test(after)) return { open: false, why: 'restriction after' };
  if (LIMIT_SOON_AFTER.test(after)) return { open: false, why: 'limit after' };
  const before = text.slice(Math.max(0, o.start - 40), o.start);
  if (NOT_A_USE_BEFORE.test(before)) return { open: false, why: 'qualifies something else' };
  if (o.kind === 'purpose' && /^all (?:purposes|uses)$/.test(text.slice(o.start, o.end).replace(/^for /, ''))) {
    // "for all purposes" alone is the deeming phrase unless a use verb leads straight into it.
    if (!/\b(?:use|used|using|exploit|exploited|utili[sz]e|utili[sz]ed)(?: [a-z0-9'(),-]+){0,14} $/.test(text.slice(Math.max(0, o.start - 160), o.start))) return { open: false, why: 'all purposes' };
  }
  return { open: true };
}
