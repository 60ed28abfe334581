// The form of the send/await at (or after) a position in a flow, filled from the code: each
// field's value and where it comes from, and each mistake in the words of the diagnostics.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Position, Range } from 'vscode-languageserver-types';
import { AnalysisContext } from '../analysisContext';
import { defaultSeverity, messages } from '../codes';
import { documentKind } from '../documentKind';
import { Component, MessageField, MessageType, definitionType, displayName, secretParams } from '../definitions/model';
import { FlowCode } from '../flow/analysis/problems';
import { nodeRange } from '../flow/embedding/region';
import { flowSendAt, getFlowDocument } from '../flow';
import { SendForm, SendInfo, forEachSendForm, sendInfo } from '../flow/analysis/sends';
import { suggestionsFor } from '../flow/analysis/suggestions';
import { FlowNode, keyName, MapEntry } from '../flow/syntax/tree';
import { FormProblem, SendFieldModel, SendFormModel } from './previewModel';
import { sendValue } from './sendPreviewValue';

/** The send holding `position` (the innermost one), else the first one after it. */
export function sendAt(doc: TextDocument, position: Position): SendInfo | undefined {
  const flowDoc = getFlowDocument(doc);
  const offset = doc.offsetAt(position);
  const holding = flowSendAt(flowDoc, offset);
  if (holding) return holding;
  // Only the send chosen gets its document ranges worked out: a cursor move in a large flow
  // costs one walk over the trees.
  for (const region of flowDoc.regions) {
    if (region.docEnd < offset) continue;
    let next: SendForm | undefined;
    forEachSendForm(region, (send) => {
      if (next === undefined && region.toDocumentOffset(send.form.start) >= offset) next = send;
    });
    if (next) return sendInfo(region, next);
  }
  return undefined;
}

export function sendForm(doc: TextDocument, position: Position, ctx: AnalysisContext): SendFormModel | null {
  if (!isFlowDocument(doc)) return null;
  const send = sendAt(doc, position);
  return send ? sendFormOf(doc.uri, send, ctx, position) : null;
}

export function sendFormOf(uri: string, send: SendInfo, ctx: AnalysisContext, position: Position): SendFormModel {
  const integration = send.integration?.name ?? '';
  const messageName = send.message?.name ?? '';
  const definition = integration === '' ? undefined : ctx.lookup(integration);
  const endpoint = definition?.endpoint;
  const message = endpoint?.message(messageName);
  const problems: FormProblem[] = [];
  const model: SendFormModel = {
    kind: 'send',
    uri,
    operator: send.operator,
    integration,
    message: messageName,
    fields: [],
    problems,
    range: send.range,
    position: { line: position.line, character: position.character },
  };
  if (definition) {
    model.integrationDisplayName = displayName(definition);
    model.definitionUri = definition.uri;
  }
  const wordsRange = sendWordsRange(send);
  if (send.integration && !definition) {
    const types = ctx.visible().filter((d) => d.endpoint).flatMap((d) => definitionType(d) ?? []);
    problems.push(error('unknown-integration', messages.unknownIntegration(integration, suggestionsFor(integration, types)[0]), send.integration.range));
  } else if (send.integration && !endpoint) {
    problems.push(error('unknown-integration', messages.integrationWithoutEndpoint(integration), send.integration.range));
  } else if (endpoint && send.message && !message) {
    const names = endpoint.sends.map((m) => m.name);
    problems.push(error('unknown-message', messages.unknownMessage(integration, messageName, suggestionsFor(messageName, names)[0]), send.message.range));
  }
  model.fields = sendFields(send, endpoint, message, integration, messageName);
  const missing = model.fields.filter((f) => f.status === 'missing').map((f) => f.name);
  if (missing.length > 0) problems.push(error('missing-mandatory-field', messages.missingMandatoryFields(integration, messageName, missing), wordsRange));
  return model;
}

