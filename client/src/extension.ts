// The VS Code side: starts the language server for CxEngage files and hosts the form previews,
// the read-only built-in definitions, the status items and the troubleshooting commands.
// No language logic lives here.
import * as vscode from 'vscode';
import { CodeLensRequest, LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { InitializationOptions, builtinScheme } from '../../server/src/protocol';
import { serverNodeOptions } from '../../server/src/nodeOptions';
import { registerBuiltinDefinitions } from './builtinDefinitions';
import { registerDialectSwitch } from './dialectSwitch';
import { openExamples } from './examples';
import { registerPreviews } from './preview';
import { registerSimulation, SimulationApi } from './simulation';
import { registerStatus, selector } from './status';

let client: LanguageClient | undefined;

const startWarningSeconds = 20;

/** The files the server checks, by name: what a restored tab's uri is matched against before its document exists. */
const ourFiles = /\.(cxflow|integration\.json|pattern\.json)$/i;

function codeLensesOn(document: vscode.TextDocument): boolean {
  return vscode.workspace.getConfiguration('cxengage.previews', document).get<boolean>('codeLens', true);
}

/** What the extension gives other extensions (and the in-editor suite). */
export interface CxEngageApi {
  simulation: SimulationApi;
}

export async function activate(context: vscode.ExtensionContext): Promise<CxEngageApi> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...serverNodeOptions] } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: serverNodeOptions.concat(['--nolazy', '--inspect=6010']) } },
  };
  const initializationOptions: InitializationOptions = { builtinScheme };
  const clientOptions: LanguageClientOptions = {
    documentSelector: selector as { language: string }[],
    initializationOptions,
    synchronize: {
      configurationSection: 'cxengage',
      // Definitions on disk feed the index even when not open; flows feed find-references.
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/*.integration.json'),
        vscode.workspace.createFileSystemWatcher('**/*.{cxflow,pattern.json}'),
      ],
    },
    // Every tab, opened or only restored after a reload, gets its problems without a click.
    diagnosticPullOptions: { onChange: true, onSave: true, onTabs: true, match: (_selector, resource) => ourFiles.test(resource.path) },
    middleware: {
      provideCodeLenses: (document, token, next) => (codeLensesOn(document) ? next(document, token) : []),
    },
  };
  client = new LanguageClient('cxengage', 'CxEngage Language Server', serverOptions, clientOptions);
  const started = client;
  const extensionVersion = String((context.extension.packageJSON as { version?: unknown }).version);
  started.outputChannel.info(
    `CxEngage Language Tools ${extensionVersion} in ${vscode.env.appName} ${vscode.version}; ` +
      `workspace ${vscode.workspace.isTrusted ? 'trusted' : 'in Restricted Mode'}; folders: ` +
      `${(vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath || f.uri.toString()).join(', ') || 'none'}`,
  );

  context.subscriptions.push(
    vscode.commands.registerCommand('cxengage.showOutput', () => started.outputChannel.show(true)),
    vscode.commands.registerCommand('cxengage.restartServer', async () => {
      started.outputChannel.info('Restarting the server (CxEngage: Restart Server)');
      await started.restart();
    }),
    vscode.commands.registerCommand('cxengage.openExamples', (parent?: unknown) => openExamples(context.extensionUri, parent)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration('cxengage.previews.codeLens')) return;
      const document = vscode.window.activeTextEditor?.document ?? vscode.workspace.textDocuments[0];
      if (document) started.getFeature(CodeLensRequest.method).getProvider(document)?.onDidChangeCodeLensEmitter.fire();
    }),
  );
  registerStatus(context, started);
  registerDialectSwitch(context, started);
  const running = started.start();
  registerBuiltinDefinitions(context, started, running);

  // A server that starts but never answers would leave the user with silence: say so, keep waiting.
  const slow = setTimeout(() => {
    void vscode.window.showWarningMessage(
      `The CxEngage language server has not answered for ${startWarningSeconds} s. See Output › CxEngage Language Server.`,
    );
  }, startWarningSeconds * 1000);
  try {
    await running;
  } catch (error) {
    void vscode.window.showErrorMessage(`The CxEngage language server failed to start: ${error instanceof Error ? error.message : String(error)}`);
    throw error;
  } finally {
    clearTimeout(slow);
  }
  registerPreviews(context, started);
  return { simulation: registerSimulation(context, started) };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
