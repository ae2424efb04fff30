/** Packs as the user names them (--pack, test-rules) and as problems in them are shown. */
import * as fs from 'fs';
import * as path from 'path';
import { shownPath } from '../io/shownPath';
import { BUILTIN_PREFIX, builtinPackPath } from './builtin';
import { PackError } from './errors';

/**
 * The form the pack loader understands: `clauselint:<name>` stays; an existing
 * file becomes an absolute path (the loader would take a bare `pack.yaml` for
 * an npm package name); a bare built-in name gets its prefix; anything else is
 * left for the loader to resolve as an npm package (or report).
 */
export function normalisePackSpec(spec: string, cwd: string): string {
  if (spec.startsWith(BUILTIN_PREFIX)) return spec;
  const full = path.resolve(cwd, spec);
  if (fs.existsSync(full)) return full;
  if (/^[a-z0-9-]+$/.test(spec) && builtinPackPath(spec)) return BUILTIN_PREFIX + spec;
  return spec;
}

/** `file:line:col: severity: message`, with the file relative to the current folder. */
export function formatConfigProblem(e: PackError, cwd: string): string {
  const file = path.isAbsolute(e.file) ? shownPath(e.file, cwd) : e.file;
  return `${file}:${e.line}:${e.column}: ${e.severity}: ${e.message}`;
}
