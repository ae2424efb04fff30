/** Types shared by the engine, the packs loader and the adapters. No vscode import here. */
import { Span } from '../document/lineIndex';
import { TermSetSpec } from './match/scanner';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];
export type Scope = 'sentence' | 'paragraph' | 'section' | 'document';
/** Where a detector looks for its companions: a scope, or `clause` (the outermost numbered section: 9 with 9.1-9.3). */
export type Within = Exclude<Scope, 'document'> | 'clause';

/** Where in a pack file something was written: used to locate errors and rule sources. */
export interface SourceLocation {
  file: string;
  line: number; // 1-based, as editors and compilers print them
  column: number; // 1-based
}

/**
 * A detector finds clause text: a hit of `terms`, kept when every `with` set
 * also has a hit in the same `within` span and no `without` set has one in
 * that span (or in the narrower `withoutWithin` span), and
 * (optionally) only inside sections whose title contains one of `inSectionTitled`.
 */
export interface Detector {
  terms: string;
  with: string[];
  without: string[];
  within: Within;
  /** Where `without` is checked, when narrower than `within` (e.g. the hit's own sentence). */
  withoutWithin?: Within;
  inSectionTitled?: string;
  /** Drop hits in a section's heading ("ARTICLE IX RECORD-KEEPING AND AUDITS"): a title names a topic, it grants nothing. */
  outsideHeadings?: boolean;
  /** Drop hits that open a line or list item ("- [ ] Review", "[x] Approved"): a task list's checkbox, not a blank. */
  outsideChecklists?: boolean;
  /** Drop hits inside the body of a `"X" means ...` definition (the term's uses carry the meaning instead). */
  outsideDefinitions?: boolean;
  /** Clause kinds that must each be found in the same `within` span (an escalation clause's named approver). */
  withKinds?: string[];
  /** Every one of these sets has a hit within `nearChars` before or after the hit (not inside it), in the same span. */
  near?: string[];
  nearChars?: number;
  /** None of these sets has a hit within `precededChars` before the hit, in the same span ("shall not use ... for any purpose"). */
  notPrecededBy?: string[];
  precededChars?: number;
  /** Read each candidate hit's sentence with a built-in recogniser (`grant`: engine/grants/) and keep what it finds. */
  recognise?: 'grant';
}

export const DEFAULT_NEAR_CHARS = 100;

/**
 * One element of a clause kind made of elements (an escalation path's trigger, hold, review,
 * approver, record): found where any of `kinds` is found, weak where only a `weak` kind is.
 */
export interface PathElementSpec {
  id: string;
  title: string;
  /** How a message names it when missing: "named approver" -> "has no named approver". */
  missing: string;
  kinds: string[];
  weak: string[];
  /** A path starts from this element (trigger, hold): groups are built around its locations. */
  starts: boolean;
  /** Clause snippet that supplies this element alone, worded to join an existing clause. */
  clause?: string;
}

export interface ClauseKindSpec {
  id: string;
  title: string;
  description: string;
  detect: Detector[];
  /** A kind made of elements found over a section, its sub-clauses and what it ties to: present when every element is. */
  elements?: PathElementSpec[];
  /** False for kinds reported only as elements of another kind (an escalation path's hold): not listed in coverage. */
  coverage?: boolean;
  /**
   * A kind whose every location is an open item (an unfilled placeholder), named in the coverage
   * summary with these words ("1 placeholder to fill", "2 placeholders to fill") instead of "no clause gaps".
   */
  gap?: { one: string; other: string };
  pack: string;
}

export interface ConditionTerm {
  terms: string;
  minCount: number;
  /** Different matched phrases needed. */
  minDistinct: number;
  /**
   * Count only hits in the document's subject: its opening (title, parties, recitals) and the
   * definitions of the defined terms named with one of these words (what is supplied: "Services", "Platform").
   */
  inSubject?: string[];
}

/** One test of a condition: term hits, a clause kind found by its own detectors, or another condition. */
export type ConditionItem = ConditionTerm | { kind: string } | { condition: string };

/**
 * A document-level condition, e.g. "the contract concerns AI or data services":
 * at least one `anyOf` item (when there are any), every `allOf` item, and no
 * `noneOf` item holds.
 */
export interface ConditionSpec {
  id: string;
  description: string;
  anyOf: ConditionItem[];
  allOf: ConditionItem[];
  noneOf: ConditionItem[];
}

