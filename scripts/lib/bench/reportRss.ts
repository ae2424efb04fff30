/** Preloaded into a child (`node --require`): prints its peak memory when it exits. */
import { RSS_MARKER } from './rssMarker';

process.on('exit', () => {
  process.stderr.write(`\n${RSS_MARKER}${process.resourceUsage().maxRSS}\n`);
});
