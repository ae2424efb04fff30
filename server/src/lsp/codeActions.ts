/**
 * Code actions for a range, in the order a reader scans the quick-fix menu:
 * the fixes of the findings under the cursor (one action per plan id, so a
 * clause proposed by three findings is offered once; short titles, the
 * preferred fix first), ONE suppression for the rules flagged on that line,
 * and "Fix all ClauseLint problems". `source.fixAll.clauselint` answers the
 * Source Action menu and editor.codeActionsOnSave.
 */
import { CodeAction, CodeActionKind, CodeActionParams, Diagnostic } from 'vscode-languageserver';
import { fixAllEdits, fixToFixpoint } from '../engine/fixes/apply';
import { suppressPlan } from '../engine/fixes/plans';
import { planAsSnippet } from '../engine/fixes/snippetEdit';
import { Finding, FixEdit, FixPlan } from '../engine/types';
import { DiagnosticOptions, toDiagnostic } from './diagnostics';
import { LintSnapshot } from './documentLinter';
import { ApplySnippetArgs, CLIENT_COMMANDS, CODE_ACTION_KIND_FIX_ALL } from '../../../shared/protocol';
import { workspaceEdit } from './workspaceEdit';

export interface ActionCapabilities {
  /** The client runs CLIENT_COMMANDS.applySnippet (clause placeholders become tab stops). */
  snippetCommand: boolean;
  documentChanges: boolean;
  /** How the diagnostics an action fixes are written. */
  diagnostics: DiagnosticOptions;
  /** Lints a fixed text as this document is linted: fix-all then also applies what its first round makes fixable (so running it twice changes nothing). */
  relint?: (text: string) => Finding[];
}

export const FIX_ALL_TITLE = 'Fix all ClauseLint problems';

/** Whether an action of `kind` answers a request limited to `only` (kinds are dot-separated hierarchies). */
export function kindRequested(kind: string, only: string[] | undefined): boolean {
  return !only || only.some((k) => kind === k || kind.startsWith(k + '.'));
}

export function codeActions(snapshot: LintSnapshot, params: CodeActionParams, caps: ActionCapabilities): CodeAction[] {
  const lint = snapshot.lint;
  if (!lint || snapshot.version === undefined) return [];
  const only = params.context.only;
  const actions: CodeAction[] = [];
  if (kindRequested(CodeActionKind.QuickFix, only)) {
    const lines = lint.doc.lines;
    const start = lines.offsetAt(params.range.start);
    const end = lines.offsetAt(params.range.end);
    const hits = snapshot.findings.filter((f) => f.span.start <= end && f.span.end >= start);
    actions.push(...quickFixes(snapshot, hits, caps));
    const suppression = suppressionAction(snapshot, hits, caps);
    if (suppression) actions.push(suppression);
    const fixAll = hits.length > 0 ? fixAllAction(snapshot, caps, CodeActionKind.QuickFix) : undefined;
    if (fixAll) actions.push(fixAll);
  }
  // Source actions only when asked for by kind (Source Action menu, codeActionsOnSave), as clients expect.
  if (only && kindRequested(CODE_ACTION_KIND_FIX_ALL, only)) {
    const fixAll = fixAllAction(snapshot, caps, CODE_ACTION_KIND_FIX_ALL);
    if (fixAll) actions.push(fixAll);
  }
  return actions;
}

/** Each fix plan of the findings once (suppressions aside), the preferred ones first. */
function quickFixes(snapshot: LintSnapshot, hits: Finding[], caps: ActionCapabilities): CodeAction[] {
  const byPlan = new Map<string, CodeAction>();
  for (const f of hits) {
    const diagnostic = toDiagnostic(snapshot, f, caps.diagnostics);
    const fixes = f.fixes.filter((p) => p.type !== 'suppress');
    for (const plan of fixes) {
      const existing = byPlan.get(plan.id);
      if (existing) existing.diagnostics!.push(diagnostic);
      else byPlan.set(plan.id, planAction(snapshot, plan, [diagnostic], plan === fixes[0], caps));
    }
  }
  const entries = [...byPlan.values()];
  return [...entries.filter((a) => a.isPreferred), ...entries.filter((a) => !a.isPreferred)];
}

/**
 * One suppression comment naming every rule that offers one on the first
 * flagged line in the range (the comment takes a list of rules), rather than
 * one menu entry per rule.
 */
function suppressionAction(snapshot: LintSnapshot, hits: Finding[], caps: ActionCapabilities): CodeAction | undefined {
  const lines = snapshot.lint!.doc.lines;
  const suppressible = hits.filter((f) => f.fixes.some((p) => p.type === 'suppress'));
  if (suppressible.length === 0) return undefined;
  const line = lines.lineOf(suppressible[0].span.start);
  const onLine = suppressible.filter((f) => lines.lineOf(f.span.start) === line);
  const ruleIds = [...new Set(onLine.map((f) => f.ruleId))];
  const plan = suppressPlan(snapshot.lint!.doc, ruleIds, onLine[0].span);
  const diagnostics = onLine.map((f) => toDiagnostic(snapshot, f, caps.diagnostics));
  return planAction(snapshot, plan, diagnostics, false, caps);
}

/** A plan as a quick fix under its short title: a snippet command when the client inserts snippets and the plan has tab stops, else an edit. */
function planAction(snapshot: LintSnapshot, plan: FixPlan, diagnostics: Diagnostic[], preferred: boolean, caps: ActionCapabilities): CodeAction {
  const title = plan.shortTitle;
  const action: CodeAction = { title, kind: CodeActionKind.QuickFix, diagnostics, isPreferred: preferred };
  const snippet = caps.snippetCommand ? planAsSnippet(plan) : undefined;
  const lines = snapshot.lint!.doc.lines;
  if (snippet) {
    const args: ApplySnippetArgs = { uri: snapshot.uri, version: snapshot.version!, range: lines.rangeOf(snippet), snippet: snippet.snippet };
    action.command = { title, command: CLIENT_COMMANDS.applySnippet, arguments: [args] };
  } else {
    action.edit = workspaceEdit(editTarget(snapshot, caps), plan.edits);
  }
  return action;
}

function editTarget(snapshot: LintSnapshot, caps: ActionCapabilities) {
  return { uri: snapshot.uri, version: snapshot.version!, lines: snapshot.lint!.doc.lines, documentChanges: caps.documentChanges };
}

function fixAllAction(snapshot: LintSnapshot, caps: ActionCapabilities, kind: string): CodeAction | undefined {
  const edits = fixAllOf(snapshot, caps.relint);
  if (edits.length === 0) return undefined;
  return { title: FIX_ALL_TITLE, kind, edit: workspaceEdit(editTarget(snapshot, caps), edits) };
}

/** Per linted version, the edits of fix-all: the menu asks again on every cursor move over a finding, and the later rounds lint again. */
const fixAllCache = new WeakMap<LintSnapshot, FixEdit[]>();

function fixAllOf(snapshot: LintSnapshot, relint: ((text: string) => Finding[]) | undefined): FixEdit[] {
  let edits = fixAllCache.get(snapshot);
  if (!edits) {
    const text = snapshot.lint!.doc.text;
    edits = relint ? fixToFixpoint(text, snapshot.findings, relint).edits : fixAllEdits(snapshot.findings, text);
    fixAllCache.set(snapshot, edits);
  }
  return edits;
}
