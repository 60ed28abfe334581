// The form previews: two commands, one panel of each kind kept in step with the active editor and
// its cursor, and serializers that bring the panels back after a window reload.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { IntegrationListRequest, IntegrationSummary } from '../../../server/src/protocol';
import { PreviewTarget, isPreviewTarget } from './messages';
import { PreviewPanel, integrationViewType, sendViewType, viewTypeOf, webviewOptions } from './previewPanel';
import { lastRuns } from '../simulation/lastRuns';

/** Unsaved edits re-render after this pause, so typing does not flood the server. */
const editDelay = 250;
const cursorDelay = 150;

const flowLanguages = new Set(['cxflow', 'cxengage-pattern']);

function isDefinition(document: vscode.TextDocument): boolean {
  return document.languageId === 'cxengage-integration' || document.uri.path.toLowerCase().endsWith('.integration.json');
}

function isFlow(document: vscode.TextDocument): boolean {
  const path = document.uri.path.toLowerCase();
  return flowLanguages.has(document.languageId) || path.endsWith('.cxflow') || path.endsWith('.pattern.json');
}

interface PositionArgument {
  line: number;
  character: number;
}

function isPositionArgument(value: unknown): value is PositionArgument {
  const v = value as Partial<PositionArgument> | undefined;
  return typeof v === 'object' && v !== null && typeof v.line === 'number' && typeof v.character === 'number';
}

class Previews {
  private readonly panels = new Map<string, PreviewPanel>();

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: LanguageClient,
  ) {}

  show(target: PreviewTarget): void {
    const viewType = viewTypeOf(target);
    const existing = this.panels.get(viewType);
    if (existing) {
      existing.retarget(target);
      existing.panel.reveal(undefined, true);
      return;
    }
    const title = target.kind === 'send' ? 'Send Form' : 'Integration Form';
    const panel = vscode.window.createWebviewPanel(
      viewType,
      title,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { ...webviewOptions(this.context.extensionUri), enableFindWidget: true },
    );
    this.adopt(panel, target);
  }

  adopt(panel: vscode.WebviewPanel, target: PreviewTarget): void {
    const viewType = viewTypeOf(target);
    this.panels.get(viewType)?.dispose();
    const preview = new PreviewPanel(panel, target, this.client, this.context.extensionUri, () => {
      if (this.panels.get(viewType) === preview) this.panels.delete(viewType);
    });
    this.panels.set(viewType, preview);
  }

  onDocumentChanged(document: vscode.TextDocument): void {
    const uri = document.uri.toString();
    const integration = this.panels.get(integrationViewType);
    if (integration?.sourceUri === uri) integration.schedule(editDelay);
    const send = this.panels.get(sendViewType);
    // A send form also changes when the definition of its integration is edited.
    if (send && (send.sourceUri === uri || isDefinition(document))) send.schedule(editDelay);
  }

  /** A run of the flow the send form shows: the form shows its values. */
  onLastRun(uri: string): void {
    const send = this.panels.get(sendViewType);
    if (send?.sourceUri === uri) send.schedule(0);
  }

  onSelectionChanged(editor: vscode.TextEditor): void {
    const send = this.panels.get(sendViewType);
    if (!send || !isFlow(editor.document)) return;
    const active = editor.selection.active;
    send.retarget(
      { kind: 'send', uri: editor.document.uri.toString(), position: { line: active.line, character: active.character } },
      cursorDelay,
    );
  }

  /** As Markdown's preview does: each panel follows the active editor of its kind of file. */
  onActiveEditorChanged(editor: vscode.TextEditor | undefined): void {
    if (editor === undefined) return;
    if (isFlow(editor.document)) this.onSelectionChanged(editor);
    const integration = this.panels.get(integrationViewType);
    const uri = editor.document.uri.toString();
    if (integration && isDefinition(editor.document) && integration.sourceUri !== uri) integration.retarget({ kind: 'integration', uri });
  }

  async previewIntegrationForm(resource?: unknown): Promise<void> {
    if (resource instanceof vscode.Uri) {
      this.show({ kind: 'integration', uri: resource.toString() });
      return;
    }
    const editor = vscode.window.activeTextEditor;
    if (editor && isDefinition(editor.document)) {
      this.show({ kind: 'integration', uri: editor.document.uri.toString() });
      return;
    }
    // The active file's workspace folder decides which definitions it sees; other editors (output,
    // untitled) have no folder, so then every known definition is listed.
    const uri = editor?.document.uri.scheme === 'file' ? editor.document.uri.toString() : undefined;
    const integrations = await this.client.sendRequest(IntegrationListRequest, { uri });
    if (integrations.length === 0) {
      void vscode.window.showInformationMessage('No integration definitions are known.');
      return;
    }
    const picked = await pickIntegration(integrations);
    if (picked) this.show({ kind: 'integration', uri: picked.uri, integrationType: picked.type });
  }

  previewSendForm(uri?: unknown, position?: unknown): void {
    if (typeof uri === 'string' && isPositionArgument(position)) {
      this.show({ kind: 'send', uri, position: { line: position.line, character: position.character } });
      return;
    }
    const editor = vscode.window.activeTextEditor;
    if (!editor || !isFlow(editor.document)) {
      void vscode.window.showInformationMessage('Open a flow or pattern file and put the cursor on a send or await.');
      return;
    }
    const active = editor.selection.active;
    this.show({ kind: 'send', uri: editor.document.uri.toString(), position: { line: active.line, character: active.character } });
  }
}

