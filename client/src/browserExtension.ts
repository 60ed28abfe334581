// The VS Code side in the browser (vscode.dev, github.dev): starts the language server in a web
// worker and answers its file requests through the editor's file systems.
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { CxEngageApi, activateWith, clientOptions } from './activation';
import { registerFileAccess } from './fileAccess';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<CxEngageApi> {
  const serverUri = vscode.Uri.joinPath(context.extensionUri, 'dist', 'browser', 'server.js');
  // A new worker on every start, so that a restart gets a fresh server.
  const started = new LanguageClient('cxengage', 'CxEngage Language Server', async () => new Worker(serverUri.toString(true)), clientOptions());
  client = started;
  return activateWith(context, started, {
    restart: async () => {
      await started.stop();
      await started.start();
    },
    beforeStart: () => registerFileAccess(context, started),
  });
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
