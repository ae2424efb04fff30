/** A small command-line flag parser for the scripts: `--flag` and `--option value` (or `--option=value`). */

export interface ParsedArgs {
  flags: Set<string>;
  values: Map<string, string>;
  positional: string[];
}

export interface ArgSpec {
  /** Flags that take no value, without the leading dashes. */
  flags: string[];
  /** Options that take one value. */
  values: string[];
}

export class ArgError extends Error {}

export function parseArgs(argv: string[], spec: ArgSpec): ParsedArgs {
  const out: ParsedArgs = { flags: new Set(), values: new Map(), positional: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      out.positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq >= 0 ? eq : undefined);
    if (spec.flags.includes(name)) {
      if (eq >= 0) throw new ArgError(`--${name} takes no value`);
      out.flags.add(name);
    } else if (spec.values.includes(name)) {
      const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || value === '') throw new ArgError(`--${name} needs a value`);
      out.values.set(name, value);
    } else {
      throw new ArgError(`unknown option ${arg}`);
    }
  }
  return out;
}
