/**
 * One ConfigLoader per distinct `clauselint.packs` setting (relative pack paths
 * are relative to each workspace folder, so folders may differ), all under the
 * current Workspace Trust policy. Each loader caches configs and reloads one
 * when a file it involves changes on disk.
 */
import * as path from 'path';
import { normalisePackSpec } from '../cli/packSpecs';
import { ConfigLoader, filesStamp, loadConfig, LoadedConfig } from '../packs/config';
import { PackGuard, resolveExtends } from '../packs/resolve';
import { isNpmSpec, PackPolicy, untrustedWorkspacePolicy } from './trust/packPolicy';
import { WorkspaceFolders } from './workspaceFolders';

export class ConfigLoaders {
  private readonly loaders = new Map<string, ConfigLoader>();
  private readonly standalone = new Map<string, { loaded: LoadedConfig; stamp: string }>();
  private policy: PackPolicy | undefined;

  constructor(private readonly folders: WorkspaceFolders, trusted: boolean) {
    this.policy = trusted ? undefined : untrustedWorkspacePolicy(folders);
  }

  private get guard(): PackGuard | undefined {
    const policy = this.policy;
    return policy ? (spec, file) => policy.refusal(spec, file) : undefined;
  }

  get trusted(): boolean {
    return this.policy === undefined;
  }

  forFile(filePath: string, packSettings: readonly string[]): ConfigLoader {
    const base = this.folders.folderOf(filePath) ?? path.dirname(filePath);
    const packs = packSettings.map((spec) => this.absoluteSpec(spec, base));
    const key = packs.join('\u0000');
    let loader = this.loaders.get(key);
    if (!loader) {
      loader = new ConfigLoader({ packs, canLoad: this.guard });
      this.loaders.set(key, loader);
    }
    return loader;
  }

  /** Paths made absolute against the folder; npm names resolved from the folder's node_modules when trusted. */
  private absoluteSpec(spec: string, base: string): string {
    const normalised = normalisePackSpec(spec, base);
    if (!this.trusted || !isNpmSpec(normalised)) return normalised;
    return resolveExtends(normalised, path.join(base, '.clauselint.yaml')).file ?? normalised;
  }

  /** A pack file loaded on its own (with what it extends), to check it while it is being written. */
  loadStandalone(file: string): LoadedConfig {
    const hit = this.standalone.get(file);
    if (hit && filesStamp(hit.loaded.files) === hit.stamp) return hit.loaded;
    const loaded = loadConfig(file, [], this.guard);
    this.standalone.set(file, { loaded, stamp: filesStamp(loaded.files) });
    return loaded;
  }

  clear(): void {
    for (const loader of this.loaders.values()) loader.clear();
    this.standalone.clear();
  }
}