const openDefinitionButton: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('go-to-file'), tooltip: 'Open Definition' };

/**
 * A quick pick of integrations by display name; each item's button opens its definition instead
 * (a built-in one read-only, under its own scheme).
 */
function pickIntegration(integrations: readonly IntegrationSummary[]): Promise<IntegrationSummary | undefined> {
  const quickPick = vscode.window.createQuickPick<vscode.QuickPickItem & { integration: IntegrationSummary }>();
  quickPick.title = 'Preview Integration Form';
  quickPick.placeholder = 'Integration to preview';
  quickPick.matchOnDescription = true;
  quickPick.items = integrations.map((i) => ({
    label: i.displayName,
    description: i.type,
    detail: i.builtin ? 'Built-in integration' : vscode.workspace.asRelativePath(vscode.Uri.parse(i.uri)),
    buttons: [openDefinitionButton],
    integration: i,
  }));
  return new Promise((resolve) => {
    let chosen: IntegrationSummary | undefined;
    quickPick.onDidAccept(() => {
      chosen = quickPick.selectedItems[0]?.integration;
      quickPick.hide();
    });
    quickPick.onDidTriggerItemButton((event) => {
      quickPick.hide();
      void vscode.window.showTextDocument(vscode.Uri.parse(event.item.integration.uri), { preview: false });
    });
    quickPick.onDidHide(() => {
      quickPick.dispose();
      resolve(chosen);
    });
    quickPick.show();
  });
}

export function registerPreviews(context: vscode.ExtensionContext, client: LanguageClient): void {
  const previews = new Previews(context, client);
  const serializer = (kind: PreviewTarget['kind']): vscode.WebviewPanelSerializer => ({
    async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
      const target = (state as { target?: unknown } | undefined)?.target;
      if (isPreviewTarget(target) && target.kind === kind) previews.adopt(panel, target);
      else panel.dispose();
    },
  });
  context.subscriptions.push(
    vscode.commands.registerCommand('cxengage.previewIntegrationForm', (resource?: unknown) =>
      previews.previewIntegrationForm(resource),
    ),
    vscode.commands.registerCommand('cxengage.previewSendForm', (uri?: unknown, position?: unknown) =>
      previews.previewSendForm(uri, position),
    ),
    vscode.window.registerWebviewPanelSerializer(integrationViewType, serializer('integration')),
    vscode.window.registerWebviewPanelSerializer(sendViewType, serializer('send')),
    vscode.workspace.onDidChangeTextDocument((e) => previews.onDocumentChanged(e.document)),
    vscode.window.onDidChangeTextEditorSelection((e) => previews.onSelectionChanged(e.textEditor)),
    vscode.window.onDidChangeActiveTextEditor((editor) => previews.onActiveEditorChanged(editor)),
    lastRuns.onDidChange((uri) => previews.onLastRun(uri)),
  );
}
