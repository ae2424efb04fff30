/**
 * Messages a server must survive: each bad one gets its JSON-RPC error answer
 * (or, for a notification, which has no answer, a warning in the client's log),
 * and the server then answers a normal request as if nothing had happened.
 */
import * as assert from 'assert';
import { PlainClient, RpcError } from '../lspClient';
import { DRAFT, GRANT, open, published, serverScript, startSession, tempFolder } from './session';
import { positionAt } from '../lsp/fixtures';
import { HANG_GUARD_MS } from '../hangGuard';

const PARSE_ERROR = -32700;
const INVALID_REQUEST = -32600;
const METHOD_NOT_FOUND = -32601;
const INVALID_PARAMS = -32602;
const SERVER_NOT_INITIALIZED = -32002;

describe('standalone server: bad messages', function () {
  // Spawns processes or works hard: no wall-clock limit (a loaded machine is only slower); hung processes are killed by the helpers.
  this.timeout(0);
  let folder: ReturnType<typeof tempFolder>;
  let client: PlainClient;
  let docUri: string;

  /** A normal request, answered as usual: the hover on the flagged phrase. */
  async function stillServing(): Promise<void> {
    const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: docUri }, position: positionAt(DRAFT, DRAFT.indexOf(GRANT) + 2) });
    assert.match(hover?.contents.value ?? '', /recommended\/broad-use-grant/);
    assert.strictEqual(client.child.exitCode, null, 'the server is still running');
  }

  /** The error answer with id null (the server could not read the id) that arrives after message index `since`. */
  async function anonymousError(since: number): Promise<RpcError> {
    const r = await client.waitFor((x) => x.message.id === null && x.message.error !== undefined, HANG_GUARD_MS, since, 'an error answer with id null');
    return r.message.error!;
  }

  before(async () => {
    folder = tempFolder();
    docUri = folder.uri('draft.md');
    ({ client } = await startSession());
    open(client, docUri, DRAFT);
    await published(client, docUri, (p) => p.version === 1);
  });

  after(async () => {
    await client.stop();
    folder.cleanup();
  });

  it('answers a body that is not JSON with Parse error (id null)', async () => {
    const since = client.received.length;
    client.sendBody('{"jsonrpc":"2.0","id":77,"method":"textDocument/hover","params":');
    assert.strictEqual((await anonymousError(since)).code, PARSE_ERROR);
    await stillServing();
  });

  it('answers JSON that is not a message (an array, an object id) with Invalid Request', async () => {
    let since = client.received.length;
    client.sendBody('[{"jsonrpc":"2.0","method":"initialized"}]');
    assert.strictEqual((await anonymousError(since)).code, INVALID_REQUEST);
    since = client.received.length;
    client.sendBody('{"jsonrpc":"2.0","id":{"n":1},"method":"textDocument/hover"}');
    assert.strictEqual((await anonymousError(since)).code, INVALID_REQUEST);
    await stillServing();
  });

  it('answers an unknown request with MethodNotFound', async () => {
    assert.strictEqual((await client.requestError('clauselint/noSuchThing', {})).code, METHOD_NOT_FOUND);
    await stillServing();
  });

  it('ignores an unknown notification without answering it', async () => {
    const since = client.received.length;
    client.notify('clauselint/noSuchNotification', { x: 1 });
    client.notify('$/somethingOptional', {});
    await stillServing();
    const errors = client.received.slice(since).filter((r) => r.message.error !== undefined);
    assert.deepStrictEqual(errors, [], 'a notification gets no answer, not even an error');
  });

  it('drops a change for a document that was never opened, says so in the log, and publishes nothing for it', async () => {
    const never = folder.uri('never-opened.md');
    const since = client.received.length;
    client.notify('textDocument/didChange', { textDocument: { uri: never, version: 2 }, contentChanges: [{ text: DRAFT }] });
    const log = await client.nextNotification<{ type: number; message: string }>('window/logMessage', (m) => m.message.includes(never), HANG_GUARD_MS, since);
    assert.strictEqual(log.type, 2, 'a warning');
    assert.match(log.message, /ignored textDocument\/didChange .* which is not open/);
    assert.strictEqual(await client.request('textDocument/hover', { textDocument: { uri: never }, position: { line: 0, character: 0 } }), null);
    await stillServing();
    assert.ok(!client.notifications<{ uri: string }>('textDocument/publishDiagnostics').some((p) => p.params.uri === never));
  });

  it('answers requests without the params they need with InvalidParams', async () => {
    assert.strictEqual((await client.requestError('textDocument/hover', { position: { line: 0, character: 0 } })).code, INVALID_PARAMS);
    assert.strictEqual((await client.requestError('textDocument/codeAction', { textDocument: { uri: docUri } })).code, INVALID_PARAMS);
    assert.strictEqual((await client.requestError('workspace/executeCommand', { command: 'clauselint.server.showCoverage', arguments: [] })).code, INVALID_PARAMS);
    await stillServing();
  });

  it('refuses a second initialize', async () => {
    assert.strictEqual((await client.requestError('initialize', { processId: null, rootUri: null, capabilities: {} })).code, INVALID_REQUEST);
    await stillServing();
  });
});

