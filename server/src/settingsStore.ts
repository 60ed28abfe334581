// Settings per workspace folder, from `workspace/configuration` where the client supports it,
// otherwise from `initializationOptions` and `workspace/didChangeConfiguration`.
import { Connection, MessageType, ShowMessageNotification } from 'vscode-languageserver';
import { UriKey, folderKey, isInside, normaliseUri } from './service/documents/uris';
import { Settings, cxengageSection, defaultSettings, expandDotted, normaliseSettings } from './service/settings';

export class SettingsStore {
  private byFolder = new Map<UriKey, Settings>();
  private global: Settings = defaultSettings;
  private pushed: unknown;
  private reported = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly pullSupported: boolean,
    private readonly folders: () => readonly UriKey[],
    initializationOptions: unknown,
  ) {
    this.pushed = cxengageSection(initializationOptions);
    this.global = this.normalise(this.pushed);
  }

  /** Settings for a document or folder: its folder's, or the global ones outside every folder. */
  get(uri: string): Settings {
    const key = normaliseUri(uri);
    let best: UriKey | undefined;
    for (const folder of this.byFolder.keys()) {
      if ((key === folder || isInside(key, folder)) && (best === undefined || folder.length > best.length)) best = folder;
    }
    return best === undefined ? this.global : this.byFolder.get(best)!;
  }

  /** Settings pushed by `workspace/didChangeConfiguration` (clients without pull support). */
  setPushed(settings: unknown): void {
    const section = cxengageSection(settings);
    if (section !== undefined) this.pushed = section;
  }

  async refresh(): Promise<void> {
    if (!this.pullSupported) {
      this.global = this.normalise(this.pushed);
      this.byFolder.clear();
      return;
    }
    const folders = this.folders();
    const items = [{ section: 'cxengage' }, ...folders.map((f) => ({ scopeUri: f, section: 'cxengage' }))];
    let values: unknown[];
    try {
      values = await this.connection.workspace.getConfiguration(items);
    } catch (error) {
      this.connection.console.error(`Reading settings failed, using defaults: ${String(error)}`);
      values = [];
    }
    // A client answering null for the section falls back to what initializationOptions gave.
    this.global = this.normalise(values[0] ?? this.pushed);
    this.byFolder.clear();
    folders.forEach((folder, i) => {
      this.byFolder.set(folderKey(folder), this.normalise(values[i + 1] ?? values[0] ?? this.pushed));
    });
  }

  private normalise(raw: unknown): Settings {
    const warnings: string[] = [];
    const settings = normaliseSettings(expandDotted(raw), warnings);
    for (const w of warnings) {
      if (this.reported.has(w)) continue;
      this.reported.add(w);
      this.connection.console.warn(w);
      // A notification, not a request: nothing to wait for, and no client can refuse it.
      void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `CxEngage: ${w}` });
    }
    return settings;
  }
}
