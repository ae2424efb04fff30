/**
 * Starting the server as a foreign editor does and walking through a session
 * with the plain client: initialize as the editor would, answer its requests,
 * open and edit documents, wait for diagnostics.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { PlainClient } from '../lspClient';
import { HANG_GUARD_MS } from '../hangGuard';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/** The bundle (`node dist/server.js --stdio`, as issue 11 ran it); CLAUSELINT_STANDALONE_SERVER_JS picks another build. */
export function serverScript(): string {
  return path.resolve(REPO_ROOT, process.env.CLAUSELINT_STANDALONE_SERVER_JS ?? path.join('dist', 'server.js'));
}

/** The package's bin of that name (package.json `bin`), as npm installs it. */
export function packageBin(name: string): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
  if (!pkg.bin[name]) throw new Error(`package.json has no bin ${name}`);
  return path.join(REPO_ROOT, pkg.bin[name]);
}

/** What the client of issue 11 announced: it answers workspace/configuration (with null) and takes code action literals; nothing else. */
export const BARE_CAPABILITIES = {
  workspace: { configuration: true },
  textDocument: {
    publishDiagnostics: {},
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } } },
  },
};

export interface SessionOptions {
  command?: string;
  args?: string[];
  env?: NodeJS.ProcessEnv;
  capabilities?: Record<string, unknown>;
  /** undefined: the field is left out. */
  initializationOptions?: unknown;
  rootUri?: string | null;
  workspaceFolders?: { uri: string; name: string }[] | null;
  /** The answer to each workspace/configuration item (default: null, as issue 11's client answered). */
  answerConfiguration?: (item: { scopeUri?: string; section?: string }) => unknown;
  /** Sent as workspace/didChangeConfiguration right after `initialized`. */
  pushSettings?: unknown;
}

export interface Session {
  client: PlainClient;
  capabilities: Record<string, unknown>;
}

export async function startSession(options: SessionOptions = {}): Promise<Session> {
  const client = PlainClient.start({ command: options.command ?? process.execPath, args: options.args ?? [serverScript(), '--stdio'], env: options.env });
  const answer = options.answerConfiguration ?? (() => null);
  client.onRequest('workspace/configuration', (params) => (params as { items: { scopeUri?: string; section?: string }[] }).items.map(answer));
  for (const method of ['client/registerCapability', 'window/workDoneProgress/create', 'workspace/diagnostic/refresh']) client.onRequest(method, () => null);
  const init = await client.request<{ capabilities: Record<string, unknown> }>('initialize', {
    processId: process.pid,
    clientInfo: { name: 'plain-test-client' },
    rootUri: options.rootUri ?? null,
    ...(options.workspaceFolders !== undefined ? { workspaceFolders: options.workspaceFolders } : {}),
    capabilities: options.capabilities ?? BARE_CAPABILITIES,
    ...(options.initializationOptions !== undefined ? { initializationOptions: options.initializationOptions } : {}),
  });
  client.notify('initialized', {});
  if (options.pushSettings !== undefined) client.notify('workspace/didChangeConfiguration', { settings: options.pushSettings });
  return { client, capabilities: init.capabilities };
}

export interface Diagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity?: number;
  code?: string | number;
  codeDescription?: { href: string };
  source?: string;
  message: string;
  relatedInformation?: unknown[];
}

export interface Published {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
}

export function open(client: PlainClient, uri: string, text: string, languageId = 'markdown', version = 1): void {
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
}

/** The next publishDiagnostics for `uri` (from message index `since` on) that `match` accepts. */
export function published(client: PlainClient, uri: string, match: (p: Published) => boolean = () => true, since = 0, timeoutMs = HANG_GUARD_MS): Promise<Published> {
  return client.nextNotification<Published>('textDocument/publishDiagnostics', (p) => p.uri === uri && match(p), timeoutMs, since);
}

export const DEFAULT_DEBOUNCE_MS = 100;

/** A fresh folder under the OS temp dir with these files (realpath, so URIs match what the server resolves). */
export function tempFolder(files: Record<string, string> = {}): { root: string; uri: (rel: string) => string; cleanup: () => void } {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'clauselint-standalone-')));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return { root, uri: (rel) => pathToFileURL(path.join(root, rel)).href, cleanup: () => fs.rmSync(root, { recursive: true, force: true }) };
}

/** Issue 11's draft: an AI services contract with "The Government may use the Services for any lawful purpose." */
export const DRAFT = `# AI Services Agreement

This Agreement is between the Government and Acme AI Corp. (the "Provider").

## 1. The Services

1.1 The Provider shall make its artificial intelligence models and machine learning services (the "Services") available to the Government.

## 2. Use

2.1 The Government may use the Services for any lawful purpose.

## 3. Records

3.1 The Government may audit the Provider's books and records at its discretion.
`;

export const GRANT = 'any lawful purpose';
