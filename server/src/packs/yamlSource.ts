/**
 * YAML parsing that keeps source positions, so every error can point at the
 * line and column of the value it is about. Aliases are capped (a "billion
 * laughs" file fails with a located error instead of eating memory).
 *
 * A pack is plain data: the YAML 1.2 core schema only (a %YAML 1.1 line does
 * not bring back 1.1's merge keys or !!binary), no custom tags, no language
 * tags such as !!js/function (an error, never a value), keys are plain text
 * (set as own properties, so `__proto__` is just a name). Error messages never
 * quote the file: the file may not be a pack at all (a mistaken or hostile
 * `extends`), and its content must not end up in an editor panel or a CI log.
 *
 * The `yaml` library is loaded on first use, and a source made from a
 * built-in pack's snapshot parses its text only when an error has to be
 * located: a run on the built-in packs alone never loads it.
 */
import type { Document, LineCounter, Node, YAMLError } from 'yaml';
import { PackError } from './errors';

export const MAX_PACK_BYTES = 2 * 1024 * 1024;
const MAX_ALIASES = 200;

let yamlLibrary: typeof import('yaml') | undefined;
function yaml(): typeof import('yaml') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (yamlLibrary ??= require('yaml') as typeof import('yaml'));
}

interface YamlTree {
  doc: Document.Parsed;
  lines: LineCounter;
}

function parseTree(text: string): YamlTree {
  const lines = new (yaml().LineCounter)();
  const doc = yaml().parseDocument(text, {
    lineCounter: lines,
    prettyErrors: false,
    uniqueKeys: true,
    schema: 'core',
    customTags: [],
    resolveKnownTags: false,
    merge: false,
    logLevel: 'error',
  });
  return { doc, lines };
}

/** A parsed pack file: its data, and its syntax tree for locating errors (parsed from `text` when first asked for). */
export class YamlSource {
  constructor(
    readonly file: string,
    readonly data: unknown,
    readonly text: string,
    private tree?: YamlTree,
  ) {}

  get doc(): Document.Parsed {
    return (this.tree ??= parseTree(this.text)).doc;
  }

  get lines(): LineCounter {
    return (this.tree ??= parseTree(this.text)).lines;
  }
}

export type PathSegment = string | number;

export interface SourceLocation {
  line: number;
  column: number;
}

export function parseYaml(file: string, text: string): { source?: YamlSource; errors: PackError[] } {
  if (text.length > MAX_PACK_BYTES) {
    return { errors: [{ file, line: 1, column: 1, severity: 'error', message: `pack file is ${(text.length / 1048576).toFixed(1)} MB; the limit is ${MAX_PACK_BYTES / 1048576} MB` }] };
  }
  if (text.includes('\u0000')) {
    return { errors: [{ file, line: 1, column: 1, severity: 'error', message: 'pack file contains NUL bytes: it is not a YAML text file' }] };
  }
  const tree = parseTree(text);
  const { doc, lines } = tree;
  const at = (offset: number, message: string): PackError => {
    const pos = lines.linePos(offset);
    return { file, line: pos.line, column: pos.col, severity: 'error', message };
  };
  const problems = [...doc.errors, ...doc.warnings.filter((w) => w.code === 'TAG_RESOLVE_FAILED')];
  const errors = problems.map((e) => at(e.pos[0], describeYamlError(e)));
  const { isCollection, visit } = yaml();
  visit(doc, {
    Pair(_, pair) {
      if (isCollection(pair.key)) errors.push(at(pair.key.range?.[0] ?? 0, 'a key must be plain text, not a list or mapping'));
    },
  });
  if (errors.length > 0) return { errors: errors.sort((a, b) => a.line - b.line || a.column - b.column) };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (err) {
    if (!/^Unresolved alias/.test((err as Error).message)) return { errors: [at(0, `cannot read pack: aliases are limited to ${MAX_ALIASES} expansions`)] };
    let offset = 0;
    visit(doc, {
      Alias(_, alias) {
        if (alias.resolve(doc)) return undefined;
        offset = alias.range?.[0] ?? 0;
        return visit.BREAK;
      },
    });
    return { errors: [at(offset, 'an alias (*name) refers to an anchor (&name) that is not defined before it')] };
  }
  if (data === null || data === undefined) data = {};
  return { source: new YamlSource(file, data, text, tree), errors: [] };
}

/** Messages of the yaml library that would quote the source, said without it. */
const UNQUOTED: Partial<Record<YAMLError['code'], string>> = {
  TAG_RESOLVE_FAILED: 'YAML tags such as !!js/function or !custom are not allowed: a pack is plain data (only the core tags !!str, !!int, !!float, !!bool, !!null, !!seq, !!map)',
  BAD_DIRECTIVE: 'unknown or malformed YAML directive (a line starting with %)',
  BAD_DQ_ESCAPE: 'invalid escape sequence in a double-quoted string (write \\\\ for a backslash)',
  DUPLICATE_KEY: 'Map keys must be unique',
};

