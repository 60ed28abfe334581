// The "Run" code lens above each pattern of a flow or pattern file; off with
// `cxengage.simulation.codeLens`, beside the previews' own lens setting.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { PatternListRequest } from '../../../server/src/protocol';
import { simulationSettings } from './settings';

export const runPatternCommand = 'cxengage.runPattern';

export class RunLensProvider implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly client: LanguageClient) {}

  refresh(): void {
    this.changed.fire();
  }

  async provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    if (!simulationSettings(document.uri).codeLens) return [];
    const uri = document.uri.toString();
    const patterns = await this.client.sendRequest(PatternListRequest, { uri }, token);
    return patterns.map((p) => {
      const at = new vscode.Position(p.range.start.line, p.range.start.character);
      const what = p.name === '' ? 'this pattern' : `the pattern "${p.name}"`;
      return new vscode.CodeLens(new vscode.Range(at, at), {
        title: '$(play) Run',
        tooltip: `Run ${what} offline against an events file or a test case (CxEngage: Run Pattern)`,
        command: runPatternCommand,
        arguments: [uri, p.name],
      });
    });
  }

  dispose(): void {
    this.changed.dispose();
  }
}
