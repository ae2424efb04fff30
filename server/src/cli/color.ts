/** ANSI colours for terminal output, off unless the output is a terminal and NO_COLOR is unset (https://no-color.org). */

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
  return isTty && !('NO_COLOR' in env && env.NO_COLOR !== '');
}

const wrap = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;
const plain = (s: string) => s;

export function palette(enabled: boolean): Palette {
  if (!enabled) return { red: plain, yellow: plain, blue: plain, green: plain, gray: plain, bold: plain, underline: plain };
  return { red: wrap(31, 39), yellow: wrap(33, 39), blue: wrap(34, 39), green: wrap(32, 39), gray: wrap(90, 39), bold: wrap(1, 22), underline: wrap(4, 24) };
}
