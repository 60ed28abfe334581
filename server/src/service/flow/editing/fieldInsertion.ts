// Where and how new fields go into a params map: one rule for the missing-fields quick fix, the send
// form's Apply and the completion snippet. One field per line, lined up with the keys, where the map
// is written that way; else on one line; always on one line inside a pattern file's JSON string.
import { Range } from 'vscode-languageserver-types';
import { MessageField } from '../../definitions/model';
import { Interaction } from '../analysis/interactions';
import { FlowRegion } from '../embedding/region';
import { MapNode } from '../syntax/tree';
import { SnippetPart, stringContent, stringLiteral } from './insertText';

/**
 * `:name "|"` with the cursor inside the quotes (what is typed stays a string, and a typed `"` does
 * not wrap a selection), or for an enum field `:name "…"` with a choice of its values
 * (`${1|Call,Email|}`): plain text takes the first value, so nothing inserted is invalid.
 */
export function fieldParts(field: MessageField, tabstop: number): SnippetPart[] {
  const key = `:${field.name} `;
  if (field.enum !== undefined && field.enum.length > 0) return [`${key}"`, { tabstop, choices: field.enum.map(stringContent) }, '"'];
  return [`${key}"`, { tabstop }, '"'];
}

/** `:name "value"`: a field with a value chosen in the send form. */
export function fieldWithValue(name: string, value: string): SnippetPart[] {
  return [`:${name} ${stringLiteral(value)}`];
}

/**
 * What goes before a field written at code offset `at` in `map`: a new line lined up with the keys
 * where the map has keys on a line of their own (or `at` is on a line after the `{`), else a space.
 */
function fieldSeparator(region: FlowRegion, map: MapNode, at: number): string {
  if (region.embedded) return ' ';
  const open = region.position(map.start);
  const keys = map.entries.map((e) => region.position(e.key.start));
  const multiLine = keys.some((k) => k.line !== open.line) || region.position(at).line !== open.line;
  if (!multiLine) return ' ';
  const column = keys.length > 0 ? keys[0].character : open.character + 1;
  return `\n${' '.repeat(column)}`;
}

/** Fields one after another at `at` in `map`, each but the first after a separator. */
export function joinFields(region: FlowRegion, map: MapNode, at: number, fields: readonly SnippetPart[][]): SnippetPart[] {
  const separator = fieldSeparator(region, map, at);
  const parts: SnippetPart[] = [];
  fields.forEach((field, i) => {
    if (i > 0) parts.push(separator);
    for (const part of field) parts.push(part);
  });
  return parts;
}

/**
 * The insertion that adds `fields` to an interaction: after the last form of its params map, or,
 * where the verb lets the map be left out and it is, as a new map after the message word.
 */
export function appendFields(region: FlowRegion, interaction: Interaction, fields: readonly SnippetPart[][]): { range: Range; parts: SnippetPart[] } | undefined {
  const map = interaction.params;
  if (map === undefined) {
    const after = interaction.messageNode;
    if (!interaction.verb.paramsOptional || interaction.paramsNode !== undefined || after === undefined) return undefined;
    const at = region.position(after.end);
    const parts: SnippetPart[] = [' {'];
    fields.forEach((field, i) => {
      if (i > 0) parts.push(' ');
      for (const part of field) parts.push(part);
    });
    parts.push('}');
    return { range: { start: at, end: at }, parts };
  }
  const last = map.children[map.children.length - 1];
  const offset = last === undefined ? map.start + 1 : last.end;
  const parts = joinFields(region, map, offset, fields);
  if (last !== undefined) parts.unshift(fieldSeparator(region, map, offset));
  const at = region.position(offset);
  return { range: { start: at, end: at }, parts };
}
