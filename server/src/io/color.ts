/**
 * ANSI colours for terminal output. Unless --color / --no-color decide: off
 * when NO_COLOR is set and not empty (https://no-color.org) or FORCE_COLOR is
 * `0` or `false`; on when FORCE_COLOR is empty, `1`, `2`, `3` or `true`, even
 * when the output is not a terminal (CI logs, pagers); otherwise on for a
 * terminal. This is what Node's own util.styleText and chalk/picocolors read.
 */

export interface Palette {
  red(s: string): string;
  yellow(s: string): string;
  blue(s: string): string;
  green(s: string): string;
  gray(s: string): string;
  bold(s: string): string;
  underline(s: string): string;
}

export function shouldUseColor(choice: boolean | undefined, isTty: boolean, env: NodeJS.ProcessEnv): boolean {
  if (choice !== undefined) return choice;
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '0' || force.toLowerCase() === 'false') return false;
    if (force === '' || /^(1|2|3|true)$/i.test(force)) return true;
  }
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isTty;
}

const wrap = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;
const plain = (s: string) => s;

export function palette(enabled: boolean): Palette {
  if (!enabled) return { red: plain, yellow: plain, blue: plain, green: plain, gray: plain, bold: plain, underline: plain };
  return { red: wrap(31, 39), yellow: wrap(33, 39), blue: wrap(34, 39), green: wrap(32, 39), gray: wrap(90, 39), bold: wrap(1, 22), underline: wrap(4, 24) };
}
