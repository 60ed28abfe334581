// The VS Code side on the desktop (and code-server): starts the language server as a Node process
// and hands the client to `activation.ts`. No language logic lives here.
import * as vscode from 'vscode';
import { LanguageClient, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { serverNodeOptions } from '../../server/src/nodeOptions';
import { CxEngageApi, activateWith, clientOptions } from './activation';

export type { CxEngageApi } from './activation';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<CxEngageApi> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...serverNodeOptions] } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: serverNodeOptions.concat(['--nolazy', '--inspect=6010']) } },
  };
  const started = new LanguageClient('cxengage', 'CxEngage Language Server', serverOptions, clientOptions());
  client = started;
  return activateWith(context, started, { restart: () => started.restart() });
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
