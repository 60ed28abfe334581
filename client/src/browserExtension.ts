// The VS Code side in the browser (vscode.dev, github.dev): starts the language server in a web
// worker and answers its file requests through the editor's file systems.
import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter } from 'vscode-languageclient/browser';
import { CxEngageApi, activateWith, clientOptions } from './activation';
import { BrowserLanguageClient } from './browserClient';

let client: BrowserLanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<CxEngageApi> {
  const serverUri = vscode.Uri.joinPath(context.extensionUri, 'dist', 'browser', 'server.js');
  const started = new BrowserLanguageClient('cxengage', 'CxEngage Language Server', clientOptions(), async () => {
    const worker = new Worker(serverUri.toString(true));
    return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
  });
  client = started;
  return activateWith(context, started, {
    restart: async () => {
      await started.stop();
      await started.start();
    },
  });
}

export async function deactivate(): Promise<void> {
  await client?.dispose();
  client = undefined;
}
