// The `cxengage.*` settings of a CLI run, as the editor would have them: the checked folder's
// `.vscode/settings.json` (JSON with comments), then a `--settings FILE`, then the flags.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ParseError, parse, printParseErrorCode } from 'jsonc-parser';
import { Settings, cxengageSection, expandDotted, normaliseSettings } from '../service/settings';

/** The `cxengage` part of a settings file, nested (`{definitions: {include: [...]}}`). */
export type SettingsLayer = Record<string, unknown>;

/** Why a settings file could not be used. */
export class SettingsFileError extends Error {}

/** The `cxengage.*` entries of a VS Code settings file; undefined when `optional` and the file is absent. */
export function readSettingsFile(file: string, optional: boolean): SettingsLayer | undefined {
  let text: string;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new SettingsFileError(`${file} is not a regular file`);
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof SettingsFileError) throw error;
    if (optional && (error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new SettingsFileError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0) {
    const first = errors[0];
    throw new SettingsFileError(`${file} is not valid JSON: ${printParseErrorCode(first.error)} at offset ${first.offset}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new SettingsFileError(`${file} must hold a JSON object`);
  // A VS Code settings file holds every extension's settings: take ours only.
  const ours: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (key === 'cxengage' || key.startsWith('cxengage.')) ours[key] = v;
  }
  return expandDotted(cxengageSection(ours) ?? {}) as SettingsLayer;
}

/** The settings file of a folder (`.vscode/settings.json`), if it has one. */
export function folderSettingsFile(folder: string): string {
  return path.join(folder, '.vscode', 'settings.json');
}

/** Later layers override earlier ones key by key; objects (`definitions`, `severity`) merge. */
export function mergeLayers(layers: readonly SettingsLayer[]): SettingsLayer {
  const result: SettingsLayer = {};
  for (const layer of layers) mergeInto(result, layer, 0);
  return result;
}

function mergeInto(target: Record<string, unknown>, source: Record<string, unknown>, depth: number): void {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (depth < 3 && isPlainObject(value) && isPlainObject(existing)) {
      const copy = { ...existing };
      mergeInto(copy, value, depth + 1);
      target[key] = copy;
    } else target[key] = value;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Settings from layers, with the problems of each part (an unknown code, a wrong type) in `warnings`. */
export function settingsOf(layers: readonly SettingsLayer[], warnings: string[]): Settings {
  return normaliseSettings(mergeLayers(layers), warnings);
}
