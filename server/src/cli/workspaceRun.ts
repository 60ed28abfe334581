// What both cxengage-lint commands start from: the paths given (folders scanned, files taken by
// name), the `cxengage.*` settings of each folder as the editor has them, and the language
// service's workspace over them, scanned once, so that checking and formatting see the same files.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { UsageError } from './options';
import { SettingsLayer, folderSettingsFile, readSettingsFile, settingsOf } from './settingsFiles';
import { DiskFileAccess } from '../node/diskFileAccess';
import { documentKind } from '../service/documentKind';
import { UriKey, folderKey, normaliseUri } from '../service/documents/uris';
import { LanguageService } from '../service/languageService';
import { Settings } from '../service/settings';

export interface Targets {
  /** Folders to scan, absolute. */
  folders: string[];
  /** Files given by name, absolute. */
  files: string[];
}

/** What the paths name; a missing, unreadable or foreign path is a usage error. */
export function resolveTargets(paths: string[]): Targets {
  const targets: Targets = { folders: [], files: [] };
  for (const p of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
      fs.accessSync(p, fs.constants.R_OK);
    } catch {
      throw new UsageError(`cannot read ${p}: no such file or folder, or no permission`);
    }
    const full = path.resolve(p);
    if (stat.isDirectory()) targets.folders.push(full);
    else if (!stat.isFile()) throw new UsageError(`cannot read ${p}: not a regular file`);
    else if (documentKind(URI.file(full).toString()) !== 'other') targets.files.push(full);
    else throw new UsageError(`${p} is not a definition (*.integration.json), flow (*.cxflow), pattern (*.pattern.json) or template (*.template.json) file`);
  }
  return targets;
}

/**
 * Settings per folder (and for the files given outside every folder): the folder's
 * `.vscode/settings.json`, then `settingsFile`, then the command's flags. A bad part of the
 * settings is reported once through `warn` and ignored, as in the editor.
 */
export async function settingsByFolder(
  targets: Targets,
  settingsFile: string | undefined,
  flags: SettingsLayer,
  warn: (s: string) => void,
): Promise<(uri: string) => Settings> {
  const given = settingsFile === undefined ? undefined : await readSettingsFile(settingsFile, false);
  const reported = new Set<string>();
  const settingsIn = async (folder: string): Promise<Settings> => {
    const warnings: string[] = [];
    const settings = settingsOf([(await readSettingsFile(folderSettingsFile(folder), true)) ?? {}, given ?? {}, flags], warnings);
    for (const w of warnings) {
      if (reported.has(w)) continue;
      reported.add(w);
      warn(w);
    }
    return settings;
  };
  const byFolder = new Map<UriKey, Settings>();
  for (const f of targets.folders) byFolder.set(folderKey(URI.file(f).toString()), await settingsIn(f));
  const outside = await settingsIn(process.cwd());
  const folders = [...byFolder.keys()].sort((a, b) => b.length - a.length);
  return (uri) => {
    const key = normaliseUri(uri);
    const folder = folders.find((f) => key === f || key.startsWith(f));
    return folder === undefined ? outside : (byFolder.get(folder) as Settings);
  };
}

/** The files found, as URIs and as paths relative to the current folder (`/`-separated), sorted by path. */
export interface FoundFile {
  uri: string;
  shown: string;
}

/**
 * A language service over the targets, its folders scanned and its definitions indexed. What
 * could not be looked through is reported through `fail`; the files found come back sorted.
 */
export async function openWorkspace(targets: Targets, settingsFor: (uri: string) => Settings, fail: (message: string) => void): Promise<{ service: LanguageService; files: FoundFile[] }> {
  const service = new LanguageService({ files: new DiskFileAccess(), settingsFor });
  service.setFolders(targets.folders.map((f) => URI.file(f).toString()));
  for (const file of targets.files) {
    const uri = URI.file(file).toString();
    service.workspace.addGivenFile(uri);
    service.workspace.addKnownFile(uri);
  }
  for (const scan of await service.scanWorkspace()) {
    for (const dir of scan.unreadable) fail(`cannot read ${shownPath(dir)}: no permission, or it is gone; its files were skipped`);
    if (scan.stoppedAt !== undefined) fail(`stopped looking through ${shownPath(scan.folder)} after too many ${scan.stoppedAt === 'maxFiles' ? 'files' : 'folders'}; check a smaller folder`);
  }
  const files = [...service.workspace.knownFiles('definition'), ...service.workspace.knownFiles('flow'), ...service.workspace.knownFiles('template')]
    .map((f) => ({ uri: f.uri, file: URI.parse(f.uri).fsPath }))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
    .map(({ uri, file }) => ({ uri, shown: path.relative(process.cwd(), file).split(path.sep).join('/') }));
  return { service, files };
}

/** A URI as the user typed the path: relative to the current folder. */
export function shownPath(uri: string): string {
  return path.relative(process.cwd(), URI.parse(uri).fsPath) || '.';
}
