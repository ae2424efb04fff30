/**
 * Lints documents for the server and keeps the latest result per document
 * version, so diagnostics, code actions, hover, code lens and coverage all read
 * the same findings. A result is tied to one version: asking for another
 * version lints again.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { BlockCache } from '../document/blockCache';
import { withSeverity } from '../engine/rules/ruleKind';
import { Finding } from '../engine/types';
import { FileLint, lintText } from '../lintText';
import { ConfigLoaders } from './configLoaders';
import { formatOf } from './fileScope';
import { Settings } from './settings';
import { enginePathOf, WorkspaceFolders } from './workspaceFolders';

export interface LintSnapshot {
  uri: string;
  /** Document version linted; undefined for a file read from disk. */
  version: number | undefined;
  filePath: string;
  /** Undefined when the document was too large to lint live. */
  lint?: FileLint;
  /** The engine's findings with the editor's severity settings applied. */
  findings: Finding[];
  tooLarge?: { sizeMB: number; limitMB: number };
}

export class DocumentLinter {
  private readonly snapshots = new Map<string, LintSnapshot>();
  /** Per open document, the analyses of its blocks: after a keystroke only changed blocks are analysed again. */
  private readonly blockCaches = new Map<string, BlockCache>();

  constructor(private readonly loaders: ConfigLoaders, private readonly folders: WorkspaceFolders) {}

  /** The result for this exact version, linting only if there is none yet. */
  current(doc: TextDocument, settings: Settings): LintSnapshot {
    const hit = this.snapshots.get(doc.uri);
    if (hit && hit.version === doc.version) return hit;
    return this.lint(doc, settings);
  }

  lint(doc: TextDocument, settings: Settings): LintSnapshot {
    let cache = this.blockCaches.get(doc.uri);
    if (!cache) this.blockCaches.set(doc.uri, (cache = new BlockCache()));
    const snapshot = this.lintText(doc.uri, doc.version, doc.getText(), doc.languageId, settings, cache);
    this.snapshots.set(doc.uri, snapshot);
    return snapshot;
  }

  /**
   * Lint another text of an open document (fix-all's later rounds) through the document's block
   * cache, so only the blocks the fixes inserted are analysed; the snapshot is not kept.
   */
  lintVariant(uri: string, text: string, languageId: string, settings: Settings): LintSnapshot {
    return this.lintText(uri, undefined, text, languageId, settings, this.blockCaches.get(uri));
  }

  /** Lint any text (an open buffer or a file read from disk) without caching it. */
  lintText(uri: string, version: number | undefined, text: string, languageId: string, settings: Settings, blocks?: BlockCache): LintSnapshot {
    const filePath = enginePathOf(uri, this.folders);
    // String length counts UTF-16 units: close enough to bytes for a size guard.
    const sizeMB = text.length / (1024 * 1024);
    if (sizeMB > settings.maxFileSizeMB) {
      return { uri, version, filePath, findings: [], tooLarge: { sizeMB, limitMB: settings.maxFileSizeMB } };
    }
    const loader = this.loaders.forFile(filePath, settings.packs);
    const lint = lintText(text, filePath, loader, { format: formatOf(languageId, filePath), blocks });
    return { uri, version, filePath, lint, findings: applySeverities(lint.result.findings, settings.ruleSeverities) };
  }

  cached(uri: string): LintSnapshot | undefined {
    return this.snapshots.get(uri);
  }

  /** Every cached snapshot (the open documents that were linted). */
  all(): IterableIterator<LintSnapshot> {
    return this.snapshots.values();
  }

  forget(uri: string): void {
    this.snapshots.delete(uri);
    this.blockCaches.delete(uri);
  }

  /** Packs or settings changed: every cached result is out of date. */
  invalidate(): void {
    this.snapshots.clear();
  }
}

/** `clauselint.ruleSeverities`: keys are rule ids ("pack/rule") or bare rule names. */
export function applySeverities(findings: Finding[], overrides: Settings['ruleSeverities']): Finding[] {
  if (Object.keys(overrides).length === 0) return findings;
  const out: Finding[] = [];
  for (const f of findings) {
    const setting = overrides[f.ruleId] ?? overrides[f.ruleId.slice(f.ruleId.indexOf('/') + 1)];
    if (setting === 'off') continue;
    out.push(setting ? withSeverity(f, setting) : f);
  }
  return out;
}
