// Settings per workspace folder, from `workspace/configuration` where the client supports it,
// otherwise from `initializationOptions` and `workspace/didChangeConfiguration`.
import { Connection, MessageType, ShowMessageNotification } from 'vscode-languageserver';
import { Settings, defaultSettings, normaliseSettings } from './service/settings';

export class SettingsStore {
  private byFolder = new Map<string, Settings>();
  private global: Settings = defaultSettings;
  private pushed: unknown;
  private reported = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly pullSupported: boolean,
    private readonly folders: () => string[],
    initializationOptions: unknown,
  ) {
    this.pushed = cxengageSection(initializationOptions);
    this.global = this.normalise(this.pushed);
  }

  /** Settings for a document or folder: its folder's, or the global ones outside every folder. */
  get(uri: string): Settings {
    let best: string | undefined;
    for (const folder of this.byFolder.keys()) {
      if (uri.startsWith(folder) && (best === undefined || folder.length > best.length)) best = folder;
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
      const key = folder.endsWith('/') ? folder : `${folder}/`;
      this.byFolder.set(key, this.normalise(values[i + 1] ?? values[0] ?? this.pushed));
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

/** The `cxengage` section of a settings object, whether given whole (`{cxengage: {...}}`) or as the section. */
function cxengageSection(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  if ('settings' in record) return cxengageSection(record.settings);
  if ('cxengage' in record) return record.cxengage;
  return value;
}

/** Turns `{"definitions.include": [...]}` (flat keys, as some clients send) into nested objects. */
function expandDotted(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const result: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    const parts = key.replace(/^cxengage\./, '').split('.');
    let target = result;
    for (const part of parts.slice(0, -1)) {
      if (typeof target[part] !== 'object' || target[part] === null) target[part] = {};
      target = target[part] as Record<string, unknown>;
    }
    const last = parts[parts.length - 1];
    target[last] = typeof v === 'object' && v !== null && !Array.isArray(v) && last !== 'severity' ? expandDotted(v) : v;
  }
  return result;
}
