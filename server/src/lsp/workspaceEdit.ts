/** Engine edits (UTF-16 offsets) as an LSP WorkspaceEdit for one document version. */
import { TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { LineIndex } from '../document/lineIndex';
import { FixEdit } from '../engine/types';

export interface EditTarget {
  uri: string;
  version: number;
  lines: LineIndex;
  /** The client accepts versioned `documentChanges` (edits are then refused on a changed document). */
  documentChanges: boolean;
}

export function toTextEdits(edits: FixEdit[], lines: LineIndex): TextEdit[] {
  return edits.map((e) => ({ range: lines.rangeOf(e), newText: e.text }));
}

export function workspaceEdit(target: EditTarget, edits: FixEdit[]): WorkspaceEdit {
  const textEdits = toTextEdits(edits, target.lines);
  if (target.documentChanges) return { documentChanges: [{ textDocument: { uri: target.uri, version: target.version }, edits: textEdits }] };
  return { changes: { [target.uri]: textEdits } };
}
