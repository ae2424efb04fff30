/**
 * Checks at the door of each request handler: a request before `initialize`
 * is answered ServerNotInitialized (-32002), one whose params lack what the
 * handler reads is answered InvalidParams (-32602), so a client never sees a
 * JavaScript TypeError as an internal error.
 */
import { ErrorCodes, Position, Range, ResponseError } from 'vscode-languageserver/node';

export function notInitialized(method: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.ServerNotInitialized, `${method}: the server is not initialized yet (send initialize first)`);
}

function invalid(method: string, what: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, `${method}: params need ${what}`);
}

function isPosition(p: unknown): p is Position {
  const q = p as Position | null;
  return !!q && Number.isInteger(q.line) && Number.isInteger(q.character) && q.line >= 0 && q.character >= 0;
}

/** `params.textDocument.uri`. */
export function documentUriOf(method: string, params: unknown): string {
  const uri = (params as { textDocument?: { uri?: unknown } } | null)?.textDocument?.uri;
  if (typeof uri !== 'string') throw invalid(method, 'textDocument.uri');
  return uri;
}

export function positionOf(method: string, params: unknown): Position {
  const position = (params as { position?: unknown } | null)?.position;
  if (!isPosition(position)) throw invalid(method, 'a position (line and character, 0 or more)');
  return position;
}

export function rangeOf(method: string, params: unknown): Range {
  const range = (params as { range?: Range } | null)?.range;
  if (!range || !isPosition(range.start) || !isPosition(range.end)) throw invalid(method, 'a range');
  return range;
}

/** A string field of the params (`uri` of ClauseLint's own requests, say); `optional` allows it to be missing. */
export function stringField(method: string, params: unknown, field: string, optional = false): string | undefined {
  const value = (params as Record<string, unknown> | null)?.[field];
  if (value === undefined && optional) return undefined;
  if (typeof value !== 'string') throw invalid(method, `${field} (a string)`);
  return value;
}

/** A field that must be an array of strings (the URIs of ClauseLint's workspace requests). */
export function stringsField(method: string, params: unknown, field: string): string[] {
  const value = (params as Record<string, unknown> | null)?.[field];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw invalid(method, `${field} (an array of strings)`);
  return value;
}

/** A field that must be one of `choices`. */
export function choiceField<T extends string>(method: string, params: unknown, field: string, choices: readonly T[]): T {
  const value = (params as Record<string, unknown> | null)?.[field];
  if (!choices.includes(value as T)) throw invalid(method, `${field} (one of ${choices.join(', ')})`);
  return value as T;
}
