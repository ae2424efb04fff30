/**
 * The labelled AI development corpus (test/corpus/ai-dev): each contract's
 * expected findings of the recommended pack as (rule, line) pairs, scored
 * against what the engine reports. See test/corpus/ai-dev/LABELLING.md.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { Finding, LineIndex } from '../../../server/src/api';
import { Confusion, emptyConfusion } from '../metrics';

export const DOCUMENT_CLASSES = ['ai', 'software-data', 'ordinary'] as const;
export type DocumentClass = (typeof DOCUMENT_CLASSES)[number];

export interface ExpectedFinding {
  rule: string;
  /** 1-based. */
  line: number;
  why: string;
  /** Only where the label says so: `info` for a broad grant that carve-outs qualify. */
  severity?: string;
}

export interface LabelledContract {
  /** Base name shared by the contract and its label file. */
  name: string;
  contractPath: string;
  title: string;
  class: DocumentClass;
  expect: ExpectedFinding[];
}

const PACK_PREFIX = 'recommended/';

/** Label files in `labelsDir`, each matched with its contract (.md or .txt) in `contractsDir`. */
export function readLabelledCorpus(labelsDir: string, contractsDir: string): { contracts: LabelledContract[]; problems: string[] } {
  const problems: string[] = [];
  const contracts: LabelledContract[] = [];
  const names = fs.readdirSync(labelsDir).filter((f) => f.endsWith('.yaml')).sort();
  for (const file of names) {
    const name = file.slice(0, -'.yaml'.length);
    const contractPath = ['.md', '.txt'].map((ext) => path.join(contractsDir, name + ext)).find((p) => fs.existsSync(p));
    if (!contractPath) {
      problems.push(`${file}: no contract ${name}.md or ${name}.txt`);
      continue;
    }
    let data: Record<string, unknown>;
    try {
      data = parse(fs.readFileSync(path.join(labelsDir, file), 'utf8')) as Record<string, unknown>;
    } catch (err) {
      problems.push(`${file}: ${(err as Error).message}`);
      continue;
    }
    const cls = data?.class as DocumentClass;
    if (!DOCUMENT_CLASSES.includes(cls)) {
      problems.push(`${file}: class must be one of ${DOCUMENT_CLASSES.join(', ')}`);
      continue;
    }
    const expect = Array.isArray(data.expect) ? (data.expect as Record<string, unknown>[]) : [];
    const bad = expect.find((e) => typeof e?.rule !== 'string' || !Number.isInteger(e?.line) || (e.line as number) < 1);
    if (bad || (data.expect !== undefined && data.expect !== null && !Array.isArray(data.expect))) {
      problems.push(`${file}: every expect entry needs a rule name and a line number >= 1`);
      continue;
    }
    contracts.push({
      name,
      contractPath,
      title: String(data.title ?? name),
      class: cls,
      expect: expect.map((e) => ({
        rule: String(e.rule).replace(PACK_PREFIX, ''),
        line: e.line as number,
        why: String(e.why ?? ''),
        ...(typeof e.severity === 'string' ? { severity: e.severity } : {}),
      })),
    });
  }
  return { contracts, problems };
}

export interface PredictedContract {
  contract: LabelledContract;
  /** "rule@line" keys of the recommended pack's findings (rule without its pack prefix, line 1-based). */
  predicted: Set<string>;
}

/**
 * Rules scored per contract, not per line: the escalation finding (one per document at most) sits
 * on the clause that holds the escalation path since issue 14, so only whether it is reported is
 * compared (see test/corpus/ai-dev/LABELLING.md).
 */
export const DOCUMENT_LEVEL_RULES = new Set(['missing-audit-trigger']);

export function key(rule: string, line: number): string {
  return `${rule}@${DOCUMENT_LEVEL_RULES.has(rule) ? 'document' : line}`;
}

export function predictedKeys(findings: Finding[], lines: LineIndex): Set<string> {
  const out = new Set<string>();
  for (const f of findings) {
    if (!f.ruleId.startsWith(PACK_PREFIX)) continue;
    out.add(key(f.ruleId.slice(PACK_PREFIX.length), lines.lineOf(f.span.start) + 1));
  }
  return out;
}

export interface RuleScore {
  rule: string;
  /** Over (contract, line) pairs. */
  findings: Confusion;
  /** Over contracts: the rule is expected somewhere in it / reported somewhere in it. */
  documents: Confusion;
}

export interface CorpusScore {
  rules: RuleScore[];
  /** Contracts that should have at least one finding, and how many of them have one. */
  shouldFire: number;
  fired: number;
  /** Contracts whose findings are exactly the expected ones. */
  exact: number;
  total: number;
  /** Per contract: missed and unexpected (rule@line) keys. */
  errors: { name: string; missed: string[]; unexpected: string[] }[];
}

export function scoreCorpus(results: PredictedContract[], ruleNames: string[]): CorpusScore {
  const byRule = new Map<string, RuleScore>(ruleNames.map((r) => [r, { rule: r, findings: emptyConfusion(), documents: emptyConfusion() }]));
  const score: CorpusScore = { rules: [], shouldFire: 0, fired: 0, exact: 0, total: results.length, errors: [] };
  for (const { contract, predicted: reported } of results) {
    let predicted = reported;
    const expected = new Set(contract.expect.map((e) => key(e.rule, e.line)));
    predicted = new Set([...predicted].map((k) => (DOCUMENT_LEVEL_RULES.has(k.slice(0, k.lastIndexOf('@'))) ? key(k.slice(0, k.lastIndexOf('@')), 0) : k)));
    for (const rule of new Set([...expected, ...predicted].map((k) => k.slice(0, k.lastIndexOf('@'))))) {
      if (!byRule.has(rule)) byRule.set(rule, { rule, findings: emptyConfusion(), documents: emptyConfusion() });
    }
    for (const s of byRule.values()) {
      const exp = [...expected].filter((k) => k.startsWith(s.rule + '@'));
      const pred = [...predicted].filter((k) => k.startsWith(s.rule + '@'));
      s.findings.tp += exp.filter((k) => predicted.has(k)).length;
      s.findings.fn += exp.filter((k) => !predicted.has(k)).length;
      s.findings.fp += pred.filter((k) => !expected.has(k)).length;
      const e = exp.length > 0;
      const p = pred.length > 0;
      if (e && p) s.documents.tp++;
      else if (p) s.documents.fp++;
      else if (e) s.documents.fn++;
      else s.documents.tn++;
    }
    if (expected.size > 0) {
      score.shouldFire++;
      if (predicted.size > 0) score.fired++;
    }
    const missed = [...expected].filter((k) => !predicted.has(k));
    const unexpected = [...predicted].filter((k) => !expected.has(k));
    if (missed.length === 0 && unexpected.length === 0) score.exact++;
    else score.errors.push({ name: contract.name, missed, unexpected });
  }
  score.rules = [...byRule.values()];
  return score;
}
