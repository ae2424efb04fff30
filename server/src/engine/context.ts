/**
 * What every rule reads: the document, the hits of every term set (one scan for
 * the whole rule set), clause coverage and document conditions. Rules never
 * rescan the text; they query hits and structure here.
 */
import { BlockAnalysis } from '../document/blocks';
import { ContractDocument, sectionAt, spanAt } from '../document/contractDocument';
import { firstStartingAtOrAfter, lastStartingAtOrBefore, Span } from '../document/lineIndex';
import { Section } from '../document/structure';
import { GrantIndex } from './grants/grantIndex';
import { Conditions } from './conditions';
import { CoverageIndex } from './coverage';
import { EscalationPath } from './escalation/path';
import { KindSpans } from './kindSpans';
import { clauseStart, DefinedTerms, inDefinitionBody, inHeading, opensListItem, outerNumberedSection, requirementScope } from './structureQueries';
import { ClauseKindSpec, DEFAULT_NEAR_CHARS, Detector, KindCoverage, RuleSet, Scope, Within } from './types';

export interface Detection {
  /** The words that matched. */
  hit: Span;
  /** The sentence, paragraph or section they were found in. */
  container: Span;
}

const EMPTY: Span[] = [];
const NO_DETECTIONS: Detection[] = [];

/**
 * Whether a detector's local checks read only the hit's own block: its sentence or paragraph
 * (both inside one block) and windows clipped to it. Grants are read per block already.
 */
function isBlockLocal(detector: Detector): boolean {
  const local = (w: Within | undefined) => w === 'sentence' || w === 'paragraph';
  return detector.recognise === undefined && local(detector.within) && (detector.withoutWithin === undefined || local(detector.withoutWithin));
}

/** A block memo's entry: detections by the block-local checks, per detector of the rule set (the scanner's). */
const BLOCK_DETECTIONS = 'detections';

/** Spans at least this long are usually several blocks: their lazy answers are cached per lint. */
const LONG_SPAN = 2000;

export class RuleContext {
  /** Detections per detector, once per lint (detectors are the rule set's objects). */
  private readonly detectionCache = new Map<Detector, Detection[]>();
  private readonly coverage: CoverageIndex;
  private readonly conditions: Conditions;
  private readonly definedTerms: DefinedTerms;
  private readonly kindSpans = new KindSpans((kindId) => this.kindDetections(kindId, true));

  constructor(
    readonly doc: ContractDocument,
    readonly ruleSet: RuleSet,
    private readonly hits: Map<string, Span[]>,
    /** Answers for term sets that are not scanned but matched inside a span on demand. */
    private readonly lazyHitIn: (termSet: string, span: Span) => boolean = () => false,
    /** A memo kept with each block for this rule set (none when the scan was cut short: its hits are not a block's own). */
    private readonly blockMemoOf?: (analysis: BlockAnalysis) => Map<string, unknown>,
  ) {
    this.coverage = new CoverageIndex({
      doc: this.doc,
      ruleSet: this.ruleSet,
      kindDetections: (id) => this.kindDetections(id),
      kindDetectionsIn: (id, span) => this.kindDetectionsIn(id, span),
      sentenceAt: (offset) => this.containerOf(offset, 'sentence'),
    });
    this.conditions = new Conditions({
      doc: this.doc,
      ruleSet: this.ruleSet,
      hitsOf: (set) => this.hitsOf(set),
      kindDetections: (id, ownOnly) => this.kindDetections(id, ownOnly),
      coverageOf: (id) => this.coverageOf(id),
    });
    this.definedTerms = new DefinedTerms(this.doc);
  }

  /** Grants read from the sentence's structure, and whom prohibitions bind (see grants/). */
  get grants(): GrantIndex {
    return (this.grantIndex ??= new GrantIndex(this.doc));
  }
  private grantIndex?: GrantIndex;

  /** Detections per kind contributed by rules (e.g. uses of a broadly defined term). */
  private readonly extraKindLocations = new Map<string, Detection[]>();

  hitsOf(termSet: string): Span[] {
    return this.hits.get(termSet) ?? EMPTY;
  }

  /** Lazy answers by set and span: many hits share one container (a clause, a sentence). */
  private readonly lazyAnswers = new Map<string, boolean>();

  /** Whether `termSet` has a hit starting inside `span`. */
  hasHitIn(termSet: string, span: Span): boolean {
    const list = this.hits.get(termSet);
    if (!list) {
      // Small spans are answered from the block's own cache; long ones (a clause of many blocks) are kept here.
      if (span.end - span.start < LONG_SPAN) return this.lazyHitIn(termSet, span);
      const key = `${termSet}\u0000${span.start}\u0000${span.end}`;
      let answer = this.lazyAnswers.get(key);
      if (answer === undefined) this.lazyAnswers.set(key, (answer = this.lazyHitIn(termSet, span)));
      return answer;
    }
    const i = lastStartingAtOrBefore(list, span.end - 1);
    return i >= 0 && list[i].start >= span.start;
  }

