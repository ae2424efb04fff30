/**
 * Writing a file so that nothing is lost and nothing outside the project is
 * touched: the bytes go to a new temporary file in the same folder (opened
 * with O_EXCL|O_NOFOLLOW, synced to disk), which is then renamed over the
 * original, so a reader or a crash sees either the old file or the new one,
 * never a partial one. The original's mode (and owner, where allowed) is kept.
 *
 * Refused, with a reason, instead of written:
 * - a path whose real location (links resolved) is outside `root`, or is not
 *   a regular file (a FIFO, a device, a folder);
 * - a read-only file (no write bit: even root respects that here) or one the
 *   process may not write;
 * - for a rewrite in place, a file that changed since it was read (other
 *   bytes, or another file swapped in at that path, e.g. a link).
 * The checks run once before the temporary file is written and again right
 * before the rename. What is left is the moment between that last check and
 * the rename itself, which no portable file API closes.
 *
 * write-file-atomic (npm) does the temporary-file-and-rename part, but it
 * follows links on purpose and has no hook for the root or changed-since-read
 * checks, which must sit right before the rename: this module does both.
 */
import { createHash, randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

/** What a file was when it was read: a rewrite in place is refused if it is not that any more. */
export interface ReadStamp {
  dev: number;
  ino: number;
  size: number;
  sha256: string;
}

export function stampOf(stat: fs.Stats, bytes: Buffer): ReadStamp {
  return { dev: stat.dev, ino: stat.ino, size: stat.size, sha256: sha256(bytes) };
}

export interface SafeWriteOptions {
  /** The folder the file must really be in (links are followed only when they stay inside it). */
  root: string;
  /** For a rewrite in place: the file as it was read. */
  readAs?: ReadStamp;
}

export type WriteOutcome = { written: string } | { refused: string };

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function isInside(file: string, folder: string): boolean {
  const rel = path.relative(folder, file);
  return rel === '' || (rel !== '..' && !rel.startsWith('..' + path.sep) && !path.isAbsolute(rel));
}

function errnoText(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EROFS') return 'the file system is read-only';
  if (code === 'ENOSPC') return 'no space left on the device';
  if (code === 'ENOTDIR') return 'a part of its path is not a folder';
  if (code === 'EISDIR') return 'it is a folder';
  return (err as Error).message;
}

/** The real path the write would land on: the file's own links resolved, or its real folder when it does not exist yet. */
function realTarget(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    // A dangling link is not followed to create its target somewhere else.
    if (fs.lstatSync(file, { throwIfNoEntry: false })?.isSymbolicLink()) throw new Refusal('it is a link to a file that does not exist');
    return path.join(fs.realpathSync(path.dirname(file)), path.basename(file));
  }
}

class Refusal extends Error {}

/** Why `real` may not be written now, or undefined. `existing` is its lstat (undefined: a new file). */
function refusal(real: string, root: string, existing: fs.Stats | undefined, readAs: ReadStamp | undefined): string | undefined {
  if (!isInside(real, root)) return `it leads outside ${root} (through a link) to ${real}`;
  if (!existing) return readAs ? 'it was deleted since it was read' : undefined;
  if (!existing.isFile()) return 'it is not a regular file';
  if (readAs) {
    if (existing.dev !== readAs.dev || existing.ino !== readAs.ino) return 'another file was put in its place since it was read';
    if (existing.size !== readAs.size || sha256(fs.readFileSync(real)) !== readAs.sha256) return 'it changed on disk since it was read (an edit made meanwhile would be lost)';
  }
  if ((existing.mode & 0o222) === 0) return 'it is read-only';
  try {
    fs.accessSync(real, fs.constants.W_OK);
  } catch {
    return 'permission denied';
  }
  return undefined;
}

function check(file: string, options: SafeWriteOptions, realRoot: string): { real: string; existing?: fs.Stats } {
  const real = realTarget(file);
  const existing = fs.lstatSync(real, { throwIfNoEntry: false });
  const why = refusal(real, realRoot, existing, options.readAs);
  if (why) throw new Refusal(why);
  return { real, existing };
}

function writeTemporary(temp: string, data: Buffer, existing: fs.Stats | undefined): void {
  const flags = fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | (fs.constants.O_NOFOLLOW ?? 0);
  const fd = fs.openSync(temp, flags, existing ? 0o600 : 0o666);
  try {
    let done = 0;
    while (done < data.length) done += fs.writeSync(fd, data, done, data.length - done);
    if (existing) {
      fs.fchmodSync(fd, existing.mode & 0o7777);
      try {
        fs.fchownSync(fd, existing.uid, existing.gid);
      } catch {
        // Only root may give a file away; the mode is what matters for access.
      }
    }
    fs.fsyncSync(fd);
  } catch (err) {
    fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw err;
  }
  fs.closeSync(fd);
}

function syncFolder(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Not every platform can sync a folder; the rename itself is still atomic.
  }
}

/** Write `data` to `file` atomically, or say why not. Never throws for a file-system problem. */
export function writeFileSafely(file: string, data: Buffer, options: SafeWriteOptions): WriteOutcome {
  let temp: string | undefined;
  try {
    const realRoot = fs.realpathSync(options.root);
    const { real, existing } = check(file, options, realRoot);
    const name = path.join(path.dirname(real), `.${path.basename(real)}.${process.pid}-${randomBytes(6).toString('hex')}.clauselint-tmp`);
    writeTemporary(name, data, existing);
    temp = name;
    // Again, right before the rename: the file (or a folder on its path) may have been swapped meanwhile.
    const last = check(file, options, realRoot);
    if (last.real !== real) throw new Refusal('its path was changed (a link was put in) since it was read');
    fs.renameSync(temp, real);
    temp = undefined;
    syncFolder(path.dirname(real));
    return { written: real };
  } catch (err) {
    return { refused: err instanceof Refusal ? err.message : errnoText(err) };
  } finally {
    if (temp) fs.rmSync(temp, { force: true });
  }
}
