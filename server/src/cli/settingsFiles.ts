// The `cxengage.*` settings of a CLI run, as the editor would have them: the checked folder's
// `.vscode/settings.json` (JSON with comments), then a `--settings FILE`, then the flags.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ASTNode } from 'vscode-json-languageservice';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { jsonNestingBeyond, maxJsonNesting } from '../service/documents/guards';
import { jsonPackage, jsonService } from '../service/jsonService';
import { Settings, cxengageSection, expandDotted, normaliseSettings } from '../service/settings';

/** The `cxengage` part of a settings file, nested (`{definitions: {include: [...]}}`). */
export type SettingsLayer = Record<string, unknown>;

/** Why a settings file could not be used. */
export class SettingsFileError extends Error {}

/** The `cxengage.*` entries of a VS Code settings file; undefined when `optional` and the file is absent. */
export async function readSettingsFile(file: string, optional: boolean): Promise<SettingsLayer | undefined> {
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
  const value = await parseJsonWithComments(file, text);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new SettingsFileError(`${file} must hold a JSON object`);
  // A VS Code settings file holds every extension's settings: take ours only.
  const ours: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (key === 'cxengage' || key.startsWith('cxengage.')) ours[key] = v;
  }
  return expandDotted(cxengageSection(ours) ?? {}) as SettingsLayer;
}


/** A JSON text with comments and trailing commas, read by the JSON service's parser (the one JSON parser of the project). */
async function parseJsonWithComments(file: string, text: string): Promise<unknown> {
  if (jsonNestingBeyond(text, maxJsonNesting) !== undefined) throw new SettingsFileError(`${file} nests deeper than ${maxJsonNesting} levels`);
  const doc = TextDocument.create('settings:file', 'jsonc', 1, text);
  const parsed = jsonService().parseJSONDocument(doc);
  // No schema matches this URI: what validation finds is the syntax.
  const problems = await jsonService().doValidation(doc, parsed, { comments: 'ignore', trailingCommas: 'ignore' });
  // What VS Code's settings files allow beyond strict JSON.
  const { TrailingComma, CommentNotPermitted } = jsonPackage().ErrorCode;
  const error = problems.find((e) => e.code !== TrailingComma && e.code !== CommentNotPermitted);
  if (error !== undefined || parsed.root === undefined) {
    const where = error === undefined ? '' : ` at line ${error.range.start.line + 1}, column ${error.range.start.character + 1}`;
    throw new SettingsFileError(`${file} is not valid JSON: ${error?.message ?? 'no value'}${where}`);
  }
  return plainValue(parsed.root);
}

/** The plain value of a parsed node; the nesting was checked before, so recursion stays shallow. */
function plainValue(node: ASTNode): unknown {
  switch (node.type) {
    case 'object': {
      const result: Record<string, unknown> = {};
      for (const p of node.properties) if (p.valueNode !== undefined) result[p.keyNode.value] = plainValue(p.valueNode);
      return result;
    }
    case 'array':
      return node.items.map(plainValue);
    case 'null':
      return null;
    default:
      return node.value;
  }
}

/** The settings file of a folder (`.vscode/settings.json`), if it has one. */
export function folderSettingsFile(folder: string): string {
  return path.join(folder, '.vscode', 'settings.json');
}

/** Later layers override earlier ones key by key; objects (`definitions`, `severity`) merge. */
function mergeLayers(layers: readonly SettingsLayer[]): SettingsLayer {
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
