/** The rule set meant by a request: that of an open document's last lint, else of the config nearest to the file. */
import * as path from 'path';
import { RuleSet } from '../engine/types';
import { ConfigLoaders } from './configLoaders';
import { LintSnapshot } from './documentLinter';
import { SettingsCache } from './settings';
import { enginePathOf, WorkspaceFolders } from './workspaceFolders';

export interface RuleSetLookupHost {
  loaders: ConfigLoaders;
  settings: SettingsCache;
  folders: WorkspaceFolders;
  snapshot(uri: string): Promise<LintSnapshot | undefined>;
}

export async function ruleSetFor(host: RuleSetLookupHost, uri: string | undefined): Promise<RuleSet> {
  if (uri) {
    const snapshot = await host.snapshot(uri);
    if (snapshot?.lint) return snapshot.lint.compiled.ruleSet;
  }
  const file = uri ? enginePathOf(uri, host.folders) : path.join(host.folders.all()[0] ?? process.cwd(), 'contract.md');
  const settings = await host.settings.get(uri ?? '');
  return host.loaders.forFile(file, settings.packs).rulesFor(file).compiled.ruleSet;
}
