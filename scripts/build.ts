/**
 * The build steps after tsc (npm run build): snapshots of the built-in packs
 * (lib/build/packSnapshots.ts), then the CLI bundle and its code cache
 * (lib/build/bundleCli.ts).
 */
import { bundleCli } from './lib/build/bundleCli';
import { buildPackSnapshots } from './lib/build/packSnapshots';

buildPackSnapshots();
bundleCli().catch((err) => {
  console.error(`bundle-cli: ${(err as Error).stack ?? err}`);
  process.exitCode = 1;
});
