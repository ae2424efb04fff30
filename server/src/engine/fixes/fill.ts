/**
 * The document's own names for a clause's fill variables (snippet.ts: FILL_NAMES): the
 * party holding the grant, the party that supplies, the defined name of what is
 * supplied, each as the document writes it ("the Government", "Licensee", "Services").
 * What the document does not say is left to the clause's bracketed fallback.
 */
import { ContractDocument } from '../../document/contractDocument';
import { Party, partyKey } from '../../document/parties';
import { escapeRegex } from '../match/phrase';
import { FillValues } from './snippet';

/** Roles of the party that supplies, and of the party that receives (defined names, or their last word). */
const SUPPLIER_ROLE = /(?:^|\s)(?:provider|supplier|vendor|contractor|licensor|seller|developer|consultant|manufacturer|publisher|operator|host)$/i;
const CUSTOMER_ROLE = /(?:^|\s)(?:customer|client|licensee|government|agency|buyer|purchaser|authority|ministry|department|user|subscriber|institution|recipient)$/i;
/** Defined names of what is supplied (the term's last word: "Services", "AI Platform", "Licensed Model"). */
const SUPPLIED_WORD = /^(?:services?|platform|models?|system|solution|software|products?|offering|deliverables|tools?|application)$/i;

interface DocumentNames {
  supplier?: string;
  customer?: string;
  supplied?: string;
  /** Holders as the document writes them, by the grant reading's text: findings are many, holders few. */
  holders: Map<string, string>;
}

const perDocument = new WeakMap<ContractDocument, DocumentNames>();

/** The fill values for a clause inserted for a finding whose grant (if any) is held by `holder`. */
export function fillValues(doc: ContractDocument, holder: string | undefined): FillValues {
  let names = perDocument.get(doc);
  if (!names) perDocument.set(doc, (names = documentNames(doc)));
  let held: string | undefined;
  if (holder && !/^(?:it|they|he|she|i)$/i.test(holder)) {
    held = names.holders.get(holder);
    if (held === undefined) names.holders.set(holder, (held = partyAsWritten(doc, holder)));
  }
  const supplier = names.supplier && (!held || partyKey(held, doc.parties) !== partyKey(names.supplier, doc.parties)) ? names.supplier : undefined;
  return { holder: held ?? names.customer, supplier, supplied: names.supplied };
}

function documentNames(doc: ContractDocument): DocumentNames {
  const named = doc.parties.filter((p) => !/^(?:we|you)$/i.test(p.name));
  const supplier = named.find((p) => SUPPLIER_ROLE.test(p.name));
  const customer = named.find((p) => p !== supplier && CUSTOMER_ROLE.test(p.name));
  // The term's head word names the thing: "AI Platform", "Licensed Model"; not "Services Agreement" or "Model Outputs".
  const namesSupplied = (term: string) => SUPPLIED_WORD.test(term.split(/\s+/).pop() ?? '');
  const definition = doc.definitions.find((d) => d.form === 'means' && namesSupplied(d.term)) ?? doc.definitions.find((d) => namesSupplied(d.term));
  return {
    supplier: supplier && withArticle(doc, supplier),
    customer: customer && withArticle(doc, customer),
    supplied: definition?.term,
    holders: new Map(),
  };
}

/** A holder as the grant reading gives it ("The Government", "Licensee's"), named as the document names that party. */
function partyAsWritten(doc: ContractDocument, holder: string): string {
  if (/^(?:we|you)$/i.test(holder)) return holder.toLowerCase();
  const key = partyKey(holder, doc.parties);
  const party = doc.parties.find((p) => p.name.toLowerCase().replace(/^the\s+/, '') === key);
  if (party) return /^(?:we|you)$/i.test(party.name) ? party.name.toLowerCase() : withArticle(doc, party);
  return holder.replace(/^The /, 'the ');
}

/** How much of a document is read to see whether it writes "the Government" or "Government". */
const ARTICLE_SAMPLE_CHARS = 30_000;

/** "the Government" when the document writes "the Government" at least half the time, else "Licensee". */
function withArticle(doc: ContractDocument, party: Party): string {
  const name = party.name.replace(/^the\s+/i, '');
  if (/^the\s/i.test(party.name)) return `the ${name}`;
  // The opening pages show the convention; reading further would cost every keystroke's lint.
  const text = doc.text.slice(0, ARTICLE_SAMPLE_CHARS);
  const escaped = escapeRegex(name);
  const all = text.match(new RegExp(`\\b${escaped}\\b`, 'g'))?.length ?? 0;
  // (the "Government") counts as written with the article.
  const withThe = text.match(new RegExp(`\\b[Tt]he ["\u201c]?${escaped}\\b`, 'g'))?.length ?? 0;
  return withThe * 2 >= all && withThe > 0 ? `the ${name}` : name;
}
