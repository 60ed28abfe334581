// The language client of the browser build: it reaches its server through the transport a
// function gives (a web worker in vscode.dev; in-memory streams in the in-editor test, where the
// Node extension host can make no worker) and answers the server's file requests through the editor.
import type * as vscode from 'vscode';
import { BaseLanguageClient, LanguageClientOptions, MessageTransports } from 'vscode-languageclient';
import { registerFileAccess } from './fileAccess';

export class BrowserLanguageClient extends BaseLanguageClient {
  /** Registered once: the client keeps its request handlers across restarts. */
  private readonly fileAccess: vscode.Disposable;

  constructor(
    id: string,
    name: string,
    options: LanguageClientOptions,
    /** Called on every start, so that a restart gets a fresh server. */
    private readonly connect: () => Promise<MessageTransports>,
  ) {
    super(id, name, options);
    this.fileAccess = registerFileAccess(this);
  }

  protected createMessageTransports(): Promise<MessageTransports> {
    return this.connect();
  }

  override async dispose(timeout?: number): Promise<void> {
    this.fileAccess.dispose();
    await super.dispose(timeout);
  }
}
