/**
 * The contract files of the workspace, as the server would lint them: per
 * folder, its `clauselint.files` globs, `*.contract.md` / `*.contract.txt`,
 * and all Markdown when `clauselint.lintAllMarkdown` is on. files.exclude and
 * node_modules are left out.
 */
import * as vscode from 'vscode';

const CONTRACT_GLOBS = ['**/*.contract.md', '**/*.contract.txt'];
const EXCLUDE = '**/node_modules/**';

export async function findContractFiles(token?: vscode.CancellationToken): Promise<vscode.Uri[]> {
  const found = new Map<string, vscode.Uri>();
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const config = vscode.workspace.getConfiguration('clauselint', folder.uri);
    const globs = new Set([...config.get<string[]>('files', []), ...CONTRACT_GLOBS]);
    if (config.get<boolean>('lintAllMarkdown', false)) globs.add('**/*.md');
    for (const glob of globs) {
      const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, glob), EXCLUDE, undefined, token);
      for (const u of uris) found.set(u.toString(), u);
    }
  }
  return [...found.values()].sort((a, b) => a.fsPath.localeCompare(b.fsPath));
}
