// Writes values chosen in a send form back into the flow: a new entry for an empty field, a new
// constant for an enum field, as one versioned edit of the document. It edits the interaction the
// form shows (the innermost at the form's position) and the fields the form marks editable.
import { Position, TextEdit } from 'vscode-languageserver-types';
import { AnalysisContext } from '../analysisContext';
import { FlowDocument } from '../flow';
import { InteractionCheck, checkInteraction } from '../flow/analysis/sendCheck';
import { appendFields, fieldWithValue } from '../flow/editing/fieldInsertion';
import { forRegion, renderPlain, SnippetPart, stringLiteral } from '../flow/editing/insertText';
import { SendFormEditResult } from './previewModel';
import { isEditable, sendAt } from './sendPreview';

/** Why Apply made no edit, as the user is told (after "The send could not be updated: "). */
export const noEditReasons = {
  notAnalysed: 'its file is not analysed (too large, binary or nested too deep)',
  notAFlow: 'its file is not a flow or pattern file the editor has, or cannot be read',
  noSend: 'there is no send at that place any more: the flow changed since the form was shown',
  unknownMessage: 'the send names an integration or message that is not known, so neither are its fields',
  nothingFilled: 'no field of the form has a value to write',
  noParamsMap: 'its params are not a map written in the flow, so no field can be added to them',
  notEditable: 'none of the fields filled in can be written from the form (a credential, a templated field or one holding an expression stays as written)',
} as const;

/**
 * The edit that gives the send at `position` the `values` (field name → text). Only the fields
 * the form marks editable are written: declared ones, never a credential, never a templated one.
 */
export function sendFormEdit(
  flowDoc: FlowDocument,
  position: Position,
  values: Readonly<Record<string, string>>,
  ctx: AnalysisContext,
): SendFormEditResult {
  const send = sendAt(flowDoc, position);
  if (!send) return { edit: null, reason: noEditReasons.noSend };
  const check = checkInteraction(send.interaction, ctx);
  const region = send.region;
  const edits: TextEdit[] = [];
  const added: SnippetPart[][] = [];
  for (const field of check.fields) {
    // Own properties only: a field named `constructor` must not find Object's.
    const value = Object.prototype.hasOwnProperty.call(values, field.name) ? values[field.name] : undefined;
    if (typeof value !== 'string' || value === '' || !isEditable(field, check)) continue;
    const entry = field.entries[0];
    if (entry?.value) {
      // Editable means a constant: an event field or an expression stays the author's choice.
      edits.push({ range: region.range(entry.value.start, entry.value.end), newText: forRegion(region, stringLiteral(value)) });
    } else if (entry) {
      const at = region.position(entry.key.end);
      edits.push({ range: { start: at, end: at }, newText: forRegion(region, ` ${stringLiteral(value)}`) });
    } else {
      added.push(fieldWithValue(field.name, value));
    }
  }
  const insertion = added.length > 0 ? appendFields(region, send.interaction, added) : undefined;
  if (insertion !== undefined) edits.push({ range: insertion.range, newText: renderPlain(region, insertion.parts) });
  if (edits.length === 0) return { edit: null, reason: whyNoEdit(check, values) };
  return { edit: { documentChanges: [{ textDocument: { uri: flowDoc.uri, version: flowDoc.version }, edits }] } };
}

function whyNoEdit(check: InteractionCheck, values: Readonly<Record<string, string>>): string {
  if (check.message === undefined) return noEditReasons.unknownMessage;
  if (!Object.values(values).some((v) => typeof v === 'string' && v !== '')) return noEditReasons.nothingFilled;
  const { params, paramsNode, verb } = check.interaction;
  if (params === undefined && !(verb.paramsOptional && paramsNode === undefined)) return noEditReasons.noParamsMap;
  return noEditReasons.notEditable;
}
