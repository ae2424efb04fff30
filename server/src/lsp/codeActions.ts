/**
 * Code actions for a range: each finding's fix plans as quick fixes (one
 * action per plan id, so a clause proposed by three findings is offered once),
 * "fix all <rule>" when a rule has several fixable findings, a link to the
 * rule's docs, and `source.fixAll.clauselint` (for editor.codeActionsOnSave).
 */
import { CodeAction, CodeActionKind, CodeActionParams, Command, Diagnostic } from 'vscode-languageserver';
import { Finding, FixPlan } from '../engine/types';
import { DiagnosticOptions, toDiagnostic } from './diagnostics';
import { LintSnapshot } from './documentLinter';
import { fixAllEdits, isFixable } from './fixAll';
import { ApplySnippetArgs, CLIENT_COMMANDS, CODE_ACTION_KIND_FIX_ALL } from './protocol';
import { planAsSnippet } from './snippetFix';
import { workspaceEdit } from './workspaceEdit';

export interface ActionCapabilities {
  /** The client runs CLIENT_COMMANDS.applySnippet (clause placeholders become tab stops). */
  snippetCommand: boolean;
  documentChanges: boolean;
  /** How the diagnostics an action fixes are written; with `docsScheme` the client also runs CLIENT_COMMANDS.showRuleDocs. */
  diagnostics: DiagnosticOptions;
}

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
    actions.push(...fixAllOfRules(snapshot, hits, caps));
    if (caps.diagnostics.docsScheme) actions.push(...docsActions(snapshot, hits));
  }
  // Source actions only when asked for by kind (Source Action menu, codeActionsOnSave), as clients expect.
  if (only && kindRequested(CODE_ACTION_KIND_FIX_ALL, only)) {
    const fixAll = fixAllAction(snapshot, snapshot.findings, caps, 'Fix all ClauseLint problems that have a fix', CODE_ACTION_KIND_FIX_ALL);
    if (fixAll) actions.push(fixAll);
  }
  return actions;
}

function quickFixes(snapshot: LintSnapshot, hits: Finding[], caps: ActionCapabilities): CodeAction[] {
  const byPlan = new Map<string, { action: CodeAction; suppress: boolean }>();
  for (const f of hits) {
    const diagnostic = toDiagnostic(snapshot, f, caps.diagnostics);
    const preferred = f.fixes.find((p) => p.type !== 'suppress');
    for (const plan of f.fixes) {
      const existing = byPlan.get(plan.id);
      if (existing) existing.action.diagnostics!.push(diagnostic);
      else byPlan.set(plan.id, { action: planAction(snapshot, plan, diagnostic, plan === preferred, caps), suppress: plan.type === 'suppress' });
    }
  }
  // Fixes first, suppressions last, as a reader scans the menu.
  const entries = [...byPlan.values()];
  return [...entries.filter((e) => !e.suppress), ...entries.filter((e) => e.suppress)].map((e) => e.action);
}

function planAction(snapshot: LintSnapshot, plan: FixPlan, diagnostic: Diagnostic, preferred: boolean, caps: ActionCapabilities): CodeAction {
  const action: CodeAction = { title: plan.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: preferred };
  const snippet = caps.snippetCommand ? planAsSnippet(plan) : undefined;
  const lines = snapshot.lint!.doc.lines;
  if (snippet) {
    const args: ApplySnippetArgs = { uri: snapshot.uri, version: snapshot.version!, range: lines.rangeOf(snippet), snippet: snippet.snippet };
    action.command = { title: plan.title, command: CLIENT_COMMANDS.applySnippet, arguments: [args] };
  } else {
    action.edit = workspaceEdit(editTarget(snapshot, caps), plan.edits);
  }
  return action;
}

function editTarget(snapshot: LintSnapshot, caps: ActionCapabilities) {
  return { uri: snapshot.uri, version: snapshot.version!, lines: snapshot.lint!.doc.lines, documentChanges: caps.documentChanges };
}

function fixAllAction(snapshot: LintSnapshot, findings: Finding[], caps: ActionCapabilities, title: string, kind: string): CodeAction | undefined {
  const edits = fixAllEdits(findings);
  if (edits.length === 0) return undefined;
  return { title, kind, edit: workspaceEdit(editTarget(snapshot, caps), edits) };
}

/** "Fix all <rule> problems" for each rule under the cursor that has more than one fixable finding. */
function fixAllOfRules(snapshot: LintSnapshot, hits: Finding[], caps: ActionCapabilities): CodeAction[] {
  const out: CodeAction[] = [];
  for (const ruleId of new Set(hits.filter(isFixable).map((f) => f.ruleId))) {
    const ofRule = snapshot.findings.filter((f) => f.ruleId === ruleId && isFixable(f));
    if (ofRule.length < 2) continue;
    const action = fixAllAction(snapshot, ofRule, caps, `Fix all ${ruleId} problems (${ofRule.length})`, CodeActionKind.QuickFix);
    if (action) out.push(action);
  }
  return out;
}

function docsActions(snapshot: LintSnapshot, hits: Finding[]): CodeAction[] {
  return [...new Set(hits.map((f) => f.ruleId))].map((ruleId) => {
    const command: Command = { title: `Show documentation for ${ruleId}`, command: CLIENT_COMMANDS.showRuleDocs, arguments: [ruleId, snapshot.uri] };
    return { title: command.title, kind: CodeActionKind.QuickFix, command };
  });
}
