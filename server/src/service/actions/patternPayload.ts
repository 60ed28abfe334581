// Refactorings between the two homes of a pattern: a `.cxflow` file (a 4.1 pattern map, `;; When`/
// `;; Then` sections, or a 4.2 program) and its REST payload, a new `*.pattern.json` (`when`+`then`
// for 4.1, `code` for 4.2), and back. The code travels as written; JSON.stringify does the escaping.
import { CodeAction, CodeActionKind, CreateFile, Position, TextDocumentEdit, TextEdit } from 'vscode-languageserver-types';
import type { ObjectASTNode } from 'vscode-json-languageservice';
import { FlowDocument, FlowRegion } from '../flow';
import { DialectSetting, regionDialect } from '../flow/analysis/dialect';
import { isPatternMap, topLevelSide } from '../flow/analysis/sides';
import { patternObjects } from '../flow/embedding/patternFile';
import { FlowNode, MapNode, mapString, mapValue } from '../flow/syntax/tree';
import { stringLiteral } from '../flow/editing/insertText';
import { readFlow } from '../flow/syntax/reader';
import { PatternPayload, payloadHeader, readPayloadHeader } from '../flow/embedding/payloadHeader';

export type { PatternPayload };

const origin: Position = { line: 0, character: 0 };

/** A new file holding `text`, as one WorkspaceEdit: create it (never over a file that exists), then fill it. */
function newFileAction(title: string, kind: string, uri: string, text: string): CodeAction {
  const create: CreateFile = { kind: 'create', uri, options: { overwrite: false, ignoreIfExists: false } };
  const fill: TextDocumentEdit = { textDocument: { uri, version: null }, edits: [TextEdit.insert(origin, text)] };
  return { title, kind, edit: { documentChanges: [create, fill] } };
}

/** `dir/name.cxflow` → `dir/name`; `dir/name.pattern.json` → `dir/name`. */
function stem(uri: string): string {
  return uri.replace(/(\.pattern\.json|\.cxflow)$/i, '');
}

function baseName(uri: string): string {
  const s = stem(uri);
  return decodeURIComponent(s.slice(s.lastIndexOf('/') + 1));
}

/** The first of `name.ext`, `name-2.ext`, … that `taken` does not hold. */
export function freeUri(stemUri: string, ext: string, taken: (uri: string) => boolean): string {
  let uri = `${stemUri}${ext}`;
  for (let n = 2; taken(uri) && n < 1000; n++) uri = `${stemUri}-${n}${ext}`;
  return uri;
}

/** The source text from the first to the last of `forms` (comments between them kept). */
function spanText(region: FlowRegion, forms: readonly FlowNode[]): string {
  return forms.length === 0 ? '' : region.tree.text.slice(forms[0].start, forms[forms.length - 1].end);
}

/** A 4.1 pattern map `{:name .. :when .. :then ..}` as a payload, its code as written. */
function payloadOfMap(region: FlowRegion, map: MapNode, fallbackName: string): PatternPayload {
  const status = mapValue(map, 'status');
  const payload: PatternPayload = { name: mapString(map, 'name') ?? fallbackName, status: status?.kind === 'boolean' ? status.value : false };
  const description = mapString(map, 'description');
  if (description !== undefined) payload.description = description;
  const key = mapString(map, 'key');
  if (key !== undefined) payload.key = key;
  for (const side of ['when', 'then'] as const) {
    const value = mapValue(map, side);
    if (value !== undefined) payload[side] = value.kind === 'string' ? value.value : spanText(region, [value]);
  }
  return payload;
}

/** The pattern maps of a `.cxflow` file: at the top level or in a top-level vector. */
function patternMaps(region: FlowRegion): MapNode[] {
  const maps: MapNode[] = [];
  for (const form of region.tree.forms) {
    const members = form.kind === 'vector' ? form.children : [form];
    for (const m of members) if (m.kind === 'map' && isPatternMap(region, m)) maps.push(m);
  }
  return maps;
}

/**
 * The payload of a `.cxflow` file: its pattern maps (an array when there are several); else, in
 * 4.1, the code of its when and then sections; in 4.2 the whole program. Undefined for a file with
 * reader errors (what the code is would be a guess) or no code.
 */
export function flowToPayload(flowDoc: FlowDocument, setting: DialectSetting): PatternPayload | PatternPayload[] | undefined {
  const region = flowDoc.regions[0];
  if (flowDoc.kind !== 'flow' || region === undefined || region.tree.errors.length > 0 || region.tree.forms.length === 0) return undefined;
  const name = baseName(flowDoc.uri);
  const maps = patternMaps(region);
  if (maps.length > 0) {
    const payloads = maps.map((m, i) => payloadOfMap(region, m, maps.length === 1 ? name : `${name} ${i + 1}`));
    return payloads.length === 1 ? payloads[0] : payloads;
  }
  if (regionDialect(region, setting).version === '4.2') {
    const header = readPayloadHeader(region.tree);
    return { ...header, name: header.name ?? name, status: header.status ?? false, code: spanText(region, region.tree.forms) };
  }
  const sides: Record<'when' | 'then', FlowNode[]> = { when: [], then: [] };
  for (const form of region.tree.forms) sides[topLevelSide(region, form) ?? 'then'].push(form);
  return { name, status: false, when: spanText(region, sides.when), then: spanText(region, sides.then) };
}

