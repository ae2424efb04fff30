/**
 * Text from outside (file names, document excerpts, pack messages, a
 * suppression's reason) made safe to print where people read it: on a
 * terminal, ESC sequences could retitle the window, clear the screen or fake
 * output, and bidirectional overrides can make text read differently from
 * what it is. Control characters (C0 but tab and, where allowed, line breaks;
 * DEL; C1) and bidi controls are shown as visible escapes (\x1b, \u202e)
 * instead of being sent raw.
 */

// C0 but tab, LF and CR; DEL; C1; bidi embeddings, overrides and isolates.
const UNSAFE = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_OR_BREAK = /[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** Colour and style sequences (SGR) only: what our own palette writes. */
const SGR = /\x1b\[[0-9;]*m/g;

function escapeChar(c: string): string {
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** One line of outside text: every control character escaped, line breaks and tabs kept only when asked for (tabs are always kept). */
export function printable(text: string, keepLineBreaks = false): string {
  return text.replace(keepLineBreaks ? UNSAFE : UNSAFE_OR_BREAK, escapeChar);
}

/** A whole message for stderr: line breaks and colour sequences kept, every other control character escaped. */
export function printableLog(text: string): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(SGR)) {
    out += printable(text.slice(last, m.index), true) + m[0];
    last = m.index! + m[0].length;
  }
  return out + printable(text.slice(last), true);
}
