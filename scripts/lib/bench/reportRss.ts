/**
 * Preloaded into a child (`node --require`, with CLAUSELINT_BENCH_REPORT_RSS set):
 * prints its peak memory (kilobytes) when it exits, when GNU time is not there.
 */
export const RSS_MARKER = 'clauselint-bench-max-rss-kb=';

if (process.env.CLAUSELINT_BENCH_REPORT_RSS) {
  process.on('exit', () => {
    process.stderr.write(`\n${RSS_MARKER}${process.resourceUsage().maxRSS}\n`);
  });
}
