/**
 * How V8 compiles our regular expressions. By default V8 first compiles a regex to bytecode and
 * interprets it, and compiles it to machine code once it has run. Every lint runs the engine's
 * scan, one large prefix-tree regex (engine/match/alternationTrie.ts), and the grant reader's
 * regexes: making their bytecode first cost a CLI start, and each of its worker threads, ~40 ms
 * (the scan's machine code alone takes ~6 ms). Compiled straight to machine code, that step is
 * gone. The flag is process-wide (worker threads share it) and read whenever a regex is compiled,
 * so it is set first thing by each entry point (the CLI, the language server).
 */
import * as v8 from 'v8';

export function compileRegexpsNatively(): void {
  v8.setFlagsFromString('--no-regexp-tier-up');
}