/** The payload with its keys in the REST API's order. */
function inRestOrder(payload: PatternPayload): PatternPayload {
  const ordered: Record<string, unknown> = {};
  // JSON.stringify leaves out the keys whose value is undefined.
  for (const k of ['name', 'description', 'status', 'key', 'code', 'when', 'then'] as const) ordered[k] = payload[k];
  return ordered as unknown as PatternPayload;
}

/** The JSON text of a payload, two-space indented, in the REST API's key order. */
export function payloadJson(payload: PatternPayload | PatternPayload[]): string {
  return `${JSON.stringify(Array.isArray(payload) ? payload.map(inRestOrder) : inRestOrder(payload), null, 2)}\n`;
}

/** A map value holds one form: code of several becomes one `(and ...)` (when) or `(seq ...)` (then). */
function oneForm(code: string, wrapper: 'and' | 'seq'): string {
  const trimmed = code.trim();
  return readFlow(trimmed).forms.length > 1 ? `(${wrapper} ${trimmed})` : trimmed;
}

/** The `.cxflow` text of one payload: a 4.1 pattern map, or a 4.2 program under its directive and a header of the payload's other keys. */
export function payloadToFlow(payload: PatternPayload): string {
  if (payload.code !== undefined) {
    return `; cxengage-dialect: 4.2\n${payloadHeader(payload)}${payload.code.trim()}\n`;
  }
  const lines = [`{:name ${stringLiteral(payload.name)}`];
  if (payload.description !== undefined) lines.push(` :description ${stringLiteral(payload.description)}`);
  lines.push(` :status ${payload.status}`);
  if (payload.key !== undefined) lines.push(` :key ${stringLiteral(payload.key)}`);
  if (payload.when !== undefined) lines.push(` :when ${oneForm(payload.when, 'and')}`);
  if (payload.then !== undefined) lines.push(` :then ${oneForm(payload.then, 'seq')}`);
  return `${lines.join('\n')}}\n`;
}

/** The payload of one pattern object of a `*.pattern.json`, as far as its values are of the right types. */
function payloadOfObject(object: ObjectASTNode, fallbackName: string): PatternPayload | undefined {
  const values: Record<string, unknown> = {};
  for (const p of object.properties) {
    const v = p.valueNode;
    if (v?.type === 'string' || v?.type === 'boolean') values[p.keyNode.value] = v.value;
  }
  const text = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  const payload: PatternPayload = { name: text('name') ?? fallbackName, status: values.status === true };
  const description = text('description');
  if (description !== undefined) payload.description = description;
  const key = text('key');
  if (key !== undefined) payload.key = key;
  if (text('code') !== undefined) return { ...payload, code: text('code') };
  if (text('when') === undefined && text('then') === undefined) return undefined;
  return { ...payload, when: text('when'), then: text('then') };
}

/** The pattern object of a payload document the offset is in (or the only one). */
function patternAt(flowDoc: FlowDocument, offset: number): ObjectASTNode | undefined {
  const objects = patternObjects(flowDoc.pattern?.json);
  return objects.find((o) => offset >= o.offset && offset <= o.offset + o.length) ?? (objects.length === 1 ? objects[0] : undefined);
}

/** "Convert to a pattern payload" in a `.cxflow`, "Convert to a .cxflow file" in a `*.pattern.json`. */
export function conversionActions(flowDoc: FlowDocument, offset: number, setting: DialectSetting, taken: (uri: string) => boolean): CodeAction[] {
  if (flowDoc.kind === 'flow') {
    const payload = flowToPayload(flowDoc, setting);
    if (payload === undefined) return [];
    const uri = freeUri(stem(flowDoc.uri), '.pattern.json', taken);
    return [newFileAction(`Convert to a pattern payload (${baseName(uri)}.pattern.json)`, CodeActionKind.RefactorExtract, uri, payloadJson(payload))];
  }
  const json = flowDoc.pattern?.json;
  if (json === undefined || flowDoc.fileProblems.length > 0) return [];
  const object = patternAt(flowDoc, offset);
  const payload = object === undefined ? undefined : payloadOfObject(object, baseName(flowDoc.uri));
  if (payload === undefined) return [];
  const uri = freeUri(stem(flowDoc.uri), '.cxflow', taken);
  return [newFileAction(`Convert to a .cxflow file (${baseName(uri)}.cxflow)`, CodeActionKind.RefactorExtract, uri, payloadToFlow(payload))];
}
