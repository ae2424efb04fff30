/**
 * Files that are not open: linted from disk for "lint workspace" (results go
 * to Problems and stay until the file is linted again) and for "export
 * findings" (SARIF or JSON through io/formatters, as the CLI writes them). Open documents are
 * taken from the editor, unsaved changes included. Files the project ignores
 * (.gitignore in a git repository, .clauselintignore, `ignores:` in
 * .clauselint.yaml: project/ignoreRules.ts) are skipped, as the CLI skips them;
 * ignore files are read afresh for each request.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CancellationToken, PublishDiagnosticsParams, TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FORMATTERS } from '../io/formatters';
import { FORMATS_WITH_COVERAGE } from '../io/formatters/formatter';
import { ConfigIgnoresFor, IgnoreRules } from '../project/ignoreRules';
import { packageVersion } from '../io/packageVersion';
import { shownPath } from '../io/shownPath';
import { Report, toReportFile } from '../io/report';
import { decode } from '../io/source';
import { RuleSpec } from '../engine/types';
import { DiagnosticOptions, toDiagnostics } from './diagnostics';
import { DocumentLinter, LintSnapshot } from './documentLinter';
import { ExportParams, ExportResult, LintFilesParams, LintFilesResult } from '../../../shared/protocol';
import { SettingsCache } from './settings';
import { fsPathOf } from './workspaceFolders';

export interface WorkspaceLintHost {
  documents: TextDocuments<TextDocument>;
  settings: SettingsCache;
  linter: DocumentLinter;
  diagnosticOptions: DiagnosticOptions;
  publish(params: PublishDiagnosticsParams): void;
  /** The live result of an open document. */
  openSnapshot(uri: string): Promise<LintSnapshot | undefined>;
  /** The `ignores:` of the config that governs a file. */
  configIgnores: ConfigIgnoresFor;
}

type Read = { snapshot: LintSnapshot; open: boolean } | { skipped: string };

export function languageIdOf(file: string): string {
  if (/\.contract\.(md|txt)$/i.test(file)) return 'contract';
  return /\.(md|markdown)$/i.test(file) ? 'markdown' : 'plaintext';
}

export class WorkspaceLint {
  private readonly fromDisk = new Set<string>();

  constructor(private readonly host: WorkspaceLintHost) {}

  /** Whether Problems holds a from-disk result for this file (to restore when its editor closes). */
  wasLinted(uri: string): boolean {
    return this.fromDisk.has(uri);
  }

  async lintFiles(params: LintFilesParams, token?: CancellationToken): Promise<LintFilesResult> {
    const result: LintFilesResult = { linted: 0, findings: 0, skipped: [] };
    const ignores = this.ignoreRules();
    for (const uri of params.uris) {
      if (token?.isCancellationRequested) break;
      const read = await this.read(uri, ignores);
      if ('skipped' in read) {
        result.skipped.push({ uri, reason: read.skipped });
        continue;
      }
      result.linted++;
      result.findings += read.snapshot.findings.length;
      if (read.open) continue; // live linting already published it
      this.host.publish({ uri, diagnostics: toDiagnostics(read.snapshot, this.host.diagnosticOptions) });
      this.fromDisk.add(uri);
    }
    return result;
  }

  async exportFindings(params: ExportParams): Promise<ExportResult> {
    const report: Report = { files: [], rules: [] };
    const ruleIds = new Set<string>();
    let findings = 0;
    const ignores = this.ignoreRules();
    for (const uri of params.uris) {
      const read = await this.read(uri, ignores);
      if ('skipped' in read || !read.snapshot.lint) continue;
      const { snapshot } = read;
      const lint = snapshot.lint!;
      report.files.push(toReportFile(shownPath(snapshot.filePath, params.baseDir), lint.doc, { ...lint.result, findings: snapshot.findings }, () => true, undefined, FORMATS_WITH_COVERAGE.has(params.format)));
      addRules(report.rules, ruleIds, lint.compiled.ruleSet.rules);
      findings += snapshot.findings.length;
    }
    const content = FORMATTERS[params.format](report, { cwd: params.baseDir, color: false, toolVersion: packageVersion() });
    return { content, files: report.files.length, findings };
  }

  private ignoreRules(): IgnoreRules {
    return new IgnoreRules(this.host.configIgnores);
  }

  private async read(uri: string, ignores: IgnoreRules): Promise<Read> {
    const onDisk = fsPathOf(uri);
    const ignoredBy = onDisk && ignores.whyIgnored(onDisk);
    if (ignoredBy) return { skipped: `ignored: matches a pattern in ${ignoredBy}` };
    const open = this.host.documents.get(uri);
    if (open) {
      const snapshot = await this.host.openSnapshot(uri);
      return snapshot ? { snapshot, open: true } : { skipped: 'not a contract file under the current settings' };
    }
    const file = fsPathOf(uri);
    if (!file) return { skipped: 'not a file on disk' };
    const settings = await this.host.settings.get(uri);
    let buf: Buffer;
    try {
      const stat = await fs.promises.stat(file);
      if (stat.size > settings.maxFileSizeMB * 1024 * 1024) return { skipped: `larger than clauselint.maxFileSizeMB (${settings.maxFileSizeMB} MB); use the CLI` };
      buf = await fs.promises.readFile(file);
    } catch (err) {
      return { skipped: `cannot read ${path.basename(file)}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` };
    }
    const source = decode(buf);
    if (!source) return { skipped: 'binary file' };
    return { snapshot: this.host.linter.lintText(uri, undefined, source.text, languageIdOf(file), settings), open: false };
  }
}

function addRules(into: RuleSpec[], seen: Set<string>, rules: RuleSpec[]): void {
  for (const r of rules) {
    if (seen.has(r.id)) continue;
    seen.add(r.id);
    into.push(r);
  }
}
