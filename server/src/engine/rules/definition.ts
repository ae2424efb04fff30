/**
 * `definition`: a defined term whose definition contains a hit of `terms` (one set or a list) carries
 * that meaning everywhere it is used ("Permitted Purpose" means any lawful
 * purpose). Each use of the term is reported, with the definition as related
 * location, and counted as a location of `contributes` (default: the rule's
 * clause kind) so coverage and the editor see it.
 */
import { RuleContext } from '../context';
import { escapeRegex } from '../match/phrase';
import { Finding, RuleSpec } from '../types';
import { decodeQualifying, QualifyingOptions, stringList } from './options';
import { qualificationOf } from './qualification';
import { excerpt, makeFinding, RuleKind } from './ruleKind';

/** With `namedLike`, only terms whose name has one of those words count ("Permitted Use", not "Common Stock"). */
function namePattern(words: string[]): RegExp | undefined {
  if (words.length === 0) return undefined;
  return new RegExp(`\\b(?:${words.map(escapeRegex).join('|')})(?:s|es)?\\b`, 'i');
}

export interface DefinitionOptions {
  /** Term sets whose hit in a definition makes it broad. */
  terms: string[];
  /** `namedLike`: only terms whose name has one of these words. */
  namedLike?: RegExp;
  /** The clause kind each use counts as (default: the rule's clause kind). */
  contributes?: string;
  qualifying: QualifyingOptions;
}

export const definitionRule: RuleKind<DefinitionOptions> = {
  kind: 'definition',
  options: ['terms', 'namedLike', 'contributes', 'qualifiedBy', 'qualifiedWhen', 'binding', 'scope'],
  contributesCoverage: true,
  decode(rule: RuleSpec): DefinitionOptions {
    const o = rule.options;
    return {
      terms: stringList(o.terms),
      namedLike: namePattern(stringList(o.namedLike)),
      contributes: (o.contributes as string | undefined) ?? rule.clauseKind,
      qualifying: decodeQualifying(o),
    };
  },
  run(rule: RuleSpec, o: DefinitionOptions, ctx: RuleContext): Finding[] {
    const termSets = o.terms;
    const named = o.namedLike;
    const contributes = o.contributes;
    const { doc } = ctx;
    const findings: Finding[] = [];
    const done = new Set<string>();
    for (const def of doc.definitions) {
      if (done.has(def.term) || (named && !named.test(def.term))) continue;
      const terms = termSets.find((t) => ctx.hasHitIn(t, def.body));
      if (!terms) continue;
      done.add(def.term);
      const broad = ctx.hitsOf(terms).find((h) => h.start >= def.body.start && h.start < def.body.end)!;
      const words = escapeRegex(def.term).replace(/\s+/g, '\\s+');
      // The term as written, or its plural ("Permitted Uses" is a use of "Permitted Use").
      const use = new RegExp(`(?<![\\w"\u201c])${words}(?:s|es)?(?![\\w"\u201d])`, 'g');
      const uses = [];
      let m: RegExpExecArray | null;
      while ((m = use.exec(doc.text))) {
        const span = { start: m.index, end: m.index + m[0].length };
        if (span.start >= def.termSpan.start - 2 && span.start <= def.termSpan.end) continue;
        uses.push({ hit: span, container: ctx.containerOf(span.start, 'sentence') });
      }
      if (contributes) ctx.contribute(contributes, uses);
      for (const u of uses) {
        const { qualified, reaching } = qualificationOf(o.qualifying, ctx, u.hit.start);
        if (qualified) continue;
        findings.push(
          makeFinding(rule, ctx, u.hit, {
            anchor: def.body,
            // The carve-outs that already reach this use are not inserted again.
            presentKinds: [...reaching.keys()],
            related: [{ span: broad, message: `"${def.term}" is defined here as "${excerpt(ctx, broad)}"` }],
            vars: { term: def.term, definition: excerpt(ctx, broad) },
          }),
        );
      }
    }
    return findings;
  },
  describe(): string {
    return 'Flags each use of a defined term whose definition is broad.';
  },
};
