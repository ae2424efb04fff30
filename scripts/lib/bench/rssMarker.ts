/** The line a child prints with its own peak memory (kilobytes), when GNU time is not there. */
export const RSS_MARKER = 'clauselint-bench-max-rss-kb=';
