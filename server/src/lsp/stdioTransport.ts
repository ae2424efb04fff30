/**
 * The `--stdio` transport, with JSON-RPC's error answers for messages that
 * cannot be handled, which vscode-jsonrpc only logs:
 *
 * - a body that is not JSON is answered with Parse error (-32700, id null);
 * - a header without a usable Content-Length (`Content-Length: abc`) is
 *   answered the same way, but then no one knows where the next message
 *   starts: the server says so on stderr and exits (1) instead of waiting
 *   forever on a stream it can no longer read;
 * - JSON that is not a request, a notification or a response (an array, a
 *   request whose id is neither a number nor a string, ...) with Invalid
 *   Request (-32600), echoing the id when it has one.
 *
 * Either way the message is dropped and the server reads on. `"params": null`
 * (Helix sends it with shutdown) is read as no params, which handlers check.
 * Everything else
 * (unknown methods: -32601; requests before initialize: -32002) is answered
 * by the connection and the handlers. As with vscode-languageserver's own
 * stdio transport, the server exits when stdin closes, and console output
 * goes to stderr (which editors log) instead of stdout, which carries the
 * protocol.
 */
import { format } from 'util';
import {
  AbstractMessageReader,
  DataCallback,
  Disposable,
  ErrorCodes,
  Message,
  MessageReader,
  MessageWriter,
  ResponseMessage,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver/node';

/** Why `message` is not a JSON-RPC message the connection can dispatch, or undefined when it is. */
export function invalidMessage(message: unknown): string | undefined {
  if (message === null || typeof message !== 'object' || Array.isArray(message)) return 'a message must be a JSON object (batches are not supported)';
  const m = message as Message;
  if (Message.isRequest(m) || Message.isNotification(m) || Message.isResponse(m)) return undefined;
  if ('method' in m) return 'a request needs a method name and an id that is a number or a string; a notification has no id';
  return 'a response needs an id and a result or an error';
}

function idOf(message: unknown): number | string | null {
  const id = message && typeof message === 'object' ? (message as { id?: unknown }).id : undefined;
  return typeof id === 'number' || typeof id === 'string' ? id : null;
}

/** Errors of the stream itself (a closed pipe) carry a code; those of the message format do not. */
function isStreamError(err: unknown): boolean {
  return typeof (err as NodeJS.ErrnoException)?.code === 'string';
}

/**
 * Errors of the framing (the headers), raised while vscode-jsonrpc splits the
 * stream into messages: after one, its reader waits for headers inside a body
 * and never delivers another message. A body's JSON errors are SyntaxErrors.
 */
export function isFramingError(err: Error): boolean {
  return !(err instanceof SyntaxError) && /content-length|header/i.test(err.message);
}

/** A reader that answers what it cannot read (see above) and passes the rest on. */
export class AnsweringMessageReader extends AbstractMessageReader implements MessageReader {
  constructor(
    private readonly inner: MessageReader,
    private readonly answer: (response: ResponseMessage) => void,
    /** Called after a framing error: the stream cannot be read on. */
    private readonly framingLost: (reason: string) => void = () => undefined,
  ) {
    super();
    inner.onError((err) => {
      if (isStreamError(err)) {
        this.fireError(err);
        return;
      }
      // The first line only: vscode-jsonrpc appends the headers it read, which came from outside.
      const reason = err.message.split('\n')[0];
      answer({ jsonrpc: '2.0', id: null, error: { code: ErrorCodes.ParseError, message: `Parse error: ${reason}` } });
      if (isFramingError(err)) this.framingLost(reason);
    });
    inner.onClose(() => this.fireClose());
    inner.onPartialMessage((info) => this.firePartialMessage(info));
  }

  listen(callback: DataCallback): Disposable {
    return this.inner.listen((message) => {
      const problem = invalidMessage(message);
      if (problem) {
        this.answer({ jsonrpc: '2.0', id: idOf(message), error: { code: ErrorCodes.InvalidRequest, message: `Invalid Request: ${problem}` } });
        return;
      }
      const m = message as { params?: unknown };
      if (m.params === null) delete m.params;
      callback(message);
    });
  }

  override dispose(): void {
    this.inner.dispose();
    super.dispose();
  }
}

export function stdioTransport(): [MessageReader, MessageWriter] {
  const writer = new StreamMessageWriter(process.stdout);
  const reader = new AnsweringMessageReader(new StreamMessageReader(process.stdin), (response) => void writer.write(response), (reason) => {
    process.stderr.write(`clauselint-lsp: cannot read the message stream: ${JSON.stringify(reason)}; message boundaries are lost, so the server exits\n`);
    // After the Parse error answer is written.
    setImmediate(() => process.exit(1));
  });
  return [reader, writer];
}

/** Exit when the client closes stdin (0 after a shutdown request, as LSP says), and keep console output off stdout. */
export function ownStdio(reader: MessageReader, shutdownReceived: () => boolean): void {
  reader.onClose(() => process.exit(shutdownReceived() ? 0 : 1));
  const toStderr = (...args: unknown[]) => void process.stderr.write(`${format(...args)}\n`);
  console.log = console.info = console.debug = toStderr;
}
