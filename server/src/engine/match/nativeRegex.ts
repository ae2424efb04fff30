/**
 * Regexes compiled to machine code at once. V8 first compiles a regex to bytecode and interprets
 * it, and makes machine code only once it has run; but on a subject of 1,000 characters or more
 * it makes machine code straight away. For a large regex the bytecode is the dear step: the
 * scan's prefix-tree regex (alternationTrie.ts) costs ~35 ms of bytecode against ~6 ms of
 * machine code, and the grant reader's regexes ~40 ms against ~5 ms, paid at every CLI start and
 * in every worker thread. The engine runs its regexes on blocks and sentences, mostly shorter
 * than that, and runs each of them many times: so the ones every lint runs are first run here,
 * once, on a blank text long enough. (No V8 flag: flags changed after start break the code cache.)
 */
const LONG_ENOUGH = ' '.repeat(1000);

/** `regex`, its machine code made now (it matches nothing in blanks that it would not match elsewhere: only the compile is wanted). */
export function compiledNatively<R extends RegExp>(regex: R): R {
  regex.lastIndex = 0;
  regex.exec(LONG_ENOUGH);
  regex.lastIndex = 0;
  return regex;
}
