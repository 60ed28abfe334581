// Completion of the keys of a pattern object in a `*.pattern.json` file (outside its code strings):
// `name`, `description`, `status`, `when`, `then`, the ones not yet present.
import { CompletionItem, CompletionItemKind, InsertTextFormat, Range } from 'vscode-languageserver-types';
import type { Node as JsonNode } from 'jsonc-parser';
import { FlowDocument } from '../index';

const keys: readonly { name: string; snippet: string; plain: string; detail: string }[] = [
  { name: 'name', snippet: '"name": "$1"', plain: '"name": ""', detail: 'the pattern name' },
  { name: 'description', snippet: '"description": "$1"', plain: '"description": ""', detail: 'what the pattern is for' },
  { name: 'status', snippet: '"status": ${1|true,false|}', plain: '"status": true', detail: 'whether the pattern is active' },
  { name: 'when', snippet: '"when": "($1)"', plain: '"when": ""', detail: 'flow code: the events that trigger it' },
  { name: 'then', snippet: '"then": "($1)"', plain: '"then": ""', detail: 'flow code: the reaction' },
];

function contains(node: JsonNode, offset: number): boolean {
  return offset > node.offset && offset < node.offset + node.length;
}

/** The pattern object (the root, or an item of a root array) whose braces hold `offset`. */
function patternObjectAt(json: JsonNode | undefined, offset: number): JsonNode | undefined {
  if (json === undefined || !contains(json, offset)) return undefined;
  if (json.type === 'object') return json;
  if (json.type !== 'array') return undefined;
  return (json.children ?? []).find((c) => c.type === 'object' && contains(c, offset));
}

const wordChar = /[A-Za-z_"]/;

export function completePatternKeys(flowDoc: FlowDocument, offset: number, snippets: boolean): CompletionItem[] {
  const object = patternObjectAt(flowDoc.json, offset);
  if (object === undefined) return [];
  const text = flowDoc.document.getText();
  const properties = object.children ?? [];
  let current: JsonNode | undefined;
  for (const property of properties) {
    const key = property.children?.[0];
    const value = property.children?.[1];
    if (value !== undefined && offset > value.offset && offset <= value.offset + value.length) return [];
    if (key !== undefined && offset >= key.offset && offset <= key.offset + key.length) current = key;
    else if (offset > property.offset && offset < property.offset + property.length && value !== undefined) return [];
  }

  // The word being typed: a key string, or bare letters the JSON parser skipped.
  let from = offset;
  let to = offset;
  if (current !== undefined) {
    from = current.offset;
    to = current.offset + current.length;
  } else {
    while (from > 0 && wordChar.test(text[from - 1])) from--;
    while (to < text.length && wordChar.test(text[to])) to++;
  }
  const doc = flowDoc.document;
  const range: Range = { start: doc.positionAt(from), end: doc.positionAt(to) };
  const present = new Set(properties.map((p) => p.children?.[0]).filter((k) => k !== undefined && k !== current).map((k) => k?.value));
  const replacingKey = current !== undefined && properties.some((p) => p.children?.[0] === current && p.children?.[1] !== undefined);

  // Commas around a new property: after a previous one that has none, before a following one.
  let prefix = '';
  let suffix = '';
  if (!replacingKey) {
    const before = properties.filter((p) => p.offset + p.length <= from && p.children?.[0] !== current);
    const after = properties.filter((p) => p.offset >= to);
    const previous = before[before.length - 1];
    if (previous !== undefined && !text.slice(previous.offset + previous.length, from).includes(',')) prefix = ', ';
    if (after.length > 0 && !text.slice(to, after[0].offset).includes(',')) suffix = ',';
  }

  return keys
    .filter((k) => !present.has(k.name))
    .map((k, i) => {
      const body = replacingKey ? `"${k.name}"` : `${prefix}${snippets ? k.snippet : k.plain}${suffix}`;
      const item: CompletionItem = {
        label: k.name,
        kind: CompletionItemKind.Property,
        detail: k.detail,
        sortText: String(i),
        filterText: `"${k.name}"`,
        textEdit: { range, newText: body },
      };
      if (snippets && !replacingKey) item.insertTextFormat = InsertTextFormat.Snippet;
      return item;
    });
}
