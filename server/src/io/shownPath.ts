import * as path from 'path';

/** A path as the user should see it: relative to the current folder when inside it, '/'-separated. */
export function shownPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return file;
  return rel.split(path.sep).join('/');
}
