/** The LanguageClient: where the server is, which documents it sees, and what it is told at start-up. */
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { InitOptions } from '../../shared/protocol';
import { RestartingErrorHandler } from './errorHandler';

/** The bundled server next to the bundled client (dist/), else the tsc build (out/) when developing. */
function serverModule(context: vscode.ExtensionContext): string {
  const candidates = [path.join(__dirname, 'server.js'), context.asAbsolutePath(path.join('dist', 'server.js')), context.asAbsolutePath(path.join('out', 'server', 'src', 'server.js'))];
  return candidates.find((c) => fs.existsSync(c)) ?? candidates[1];
}

const SCHEMES = ['file', 'untitled'];

export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.OutputChannel, errorHandler: RestartingErrorHandler): LanguageClient {
  const module = serverModule(context);
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6029'] } },
  };
  // A function: read again on every (re)start, so a restart after granting trust passes the new state.
  const initializationOptions = (): InitOptions => ({ trusted: vscode.workspace.isTrusted, snippetCommand: true, docsScheme: true, coverageView: true, lintStatus: true });
  const clientOptions: LanguageClientOptions = {
    // The server decides which Markdown and plain-text documents are contracts (clauselint.files);
    // YAML is sent so it can show problems in open rule packs.
    documentSelector: ['contract', 'markdown', 'plaintext', 'yaml'].flatMap((language) => SCHEMES.map((scheme) => ({ language, scheme }))),
    // Settings are pulled per document (workspace/configuration); the server registers for change notifications.
    synchronize: {
      fileEvents: [vscode.workspace.createFileSystemWatcher('**/.clauselint.y*ml'), vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml}')],
    },
    initializationOptions,
    // The hover's "Rule docs" link runs this command (and no other).
    markdown: { isTrusted: { enabledCommands: ['clauselint.showRuleDocs'] } },
    outputChannel: output,
    errorHandler,
  };
  return new LanguageClient('clauselint', 'ClauseLint', serverOptions, clientOptions);
}