describe('standalone server: before initialize', function () {
  // Spawns processes or works hard: no wall-clock limit (a loaded machine is only slower); hung processes are killed by the helpers.
  this.timeout(0);

  it('answers requests with ServerNotInitialized, drops notifications, then initializes normally', async () => {
    const client = PlainClient.start({ command: process.execPath, args: [serverScript(), '--stdio'] });
    client.onRequest('workspace/configuration', (p) => (p as { items: unknown[] }).items.map(() => null));
    try {
      const folder = tempFolder();
      const early = await client.requestError('textDocument/hover', { textDocument: { uri: folder.uri('a.md') }, position: { line: 0, character: 0 } });
      assert.strictEqual(early.code, SERVER_NOT_INITIALIZED);
      client.notify('textDocument/didOpen', { textDocument: { uri: folder.uri('early.md'), languageId: 'markdown', version: 1, text: DRAFT } });
      const init = await client.request<{ capabilities: Record<string, unknown> }>('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
      assert.ok(init.capabilities.textDocumentSync);
      client.notify('initialized', {});
      const dropped = client.notifications<{ message: string }>('window/logMessage').map((n) => n.params.message);
      assert.ok(dropped.some((m) => /ignored textDocument\/didOpen before initialize/.test(m)), dropped.join('\n'));
      open(client, folder.uri('late.md'), DRAFT);
      const p = await published(client, folder.uri('late.md'));
      assert.ok(p.diagnostics.length > 0);
      folder.cleanup();
    } finally {
      await client.stop();
    }
  });

  it('exits when the client closes stdin without shutting down, with code 1', async () => {
    const client = PlainClient.start({ command: process.execPath, args: [serverScript(), '--stdio'] });
    await client.request('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    client.child.stdin!.end();
    assert.deepStrictEqual(await client.exited, { code: 1, signal: null });
  });

  it('exits with a message on stderr after a header without a usable Content-Length, instead of hanging', async () => {
    const client = PlainClient.start({ command: process.execPath, args: [serverScript(), '--stdio'] });
    await client.request('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    const since = client.received.length;
    const body = '{"jsonrpc":"2.0","id":9,"method":"shutdown"}';
    client.sendBytes(Buffer.from(`Content-Length: abc\r\n\r\n${body}`, 'ascii'));
    assert.deepStrictEqual(await client.exited, { code: 1, signal: null });
    assert.match(client.stderr, /cannot read the message stream: "Content-Length value must be a number\. Got abc"; message boundaries are lost/);
    assert.ok(client.received.slice(since).some((r) => r.message.id === null && r.message.error?.code === PARSE_ERROR), 'answered with Parse error first');
  });
});
