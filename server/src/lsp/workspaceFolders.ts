/** The open workspace folders as file-system paths, and where a document's path is on disk. */
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';

/** What initialize says about the workspace, in the order LSP prefers it. */
export interface WorkspaceOfInitialize {
  workspaceFolders?: { uri: string }[] | null;
  rootUri?: string | null;
  rootPath?: string | null;
}

/**
 * The workspace folders a client starts with: `workspaceFolders`, else
 * `rootUri`, else the deprecated `rootPath`; none at all is single-file mode
 * (each file uses the nearest .clauselint.yaml above it).
 */
export function workspaceFolderUris(params: WorkspaceOfInitialize): string[] {
  if (params.workspaceFolders && params.workspaceFolders.length > 0) return params.workspaceFolders.map((f) => f.uri);
  if (params.rootUri) return [params.rootUri];
  if (params.rootPath) return [pathToFileURL(params.rootPath).href];
  return [];
}

export class WorkspaceFolders {
  private folders: string[] = [];

  constructor(uris: string[] = []) {
    this.set(uris);
  }

  set(uris: string[]): void {
    this.folders = uris.map(fsPathOf).filter((p): p is string => p !== undefined);
  }

  change(added: string[], removed: string[]): void {
    const gone = new Set(removed.map(fsPathOf));
    this.folders = [...this.folders.filter((f) => !gone.has(f)), ...added.map(fsPathOf).filter((p): p is string => p !== undefined)];
  }

  all(): readonly string[] {
    return this.folders;
  }

  /** The innermost folder that contains `file`, if any. */
  folderOf(file: string): string | undefined {
    let best: string | undefined;
    for (const f of this.folders) {
      if (isInside(file, f) && (!best || f.length > best.length)) best = f;
    }
    return best;
  }
}

export function isInside(file: string, folder: string): boolean {
  const rel = path.relative(folder, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

export function fsPathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/**
 * The path the engine sees for a document: its file, or for an unsaved buffer
 * (untitled:Untitled-1) a made-up path in the first workspace folder, so the
 * workspace's `.clauselint.yaml` applies to it.
 */
export function enginePathOf(uri: string, folders: WorkspaceFolders): string {
  const fsPath = fsPathOf(uri);
  if (fsPath) return fsPath;
  const name = decodeURIComponent(uri.replace(/^[a-z][a-z0-9+.-]*:/i, '').split(/[/\\]/).pop() || 'untitled');
  return path.join(folders.all()[0] ?? process.cwd(), name);
}