  containerOf(offset: number, within: Within): Span {
    const { doc } = this;
    if (within === 'clause') return outerNumberedSection(this.doc, offset) ?? { start: 0, end: doc.text.length };
    if (within === 'section') {
      // A lettered list item "(a) ..." belongs to the numbered section that introduces the list.
      let s = sectionAt(doc, offset);
      while (s && s.label.startsWith('(') && s.parent >= 0) s = doc.sections[s.parent];
      return s ?? { start: 0, end: doc.text.length };
    }
    return spanAt(doc, within === 'sentence' ? 'sentences' : 'paragraphs', offset) ?? { start: offset, end: offset + 1 };
  }

  detect(detector: Detector): Detection[] {
    const cached = this.detectionCache.get(detector);
    if (cached) return cached;
    const hits = this.hitsOf(detector.terms);
    const out: Detection[] = [];
    this.detectHits(detector, hits, 0, hits.length, out);
    this.detectionCache.set(detector, out);
    return out;
  }

  /** A kind's own detections whose hit starts inside `span` (only that span's hits are checked, unless the kind is already known). */
  kindDetectionsIn(kindId: string, span: Span): Detection[] {
    const out: Detection[] = [];
    for (const detector of this.ruleSet.kinds.get(kindId)?.detect ?? []) {
      const known = this.detectionCache.get(detector);
      if (known) {
        for (let i = firstStartingAtOrAfter(known, span.start, (d) => d.hit.start); i < known.length && known[i].hit.start < span.end; i++) out.push(known[i]);
        continue;
      }
      const hits = this.hitsOf(detector.terms);
      const from = firstStartingAtOrAfter(hits, span.start, (h) => h.start);
      let to = from;
      while (to < hits.length && hits[to].start < span.end) to++;
      this.detectHits(detector, hits, from, to, out);
    }
    return out.sort((a, b) => a.hit.start - b.hit.start);
  }

  /** The detections at `hits[from..to)`, appended to `out`; block-local checks are answered from each block's memo. */
  private detectHits(detector: Detector, hits: Span[], from: number, to: number, out: Detection[]): void {
    if (!this.blockMemoOf || !isBlockLocal(detector)) {
      const read = new Set<number>();
      for (let i = from; i < to; i++) {
        const found = this.detectAt(detector, hits[i], read);
        if (found) out.push(found);
      }
      return;
    }
    const blocks = this.doc.blocks;
    for (let i = from; i < to; ) {
      const b = lastStartingAtOrBefore(blocks, hits[i].start);
      const blockStart = blocks[b].start;
      const blockEnd = b + 1 < blocks.length ? blocks[b + 1].start : this.doc.text.length;
      const first = hits[i].start;
      while (i < to && hits[i].start < blockEnd) i++;
      const last = hits[i - 1].start;
      for (const local of this.blockDetections(detector, hits, blockStart, blockEnd, blocks[b].analysis)) {
        const hit = { start: local.hit.start + blockStart, end: local.hit.end + blockStart };
        if (hit.start < first || hit.start > last) continue;
        const container = { start: local.container.start + blockStart, end: local.container.end + blockStart };
        if (this.passesDocumentChecks(detector, hit, container)) out.push({ hit, container });
      }
    }
  }

  /** A block's detections by the block-local checks alone, relative to the block, kept in its memo. */
  private blockDetections(detector: Detector, hits: Span[], blockStart: number, blockEnd: number, analysis: BlockAnalysis): Detection[] {
    const memo = this.blockMemoOf!(analysis);
    let byDetector = memo.get(BLOCK_DETECTIONS) as Map<Detector, Detection[]> | undefined;
    if (!byDetector) memo.set(BLOCK_DETECTIONS, (byDetector = new Map()));
    let local = byDetector.get(detector);
    if (!local) {
      local = [];
      for (let i = firstStartingAtOrAfter(hits, blockStart, (h) => h.start); i < hits.length && hits[i].start < blockEnd; i++) {
        const hit = hits[i];
        const container = this.containerOf(hit.start, detector.within);
        if (this.passesLocalChecks(detector, hit, container)) {
          local.push({ hit: { start: hit.start - blockStart, end: hit.end - blockStart }, container: { start: container.start - blockStart, end: container.end - blockStart } });
        }
      }
      // Most blocks' hits pass none of the checks: one shared empty list for them.
      byDetector.set(detector, (local = local.length > 0 ? local : NO_DETECTIONS));
    }
    return local;
  }

  /**
   * The detection at one hit of `detector.terms`, when the detector's checks all pass. With
   * `recognise`, the hit only picks the sentence (once: `read` holds the sentences read) and the
   * recogniser says where the grant is.
   */
  private detectAt(detector: Detector, candidate: Span, read: Set<number>): Detection | undefined {
    const found = detector.recognise === 'grant' ? this.grants.recogniseAt(candidate.start, read) : { hit: candidate, container: this.containerOf(candidate.start, detector.within) };
    if (!found) return undefined;
    const { hit, container } = found;
    return this.passesLocalChecks(detector, hit, container) && this.passesDocumentChecks(detector, hit, container) ? { hit, container } : undefined;
  }

