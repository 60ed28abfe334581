// Writes values chosen in a send form back into the flow: a new entry for an empty field, a new
// constant for an enum field, as one versioned edit of the document.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Position, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { AnalysisContext } from '../analysisContext';
import { forRegion } from '../flow/editing/insertText';
import { keyName, MapEntry } from '../flow/syntax/tree';
import { sendAt, sendFormOf } from './sendPreview';

/** A string constant of the flow language. */
function stringLiteral(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/**
 * The edit that gives the send at `position` the `values` (field name → text). Only the fields
 * the form marks editable are written: declared ones, never a credential, never a templated one.
 */
export function sendFormEdit(
  doc: TextDocument,
  position: Position,
  values: Readonly<Record<string, string>>,
  ctx: AnalysisContext,
): WorkspaceEdit | null {
  const send = sendAt(doc, position);
  const map = send?.params;
  if (!send || !map || !send.integration || !send.message) return null;
  const endpoint = ctx.lookup(send.integration.name)?.endpoint;
  const message = endpoint?.message(send.message.name);
  if (!endpoint || !message) return null;
  // The form decides what may be written; the edit follows it field for field.
  const editable = new Set(sendFormOf(doc.uri, send, ctx, position).fields.filter((f) => f.editable).map((f) => f.name));
  const region = send.region;
  const entries = new Map<string, MapEntry>();
  for (const entry of map.entries) {
    const name = keyName(entry.key);
    if (name !== undefined && !entries.has(name)) entries.set(name, entry);
  }

  const edits: TextEdit[] = [];
  const added: string[] = [];
  for (const field of message.fields) {
    // Own properties only: a field named `constructor` must not find Object's.
    const value = Object.prototype.hasOwnProperty.call(values, field.name) ? values[field.name] : undefined;
    if (typeof value !== 'string' || value === '' || !editable.has(field.name)) continue;
    const entry = entries.get(field.name);
    const literal = stringLiteral(value);
    if (entry?.value) {
      // Editable means a constant: an event field or an expression stays the author's choice.
      edits.push({ range: region.range(entry.value.start, entry.value.end), newText: forRegion(region, literal) });
    } else if (entry) {
      const at = region.position(entry.key.end);
      edits.push({ range: { start: at, end: at }, newText: forRegion(region, ` ${literal}`) });
    } else {
      added.push(`:${field.name} ${literal}`);
    }
  }
  if (added.length > 0) {
    const last = map.children[map.children.length - 1];
    const keys = map.entries.map((e) => region.position(e.key.start));
    const open = region.position(map.start);
    let text: string;
    if (!region.embedded && keys.length > 0 && keys.some((k) => k.line !== open.line)) {
      // One field per line, lined up with the keys already there.
      text = added.map((a) => `\n${' '.repeat(keys[0].character)}${a}`).join('');
    } else {
      text = (last === undefined ? '' : ' ') + added.join(' ');
    }
    const at = region.position(last === undefined ? map.start + 1 : last.end);
    edits.push({ range: { start: at, end: at }, newText: forRegion(region, text) });
  }
  if (edits.length === 0) return null;
  return { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits }] };
}
