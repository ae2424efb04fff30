/** A ConfigLoader that, given a PackPolicy (untrusted workspace), loads configs through the policy. */
import { ConfigLoader, LoadedConfig } from '../../packs/config';
import { PackPolicy } from './packPolicy';
import { allowedConfigFile, loadRestrictedConfig, mtimeStamp } from './restrictedConfig';

export class PolicyConfigLoader extends ConfigLoader {
  private readonly restricted = new Map<string, { loaded: LoadedConfig; stamp: string }>();

  constructor(private readonly packs: string[], private readonly policy: PackPolicy | undefined) {
    super({ packs });
  }

  override configFor(filePath: string): LoadedConfig {
    if (!this.policy) return super.configFor(filePath);
    const configFile = allowedConfigFile(filePath, this.policy);
    const key = configFile ?? '<default>';
    const hit = this.restricted.get(key);
    if (hit && mtimeStamp(hit.loaded.files) === hit.stamp) return hit.loaded;
    const loaded = loadRestrictedConfig(configFile, this.packs, this.policy);
    // Drop the base class's per-file override cache, which may hold rules of the old config.
    super.clear();
    this.restricted.set(key, { loaded, stamp: mtimeStamp(loaded.files) });
    return loaded;
  }

  override clear(): void {
    super.clear();
    this.restricted.clear();
  }
}
