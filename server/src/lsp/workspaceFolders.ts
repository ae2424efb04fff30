/** The open workspace folders as file-system paths, and where a document's path is on disk. */
import * as path from 'path';
import { fileURLToPath } from 'url';

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
