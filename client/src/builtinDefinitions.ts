// The built-in definitions as read-only documents under their own scheme: the server names them
// `cxengage-builtin:/<type>.integration.json` and gives their text, so go to definition and the
// integration quick pick open them without exposing the installed extension's files to edits.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { BuiltinDefinitionRequest, builtinScheme } from '../../server/src/protocol';

/** Registered before the server has started (a tab restored after a reload asks at once); answers once it runs. */
export function registerBuiltinDefinitions(context: vscode.ExtensionContext, client: BaseLanguageClient, started: Promise<void>): void {
  const provider: vscode.TextDocumentContentProvider = {
    async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
      await started;
      const text = await client.sendRequest(BuiltinDefinitionRequest, { uri: uri.toString() });
      if (text === null) throw new Error(`${uri.toString()} is not a built-in CxEngage definition`);
      return text;
    },
  };
  context.subscriptions.push(vscode.workspace.registerTextDocumentContentProvider(builtinScheme, provider));
}