function sendFields(
  send: SendInfo,
  endpoint: Component | undefined,
  message: MessageType | undefined,
  integration: string,
  messageName: string,
): SendFieldModel[] {
  const region = send.region;
  const secrets = endpoint ? secretParams(endpoint) : new Set<string>();
  const byName = groupEntries(send.entries);
  const templated = groupEntries(send.templateEntries);
  const whereToAdd = send.params ? nodeRange(region, send.params) : sendWordsRange(send);
  const fields: SendFieldModel[] = [];

  const fieldModel = (name: string, spec: MessageField | undefined): SendFieldModel => {
    const entries = byName.get(name) ?? [];
    const fromTemplate = templated.get(name) ?? [];
    const entry = entries[0] ?? fromTemplate[0];
    const field: SendFieldModel = {
      name,
      label: name,
      mandatory: spec?.mandatory ?? false,
      value: { kind: 'empty' },
      templated: fromTemplate.length > 0,
      editable: false,
      status: 'ok',
      range: entry ? nodeRange(region, entry.value ?? entry.key) : whereToAdd,
    };
    if (spec?.description !== undefined) field.help = spec.description;
    if (spec?.enum !== undefined) field.options = [...spec.enum];
    if (secrets.has(name)) {
      // The value of a credential never enters the model, whatever it is.
      field.value = { kind: 'secret' };
      if (entry) {
        field.status = 'secret-inline';
        field.problem = messages.secretInline(name, integration);
      }
      return field;
    }
    field.value = sendValue(entry?.value);
    const own = entries[0]?.value;
    field.editable =
      spec !== undefined &&
      send.params !== undefined &&
      fromTemplate.length === 0 &&
      (own === undefined || (spec.enum !== undefined && isConstant(own)));
    if (!entry) {
      // Without a params map the diagnostics report the send's shape, not its fields; so does the form.
      if (spec?.mandatory && send.params) {
        field.status = 'missing';
        field.problem = messages.missingMandatoryFields(integration, messageName, [name]);
      }
    } else if (message && !spec) {
      field.status = 'unknown';
      // As the analyser does: suggest only fields the map does not hold yet.
      const candidates = message.fields.map((f) => f.name).filter((f) => !byName.has(f));
      field.problem = messages.unknownField(name, messageName, suggestionsFor(name, candidates)[0]);
    } else if (spec?.enum?.length && entry.value?.kind === 'string' && entry.value.closed && !spec.enum.includes(entry.value.value)) {
      field.status = 'invalid-enum';
      field.problem = messages.invalidEnumValue(entry.value.value, name, spec.enum, suggestionsFor(entry.value.value, spec.enum)[0]);
    } else if (entries.length > 1) {
      field.status = 'duplicate';
      field.problem = messages.duplicateField(name);
    }
    return field;
  };

  for (const spec of message?.fields ?? []) fields.push(fieldModel(spec.name, spec));
  // Then what the code passes that the message does not declare, in source order.
  for (const name of new Set([...byName.keys(), ...templated.keys()])) {
    if (!message?.field(name)) fields.push(fieldModel(name, undefined));
  }
  return fields;
}

function groupEntries(entries: readonly MapEntry[]): Map<string, MapEntry[]> {
  const groups = new Map<string, MapEntry[]>();
  for (const entry of entries) {
    const name = keyName(entry.key);
    if (name === undefined) continue;
    const group = groups.get(name);
    if (group) group.push(entry);
    else groups.set(name, [entry]);
  }
  return groups;
}

/** The integration and message words, where the diagnostics about the send as a whole stand. */
function sendWordsRange(send: SendInfo): Range {
  const first: FlowNode = send.integration?.node ?? send.form;
  const last: FlowNode = send.message?.node ?? send.integration?.node ?? send.form;
  return send.region.range(first.start, last.end);
}

function error(code: FlowCode, message: string, range: Range): FormProblem {
  return { message, severity: defaultSeverity[code], code, range };
}

export function isFlowDocument(doc: TextDocument): boolean {
  const kind = documentKind(doc.uri, doc.languageId);
  return kind === 'flow' || kind === 'pattern';
}

/** A value the form may overwrite: a constant, not something the author computes. */
export function isConstant(node: FlowNode): boolean {
  return node.kind === 'string' || node.kind === 'number' || node.kind === 'nil' || node.kind === 'boolean';
}
