/**
 * One ConfigLoader per distinct `clauselint.packs` setting (relative pack paths
 * and npm names are resolved from each workspace folder, so folders may
 * differ), all under the current Workspace Trust policy (packs/readPolicy.ts).
 * Each loader caches configs and reloads one when a file it involves changes.
 */
import * as path from 'path';
import { normalisePackSpec } from '../packs/packSpecs';
import { ConfigLoader, filesStamp, loadConfig, LoadedConfig } from '../packs/config';
import { PackPolicy } from '../packs/readScope';
import { isPathSpec } from '../packs/resolve';
import { BUILTIN_PREFIX } from '../packs/builtin';
import { workspacePackPolicy } from '../packs/readPolicy';
import { WorkspaceFolders } from './workspaceFolders';

export class ConfigLoaders {
  private readonly loaders = new Map<string, ConfigLoader>();
  private readonly standalone = new Map<string, { loaded: LoadedConfig; stamp: string }>();
  private readonly policy: PackPolicy;

  constructor(private readonly folders: WorkspaceFolders, readonly trusted: boolean) {
    this.policy = workspacePackPolicy(folders, trusted);
  }

  forFile(filePath: string, packSettings: readonly string[]): ConfigLoader {
    const base = this.folders.folderOf(filePath) ?? path.dirname(filePath);
    const packs = packSettings.map((spec) => normalisePackSpec(spec, base));
    // npm names resolve from the folder's node_modules, so they differ between folders.
    const npm = packs.some((p) => !p.startsWith(BUILTIN_PREFIX) && !isPathSpec(p));
    const key = [npm ? base : '', ...packs].join('\u0000');
    let loader = this.loaders.get(key);
    if (!loader) {
      loader = new ConfigLoader({ packs, packBase: base, policy: this.policy });
      this.loaders.set(key, loader);
    }
    return loader;
  }

  /** A pack file loaded on its own (with what it extends), to check it while it is being written. */
  loadStandalone(file: string): LoadedConfig {
    const hit = this.standalone.get(file);
    if (hit && filesStamp(hit.loaded.files) === hit.stamp) return hit.loaded;
    const loaded = loadConfig(file, [], { policy: this.policy });
    this.standalone.set(file, { loaded, stamp: filesStamp(loaded.files) });
    return loaded;
  }

  /** Forget every loaded config: packs, settings or the workspace folders (and so what packs may read) changed. */
  clear(): void {
    for (const loader of this.loaders.values()) loader.clear();
    this.standalone.clear();
  }
}
