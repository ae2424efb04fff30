/** What the server answers or drops before a message reaches a handler (lsp/stdioTransport.ts, lsp/documentSync.ts, lsp/requestParams.ts). */
import * as assert from 'assert';
import { ErrorCodes, ResponseError, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { dropReason } from '../../server/src/lsp/documentSync';
import { documentUriOf, positionOf, stringsField } from '../../server/src/lsp/requestParams';
import { invalidMessage } from '../../server/src/lsp/stdioTransport';

function errorCode(fn: () => unknown): number | undefined {
  try {
    fn();
  } catch (err) {
    return err instanceof ResponseError ? err.code : -1;
  }
  return undefined;
}

describe('message checks', () => {
  it('accepts requests, notifications and responses, and names what is wrong with anything else', () => {
    assert.strictEqual(invalidMessage({ jsonrpc: '2.0', id: 1, method: 'initialize', params: {} }), undefined);
    assert.strictEqual(invalidMessage({ jsonrpc: '2.0', method: 'initialized' }), undefined);
    assert.strictEqual(invalidMessage({ jsonrpc: '2.0', id: 'a', result: null }), undefined);
    assert.match(invalidMessage([{ jsonrpc: '2.0', method: 'initialized' }])!, /batches are not supported/);
    assert.match(invalidMessage(42)!, /must be a JSON object/);
    assert.match(invalidMessage({ jsonrpc: '2.0', id: { n: 1 }, method: 'x' })!, /id that is a number or a string/);
    assert.match(invalidMessage({ jsonrpc: '2.0', id: 3 })!, /a result or an error/);
  });

  it('drops document notifications before initialize, without a uri, or for a document that is not open', () => {
    const documents = new TextDocuments(TextDocument);
    const host = (initialized: boolean) => ({ documents, initialized: () => initialized, warn: () => undefined });
    const change = { textDocument: { uri: 'file:///never.md', version: 2 }, contentChanges: [{ text: 'x' }] };
    assert.match(dropReason('textDocument/didOpen', { textDocument: { uri: 'file:///a.md' } }, host(false))!, /before initialize/);
    assert.strictEqual(dropReason('textDocument/didOpen', { textDocument: { uri: 'file:///a.md' } }, host(true)), undefined);
    assert.match(dropReason('textDocument/didChange', change, host(true))!, /file:\/\/\/never\.md, which is not open/);
    assert.match(dropReason('textDocument/didClose', {}, host(true))!, /without textDocument\.uri/);
  });

  it('answers requests whose params lack what the handler reads with InvalidParams', () => {
    assert.strictEqual(errorCode(() => documentUriOf('textDocument/hover', {})), ErrorCodes.InvalidParams);
    assert.strictEqual(errorCode(() => positionOf('textDocument/hover', { position: { line: -1, character: 0 } })), ErrorCodes.InvalidParams);
    assert.strictEqual(errorCode(() => stringsField('clauselint/lintFiles', { uris: ['a', 3] }, 'uris')), ErrorCodes.InvalidParams);
    assert.strictEqual(errorCode(() => documentUriOf('textDocument/hover', { textDocument: { uri: 'file:///a.md' } })), undefined);
  });
});
