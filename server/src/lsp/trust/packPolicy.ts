/**
 * Workspace Trust for packs. Packs are data (no code runs from them), so they
 * load in untrusted workspaces too, with two exceptions: npm-package packs
 * (resolved through node_modules, i.e. installed third-party content) and any
 * pack or config file outside the workspace folders. Built-in packs always load.
 */
import * as path from 'path';
import { BUILTIN_PREFIX, builtinRulesDir } from '../../packs/builtin';
import { isInside, WorkspaceFolders } from '../workspaceFolders';

export interface PackPolicy {
  /** Why `spec` (resolved to `file`, when resolution is allowed to happen) may not load; undefined when it may. */
  refusal(spec: string, file?: string): string | undefined;
}

export function isNpmSpec(spec: string): boolean {
  return !spec.startsWith(BUILTIN_PREFIX) && !spec.startsWith('.') && !path.isAbsolute(spec);
}

export function untrustedWorkspacePolicy(folders: WorkspaceFolders): PackPolicy {
  return {
    refusal(spec, file) {
      if (isNpmSpec(spec)) return 'npm-package packs are not loaded in an untrusted workspace (trust the workspace to load it)';
      if (file === undefined || isInside(path.resolve(file), builtinRulesDir())) return undefined;
      if (folders.all().some((f) => isInside(path.resolve(file), f))) return undefined;
      return 'packs outside the workspace folder are not loaded in an untrusted workspace (trust the workspace to load it)';
    },
  };
}
