/**
 * Helpers for the real-editor suite (runs inside VS Code's extension host).
 * Everything waits on events or polls with a deadline: no fixed sleeps.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'clauselint.clauselint';
export const SOURCE = 'clauselint';
export const FIX_ALL_KIND = 'source.fixAll.clauselint';
export const MISSION_RULES = ['broad-use-grant', 'missing-audit-trigger', 'missing-surveillance-carve-out', 'missing-weapons-carve-out'].map((r) => `recommended/${r}`);
/** A mission finding still open: a qualified broad grant stays visible at information severity, and is not one. */
export function isOpenMissionFinding(d: vscode.Diagnostic): boolean {
  return MISSION_RULES.includes(ruleOf(d)) && d.severity !== vscode.DiagnosticSeverity.Information;
}
/** The fixture contract's only use clause, and its broad grant. */
export const USE_CLAUSE = '2.1 The Agency may use the Platform and the Outputs for any lawful purpose.';
export const GRANT = 'any lawful purpose';

/** How long to wait for the server before failing (the first lint includes starting the server). */
export const WAIT_MS = Number(process.env.CLAUSELINT_E2E_WAIT_MS) || 20000;

export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the run opens a workspace folder');
  return folder.uri.fsPath;
}

export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is installed (${vscode.extensions.all.map((e) => e.id).filter((id) => !id.startsWith('vscode.')).join(', ')})`);
  await ext.activate();
  // The built-in Markdown features activate with the first Markdown document; have them settled first
  // (their providers registering mid-request cancel code-action requests, see codeActionsAt).
  await vscode.extensions.getExtension('vscode.markdown-language-features')?.activate();
  return ext;
}

/** The diagnostic's rule id (`code` is `{ value, target }` when the rule links to its docs). */
export function ruleOf(d: vscode.Diagnostic): string {
  return String(typeof d.code === 'object' && d.code !== null ? d.code.value : d.code);
}

export function clauselintDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

export function describeDiagnostics(ds: readonly vscode.Diagnostic[]): string {
  if (ds.length === 0) return '(none)';
  return ds.map((d) => `${ruleOf(d)}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`).join(', ');
}

/**
 * Resolves with the document's ClauseLint diagnostics once `accept` holds for them: checked now and
 * on every onDidChangeDiagnostics for that document; rejects after `timeoutMs` with what was last seen.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (ds: vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = WAIT_MS,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const key = uri.toString();
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      sub.dispose();
      clearTimeout(timer);
      fn();
    };
    const check = () => {
      const ds = clauselintDiagnostics(uri);
      let ok = false;
      try {
        ok = accept(ds);
      } catch (err) {
        finish(() => reject(err));
        return;
      }
      if (ok) finish(() => resolve(ds));
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === key)) check();
    });
    const timer = setTimeout(
      () => finish(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; diagnostics now: ${describeDiagnostics(clauselintDiagnostics(uri))}`))),
      timeoutMs,
    );
    check();
  });
}

/** Polls `probe` (which may be async) until it returns something other than undefined, or fails after `timeoutMs`. */
export async function poll<T>(probe: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = WAIT_MS, everyMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export function textOfContractTemplate(): string {
  return fs.readFileSync(path.join(workspaceRoot(), 'contracts', 'ai-services-draft.md'), 'utf8');
}

let copies = 0;

/**
 * A fresh copy of the fixture contract under contracts/ (so tests do not share a document),
 * opened in an editor. Returns the editor and the original text.
 */
export async function openContractCopy(label: string): Promise<{ editor: vscode.TextEditor; doc: vscode.TextDocument; original: string }> {
  const original = textOfContractTemplate();
  const file = path.join(workspaceRoot(), 'contracts', `${label}-${++copies}.md`);
  fs.writeFileSync(file, original);
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  assert.strictEqual(doc.languageId, 'markdown');
  return { editor, doc, original };
}

/** The range of the n-th occurrence of `needle` in the document. */
export function rangeOf(doc: vscode.TextDocument, needle: string, occurrence = 0): vscode.Range {
  const text = doc.getText();
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `"${needle}" occurs ${occurrence + 1} times in ${doc.uri.fsPath}`);
  }
  return new vscode.Range(doc.positionAt(at), doc.positionAt(at + needle.length));
}