  /** The checks that read only the hit's container and the windows around the hit. */
  private passesLocalChecks(detector: Detector, hit: Span, container: Span): boolean {
    // `near` first (a small window); then `with`, whose answer many hits share (one per container and
    // set, kept), and which rules most hits out; `notPrecededBy` reads a fresh window at every hit.
    if (detector.near && !this.nearHit(detector.near, hit, container, detector.nearChars ?? DEFAULT_NEAR_CHARS)) return false;
    if (!detector.with.every((t) => this.hasHitIn(t, container))) return false;
    if (detector.notPrecededBy) {
      const before = { start: clauseStart(this.doc, Math.max(container.start, hit.start - (detector.precededChars ?? DEFAULT_NEAR_CHARS)), hit.start), end: hit.start };
      if (detector.notPrecededBy.some((t) => this.hasHitIn(t, before))) return false;
    }
    const excluded = detector.withoutWithin ? this.containerOf(hit.start, detector.withoutWithin) : container;
    return !detector.without.some((t) => this.hasHitIn(t, excluded));
  }

  /** The checks that read beyond the hit's block: headings, other kinds, section titles, definitions. */
  private passesDocumentChecks(detector: Detector, hit: Span, container: Span): boolean {
    if (detector.outsideHeadings && inHeading(this.doc, hit.start)) return false;
    if (detector.outsideChecklists && opensListItem(this.doc, hit.start)) return false;
    if (detector.withKinds && !detector.withKinds.every((k) => this.kindSpans.overlaps(k, container))) return false;
    if (detector.inSectionTitled && !this.inSectionTitled(hit.start, detector.inSectionTitled)) return false;
    return !(detector.outsideDefinitions && (inDefinitionBody(this.doc, hit.start) || this.definedTerms.includes(hit)));
  }

  /** Whether every set has a hit starting within `chars` before or after `hit` (outside it), inside `container`. */
  private nearHit(sets: string[], hit: Span, container: Span, chars: number): boolean {
    const before = { start: Math.max(container.start, hit.start - chars), end: hit.start };
    const after = { start: hit.end, end: Math.min(container.end, hit.end + chars) };
    return sets.every((t) => this.hasHitIn(t, before) || this.hasHitIn(t, after));
  }

  private inSectionTitled(offset: number, termSet: string): boolean {
    let s: Section | undefined = sectionAt(this.doc, offset);
    while (s) {
      if (s.title && this.hasHitIn(termSet, { start: s.start, end: s.headingEnd })) return true;
      s = s.parent >= 0 ? this.doc.sections[s.parent] : undefined;
    }
    return false;
  }

  kind(id: string): ClauseKindSpec | undefined {
    return this.ruleSet.kinds.get(id);
  }

  /** Where a kind was found: by its own detectors, then (unless `ownOnly`) as contributed by rules. */
  kindDetections(kindId: string, ownOnly = false): Detection[] {
    const spec = this.ruleSet.kinds.get(kindId);
    const out: Detection[] = [];
    for (const detector of spec?.detect ?? []) out.push(...this.detect(detector));
    if (!ownOnly) out.push(...(this.extraKindLocations.get(kindId) ?? []));
    return out.sort((a, b) => a.hit.start - b.hit.start);
  }

  /** Add detections to a kind before coverage is read (the definition rule does this). */
  contribute(kindId: string, detections: Detection[]): void {
    if (detections.length === 0) return;
    const list = this.extraKindLocations.get(kindId) ?? [];
    list.push(...detections);
    this.extraKindLocations.set(kindId, list);
    this.coverage.forget(kindId);
  }

  /**
   * The spans a requirement is searched in, around `offset`: its sentence, paragraph,
   * outermost numbered section, or the whole document; plus, when asked, the sections
   * that the sentence refers to ("subject to Section 9").
   */
  scopeSpans(offset: number, scope: Scope, followReferences: boolean): { spans: Span[]; referenced: Section[] } {
    return requirementScope(this.doc, offset, scope, followReferences, (at, within) => this.containerOf(at, within));
  }

  /** The best path of a kind made of elements (an escalation path), once per lint. */
  pathOf(kindId: string): EscalationPath | undefined {
    return this.coverage.pathOf(kindId);
  }

  coverageOf(kindId: string): KindCoverage {
    return this.coverage.coverageOf(kindId);
  }

  /** Whether a kind has a location overlapping any of `spans`. */
  kindPresentIn(kindId: string, spans: Span[]): boolean {
    return this.coverage.kindPresentIn(kindId, spans);
  }

  /** Whether a rule's `when` condition holds for this document. */
  condition(id: string | undefined): boolean {
    return this.conditions.met(id);
  }
}
