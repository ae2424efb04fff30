/** Applying a server's WorkspaceEdit to a document's text, as an editor does (both the `changes` and the `documentChanges` form). */
import { applyEdits, PlainEdit } from '../lsp/fixtures';

export interface PlainWorkspaceEdit {
  changes?: Record<string, PlainEdit[]>;
  documentChanges?: { textDocument: { uri: string; version: number | null }; edits: PlainEdit[] }[];
}

/** The text after `edit`'s edits for `uri`; `version` must match a versioned edit, as editors refuse stale ones. */
export function applyWorkspaceEdit(text: string, uri: string, version: number, edit: PlainWorkspaceEdit): string {
  const edits: PlainEdit[] = [];
  for (const change of edit.documentChanges ?? []) {
    if (change.textDocument.uri !== uri) throw new Error(`an edit for another document: ${change.textDocument.uri}`);
    if (change.textDocument.version !== null && change.textDocument.version !== version) throw new Error(`an edit for version ${change.textDocument.version}, the document is at ${version}`);
    edits.push(...change.edits);
  }
  for (const [target, list] of Object.entries(edit.changes ?? {})) {
    if (target !== uri) throw new Error(`an edit for another document: ${target}`);
    edits.push(...list);
  }
  if (edits.length === 0) throw new Error('the workspace edit has no edits');
  return applyEdits(text, edits);
}
