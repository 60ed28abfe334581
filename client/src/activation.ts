// What the extension does once it has a language client, on either host: the client's options,
// the commands, status items, previews and read-only built-ins. `extension.ts` (Node) and
// `browserExtension.ts` (web worker) differ only in how they start the server.
import * as vscode from 'vscode';
import { BaseLanguageClient, CodeLensRequest, LanguageClientOptions } from 'vscode-languageclient';
import { InitializationOptions, builtinScheme } from '../../server/src/protocol';
import { registerBuiltinDefinitions } from './builtinDefinitions';
import { registerDialectSwitch } from './dialectSwitch';
import { openExamples } from './examples';
import { registerPreviews } from './preview';
import { registerSimulation, SimulationApi } from './simulation';
import { registerStatus, selector } from './status';

const startWarningSeconds = 20;

/** The files the server checks, by name: what a restored tab's uri is matched against before its document exists. */
const ourFiles = /\.(cxflow|integration\.json|pattern\.json|template\.json)$/i;

function codeLensesOn(document: vscode.TextDocument): boolean {
  return vscode.workspace.getConfiguration('cxengage.previews', document).get<boolean>('codeLens', true);
}

/** The language client's options, the same on both hosts. */
export function clientOptions(): LanguageClientOptions {
  const initializationOptions: InitializationOptions = { builtinScheme };
  return {
    documentSelector: selector as { language: string }[],
    initializationOptions,
    synchronize: {
      configurationSection: 'cxengage',
      // Definitions and templates on disk feed the indexes even when not open; flows feed find-references.
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/*.integration.json'),
        vscode.workspace.createFileSystemWatcher('**/*.{cxflow,pattern.json}'),
        vscode.workspace.createFileSystemWatcher('**/*.template.json'),
      ],
    },
    // Every tab, opened or only restored after a reload, gets its problems without a click.
    diagnosticPullOptions: { onChange: true, onSave: true, onTabs: true, match: (_selector, resource) => ourFiles.test(resource.path) },
    middleware: {
      provideCodeLenses: (document, token, next) => (codeLensesOn(document) ? next(document, token) : []),
    },
  };
}

/** What the extension gives other extensions (and the in-editor suite). */
export interface CxEngageApi {
  simulation: SimulationApi;
}

/** What the two hosts do their own way. */
export interface ClientHost {
  /** Stops the server and starts a new one (a new process, or a new worker). */
  restart(): Promise<void>;
}

/** Registers the commands and views over a created (not yet started) client, starts it, and resolves once it runs. */
export async function activateWith(context: vscode.ExtensionContext, started: BaseLanguageClient, host: ClientHost): Promise<CxEngageApi> {
  const extensionVersion = String((context.extension.packageJSON as { version?: unknown }).version);
  started.outputChannel.info(
    `CxEngage Language Tools ${extensionVersion} in ${vscode.env.appName} ${vscode.version} (${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'}); ` +
      `workspace ${vscode.workspace.isTrusted ? 'trusted' : 'in Restricted Mode'}; folders: ` +
      `${(vscode.workspace.workspaceFolders ?? []).map((f) => (f.uri.scheme === 'file' ? f.uri.fsPath : f.uri.toString())).join(', ') || 'none'}`,
  );

  context.subscriptions.push(
    vscode.commands.registerCommand('cxengage.showOutput', () => started.outputChannel.show(true)),
    vscode.commands.registerCommand('cxengage.restartServer', async () => {
      started.outputChannel.info('Restarting the server (CxEngage: Restart Server)');
      await host.restart();
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