export function conditionItems(c: ConditionSpec): ConditionItem[] {
  return [...c.anyOf, ...c.allOf, ...c.noneOf];
}

export interface ClauseSnippet {
  id: string;
  kind: string;
  title: string;
  /** VS Code snippet syntax: ${1:placeholder}. */
  body: string;
  /** Words of section titles where the clause belongs ("audit", "restrictions"). */
  placement: string[];
  pack: string;
}

export interface FixSpec {
  /** Clause snippet ids to insert. */
  clauses: string[];
  /** Replacement text for the flagged words (snippet syntax allowed). */
  replace?: string;
}

export interface RuleExamples {
  fire: string[];
  pass: string[];
  /** By index of `fire`: the phrase a finding of the rule must cover on that text (`match:` in the pack), if named. */
  fireMatches: (string | undefined)[];
}

export interface RuleSpec {
  /** Qualified id: "<pack>/<name>". */
  id: string;
  name: string;
  pack: string;
  kind: string;
  severity: Severity;
  enabled: boolean;
  message: string;
  docs: string;
  source?: string;
  docsUrl?: string;
  clauseKind?: string;
  /** Condition id that the document must satisfy for the rule to run. */
  when?: string;
  /** Severity the rule runs at on documents that do not meet `when` (otherwise it does not run there). */
  otherwise?: Severity;
  fix: FixSpec;
  examples: RuleExamples;
  /** Kind-specific settings as the pack wrote them (validated at load). */
  options: Record<string, unknown>;
  /** The same options as the rule's kind decoded them into a typed object when the rule set was built (engine/rules): what the rule runs on. */
  kindOptions?: unknown;
  location?: SourceLocation;
  deprecated?: string;
}

export interface RuleSet {
  packs: { id: string; version: string; description: string; file: string }[];
  termSets: TermSetSpec[];
  kinds: Map<string, ClauseKindSpec>;
  conditions: Map<string, ConditionSpec>;
  clauses: Map<string, ClauseSnippet>;
  rules: RuleSpec[];
}

export interface FixEdit {
  start: number;
  end: number;
  /** Plain text to insert (placeholders filled with their defaults). */
  text: string;
  /** The same edit in snippet syntax, for clients that support snippet edits. */
  snippet?: string;
  /** Set on clause insertions: the same clause is inserted once however many findings propose it. */
  clauseId?: string;
  /** Set on clause insertions: the clause kind it supplies (one insertion per kind when fixes are applied together). */
  clauseKind?: string;
  /** A numbered clause insertion: where its number is written in `text` and `snippet`, so clauses inserted at one place are numbered in turn. */
  number?: { base: number; value: number; textAt: number; snippetAt: number; length: number };
}

export type FixType = 'insert-clause' | 'replace' | 'suppress';

export interface FixPlan {
  /** Stable across runs: used to dedupe plans that insert the same clause. */
  id: string;
  type: FixType;
  /** Says where a clause goes and what is replaced (the CLI's report). */
  title: string;
  /** The same, short enough for an editor's quick-fix menu (fixes/titles.ts). */
  shortTitle: string;
  edits: FixEdit[];
}

export interface RelatedLocation {
  span: Span;
  message: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  span: Span;
  clauseKind?: string;
  docsUrl?: string;
  source?: string;
  related: RelatedLocation[];
  fixes: FixPlan[];
}

export type ElementState = 'present' | 'weak' | 'absent';

/** One element of a kind made of elements, as found in the best path. */
export interface ElementCoverage {
  element: string;
  title: string;
  state: ElementState;
  /** Why it is weak (the weak kind's title), when it is. */
  why?: string;
  locations: Span[];
}

export interface KindCoverage {
  kind: string;
  title: string;
  present: boolean;
  locations: Span[];
  /** Broad grants only: "qualified" when carve-outs reach every one, else "unqualified" (see grants). */
  qualification?: 'qualified' | 'unqualified';
  /** Broad grants only: each grant judged, with its holder and the carve-outs that reach it. */
  grants?: { span: Span; holder?: string; qualified: boolean; qualifiers: Span[] }[];
  /** For kinds made of elements: present (complete), weak (started but incomplete) or absent. */
  state?: ElementState;
  elements?: ElementCoverage[];
  /** `gap` kinds: how many open items the document still holds, and the summary's words for them. */
  open?: { count: number; label: string };
}

export interface LintResult {
  findings: Finding[];
  coverage: KindCoverage[];
}