export function sameRange(a: vscode.Range, b: vscode.Range): boolean {
  return a.start.isEqual(b.start) && a.end.isEqual(b.end);
}

/** The mission rules whose findings sit on the broad grant itself. */
export const GRANT_RULES = MISSION_RULES.filter((r) => r !== 'recommended/missing-audit-trigger');
/**
 * Where the fixture's escalation finding sits: clause 3.2's consent gate ("only with the Agency's written
 * consent") is the start of an escalation path, so the finding names what that path lacks, there.
 */
export const ESCALATION_ANCHOR = "only with the Agency's written consent";

/** The four mission findings of the fixture: three on the grant of clause 2.1, the escalation one on clause 3.2's gate. */
export function waitForFixtureFindings(doc: vscode.TextDocument): Promise<vscode.Diagnostic[]> {
  const grant = rangeOf(doc, GRANT);
  const gate = rangeOf(doc, ESCALATION_ANCHOR);
  return waitForDiagnostics(
    doc.uri,
    (ds) =>
      GRANT_RULES.every((rule) => ds.some((d) => ruleOf(d) === rule && sameRange(d.range, grant))) &&
      ds.some((d) => ruleOf(d) === 'recommended/missing-audit-trigger' && d.range.start.line === gate.start.line),
    `the three grant findings on "${GRANT}" and the escalation finding on clause 3.2`,
  );
}

/** Runs a code action as VS Code does when it is picked: its edit, then its command. */
export async function runCodeAction(action: vscode.CodeAction): Promise<void> {
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), `the edit of "${action.title}" applies`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

export function isClauseLintAction(a: vscode.CodeAction): boolean {
  return !!(a.diagnostics?.some((d) => d.source === SOURCE) || a.command?.command.startsWith('clauselint.') || a.kind?.value.endsWith('.clauselint'));
}

/**
 * The code actions at `range`, as the lightbulb would get them, once ClauseLint's are among them.
 * VS Code cancels a code-action request whose providers change while it runs (e.g. when the
 * Markdown extension activates and registers its own), and the API command then returns only the
 * providers that had already answered; the lightbulb simply asks again, and so do we (with a deadline).
 */
export async function codeActionsAt(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  let attempts = 0;
  let last: string[] = [];
  try {
    return await poll(async () => {
      attempts++;
      const result = (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, range, kind)) ?? [];
      // A bare Command has `command: string`; a CodeAction's `command` is an object (or absent).
      const actions = result.filter((a): a is vscode.CodeAction => typeof a.command !== 'string');
      last = actions.map((a) => a.title);
      return actions.some(isClauseLintAction) ? actions : undefined;
    }, `ClauseLint's code actions${kind ? ` of kind ${kind}` : ''}`);
  } catch (err) {
    throw new Error(`${(err as Error).message} after ${attempts} requests; last answer: ${last.join(' | ') || '(none)'}`);
  } finally {
    if (attempts > 1) console.log(`    (code actions: ClauseLint's came with request ${attempts})`);
  }
}

/** The plain text a VS Code snippet inserts when every placeholder keeps its default. */
export function snippetPlainText(snippet: string): string {
  let out = snippet;
  // Innermost placeholders first, so nested ones resolve too.
  for (let guard = 0; guard < 20 && /\$\{\d+[:|]/.test(out); guard++) {
    out = out.replace(/\$\{\d+:([^${}]*)\}/g, '$1').replace(/\$\{\d+\|([^,|}]*)[^}]*\}/g, '$1');
  }
  return out.replace(/\$\{\d+\}|\$\d+/g, '').replace(/\\([$}\\])/g, '$1');
}

/** Reverts and closes every editor this test opened, so no "save changes?" dialog can block the run. */
export async function closeAllEditors(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments) {
    if (!doc.isDirty || doc.uri.scheme !== 'file') continue;
    await vscode.window.showTextDocument(doc, { preview: false });
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
