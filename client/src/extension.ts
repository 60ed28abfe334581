// The VS Code side: starts the language server for CxEngage files and hosts the form previews.
// No language logic lives here.
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { registerDialectStatus } from './dialectStatus';
import { registerPreviews } from './preview';

let client: LanguageClient | undefined;

const startWarningSeconds = 20;

const documentSelector = [
  { language: 'cxengage-integration' },
  { language: 'cxflow' },
  { language: 'cxengage-pattern' },
];

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector,
    synchronize: {
      configurationSection: 'cxengage',
      // Definitions on disk feed the index even when not open; flows feed find-references.
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/*.integration.json'),
        vscode.workspace.createFileSystemWatcher('**/*.{cxflow,pattern.json}'),
      ],
    },
    diagnosticPullOptions: { onChange: true, onSave: true },
  };
  client = new LanguageClient('cxengage', 'CxEngage Language Server', serverOptions, clientOptions);
  // A server that starts but never answers would leave the user with silence: say so, keep waiting.
  const slow = setTimeout(() => {
    void vscode.window.showWarningMessage(
      `The CxEngage language server has not answered for ${startWarningSeconds} s. See Output › CxEngage Language Server.`,
    );
  }, startWarningSeconds * 1000);
  try {
    await client.start();
  } catch (error) {
    void vscode.window.showErrorMessage(`The CxEngage language server failed to start: ${error instanceof Error ? error.message : String(error)}`);
    throw error;
  } finally {
    clearTimeout(slow);
  }
  registerPreviews(context, client);
  registerDialectStatus(context, client);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