function describeYamlError(e: YAMLError): string {
  const fixed = UNQUOTED[e.code];
  if (fixed) return fixed;
  const message = e.message.split('\n')[0];
  // "Block scalar header includes extra characters: <the header>" and the like.
  if (/^Block scalar header/.test(message)) return 'unexpected characters after a block scalar indicator (| or >)';
  return message;
}

/** The node at a path, or the closest existing ancestor. With `key`, the key node of that map entry. */
function nodeAt(source: YamlSource, path: PathSegment[], key?: string): Node | undefined {
  const { isMap, isPair, isScalar, isSeq } = yaml();
  let node: unknown = source.doc.contents;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      node = pair.value ?? pair.key;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg];
      if (!item) break;
      node = item;
    } else break;
  }
  if (key !== undefined && isMap(node)) {
    const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key);
    if (pair && isScalar(pair.key)) return pair.key as Node;
  }
  return node as Node | undefined;
}

export function locate(source: YamlSource, path: PathSegment[], options: { key?: string; column?: number } = {}): SourceLocation {
  const node = nodeAt(source, path, options.key);
  const range = node?.range;
  if (!range) return { line: 1, column: 1 };
  let offset = range[0];
  if (options.column !== undefined && yaml().isScalar(node)) {
    // Point inside a quoted or plain scalar at the offending character of a pattern.
    offset = sourceOffsetOf(source.text, range[0], node.type, options.column);
  }
  const pos = source.lines.linePos(offset);
  return { line: pos.line, column: pos.col };
}

const ESCAPE_WIDTH: Record<string, number> = { x: 4, u: 6, U: 10 };

/** After a line break at `i` and the indentation of the lines that follow: [next offset, line breaks passed]. */
function skipFold(text: string, i: number): [number, number] {
  let breaks = 0;
  while (i < text.length && /[\r\n \t]/.test(text[i])) {
    if (text[i] === '\n') breaks++;
    i++;
  }
  return [i, breaks];
}

/**
 * The offset in the file of character `index` of a scalar's value, the
 * scalar written from `start`. In quoted scalars an escape (`\\`, `\u00e9`,
 * `''`) is several characters of source for one of value, and a line break
 * with the next line's indentation folds into one; plain scalars are counted
 * as written.
 */
function sourceOffsetOf(text: string, start: number, type: string | undefined, index: number): number {
  const double = type === 'QUOTE_DOUBLE';
  if (!double && type !== 'QUOTE_SINGLE') return start + index;
  let i = start + 1;
  let count = 0;
  while (count < index && i < text.length) {
    const ch = text[i];
    if (ch === '\r' || ch === '\n') {
      const [next, breaks] = skipFold(text, i);
      i = next;
      count += Math.max(1, breaks - 1);
    } else if (!double && ch === "'" && text[i + 1] === "'") {
      i += 2;
      count++;
    } else if (double && ch === '\\') {
      const kind = text[i + 1];
      if (kind === '\n' || kind === '\r') {
        i = skipFold(text, i + 1)[0]; // an escaped line break adds nothing
        continue;
      }
      const width = ESCAPE_WIDTH[kind] ?? 2;
      const codePoint = width > 2 ? parseInt(text.slice(i + 2, i + width), 16) : 0;
      i += width;
      count += codePoint > 0xffff ? 2 : 1; // a JavaScript string counts UTF-16 units
    } else {
      i++;
      count++;
    }
  }
  return i;
}

/** Where each key of the mapping at `path` is written (scalar keys only). */
export function keyLocations(source: YamlSource, path: PathSegment[]): Map<string, SourceLocation> {
  const { isMap, isPair, isScalar } = yaml();
  const found = new Map<string, SourceLocation>();
  const node = path.length === 0 ? source.doc.contents : source.doc.getIn(path, true);
  if (!isMap(node)) return found;
  for (const pair of node.items) {
    if (!isPair(pair) || !isScalar(pair.key) || !pair.key.range) continue;
    const pos = source.lines.linePos(pair.key.range[0]);
    const name = String(pair.key.value);
    if (!found.has(name)) found.set(name, { line: pos.line, column: pos.col });
  }
  return found;
}

export function errorAt(source: YamlSource, path: PathSegment[], message: string, options: { key?: string; column?: number; severity?: 'error' | 'warning' } = {}): PackError {
  const { line, column } = locate(source, path, options);
  return { file: source.file, line, column, message, severity: options.severity ?? 'error' };
}
