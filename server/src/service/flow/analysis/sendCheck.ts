// Checks one `send`/`await` against the definition index: the integration and its endpoint, the
// message type, and the params (mandatory, unknown, enum, secret and duplicate fields).
import { messages } from '../../codes';
import { AnalysisContext } from '../../analysisContext';
import { Component, definitionType, MessageType, secretParams } from '../../definitions/model';
import { ProblemSink } from './problems';
import { SendForm } from './sends';
import { suggestionsFor } from './suggestions';
import { FlowNode, keyName, MapEntry, MapNode } from '../syntax/tree';

/** Where the shape of the send is wrong; the definition checks below run on what is there. */
function checkShape(send: SendForm, sink: ProblemSink): void {
  const { operator, operatorNode, integrationNode, messageNode, paramsNode } = send;
  const shape = operator === 'send' ? '(send <integration> <message> {<params>} <options>*)' : '(await <integration> <message> {<params>} <options>*)';
  if (integrationNode === undefined || messageNode === undefined || paramsNode === undefined) {
    sink({ code: 'arity', start: operatorNode.start, end: operatorNode.end, message: messages.formShape(operator, shape) });
  }
  if (integrationNode !== undefined && integrationNode.kind !== 'symbol') {
    sink({ code: 'arity', start: integrationNode.start, end: integrationNode.end, message: messages.notAName('an integration') });
  }
  if (messageNode !== undefined && messageNode.kind !== 'symbol') {
    sink({ code: 'arity', start: messageNode.start, end: messageNode.end, message: messages.notAName('a message type') });
  }
  if (paramsNode !== undefined && paramsNode.kind !== 'map') {
    sink({ code: 'arity', start: paramsNode.start, end: paramsNode.end, message: messages.paramsNotMap(operator) });
  }
}

/** The endpoint the send goes through, after reporting a missing integration or endpoint. */
function resolveEndpoint(send: SendForm, ctx: AnalysisContext, sink: ProblemSink): Component | undefined {
  const node = send.integrationNode;
  if (node?.kind !== 'symbol') return undefined;
  const definition = ctx.lookup(node.name);
  if (definition?.endpoint !== undefined) return definition.endpoint;
  if (definition !== undefined) {
    sink({
      code: 'unknown-integration',
      start: node.start,
      end: node.end,
      message: messages.integrationWithoutEndpoint(node.name),
      data: { integration: node.name, suggestions: [] },
    });
    return undefined;
  }
  const candidates: string[] = [];
  for (const d of ctx.visible()) {
    const type = definitionType(d);
    if (type !== undefined && d.endpoint !== undefined) candidates.push(type);
  }
  const suggestions = suggestionsFor(node.name, candidates);
  sink({
    code: 'unknown-integration',
    start: node.start,
    end: node.end,
    message: messages.unknownIntegration(node.name, suggestions[0]),
    data: { integration: node.name, suggestions },
  });
  return undefined;
}

function resolveMessage(send: SendForm, endpoint: Component, sink: ProblemSink): MessageType | undefined {
  const node = send.messageNode;
  const integration = send.integrationNode;
  if (node?.kind !== 'symbol' || integration?.kind !== 'symbol') return undefined;
  const message = endpoint.message(node.name);
  if (message !== undefined) return message;
  const suggestions = suggestionsFor(
    node.name,
    endpoint.sends.map((m) => m.name),
  );
  sink({
    code: 'unknown-message',
    start: node.start,
    end: node.end,
    message: messages.unknownMessage(integration.name, node.name, suggestions[0]),
    data: { integration: integration.name, message: node.name, suggestions },
  });
  return undefined;
}

/** The key of the first entry before `before` named `name`, if any. */
function earlierKey(entries: readonly MapEntry[], before: number, name: string): FlowNode | undefined {
  for (let k = 0; k < before; k++) if (keyName(entries[k].key) === name) return entries[k].key;
  return undefined;
}

/** Whether a params map has an entry named `name`. */
function hasField(map: MapNode, name: string): boolean {
  return earlierKey(map.entries, map.entries.length, name) !== undefined;
}

/** Whether the send's params map or one of its `(template {...})` maps gives the field `name`. */
function provides(send: SendForm, name: string): boolean {
  if (send.params !== undefined && hasField(send.params, name)) return true;
  for (const map of send.templates) if (hasField(map, name)) return true;
  return false;
}

/**
 * Checks the fields of one params map (the send's own or a template's). Duplicates are found by
 * looking back over the entries, not with a set: a params map holds a handful of fields and there
 * is one per send, so building a set (or an array) per map costs more than the few comparisons.
 */
function checkFields(map: MapNode, integration: string, message: MessageType, secrets: Set<string>, sink: ProblemSink): void {
  const entries = map.entries;
  for (let k = 0; k < entries.length; k++) {
    const entry = entries[k];
    const name = keyName(entry.key);
    if (name === undefined || name === '') continue;
    const key = entry.key;
    const first = earlierKey(entries, k, name);
    if (first !== undefined) {
      sink({
        code: 'duplicate-field',
        start: key.start,
        end: key.end,
        message: messages.duplicateField(name),
        data: { field: name },
        dataRanges: { firstRange: { start: first.start, end: first.end } },
      });
    }

    if (secrets.has(name)) {
      sink({
        code: 'secret-inline',
        start: key.start,
        end: key.end,
        message: messages.secretInline(name, integration),
        data: { field: name, integration },
        dataRanges: { entryRange: { start: key.start, end: entry.value?.end ?? key.end } },
      });
      continue;
    }
    const field = message.field(name);
    if (field === undefined) {
      const suggestions = suggestionsFor(
        name,
        message.fields.map((f) => f.name).filter((f) => f === name || earlierKey(entries, k, f) === undefined),
      );
      sink({
        code: 'unknown-field',
        start: key.start,
        end: key.end,
        message: messages.unknownField(name, message.name, suggestions[0]),
        data: { field: name, integration, message: message.name, suggestions },
      });
      continue;
    }
    const value = entry.value;
    if (field.enum !== undefined && field.enum.length > 0 && value?.kind === 'string' && value.closed && !field.enum.includes(value.value)) {
      const suggestions = suggestionsFor(value.value, field.enum);
      sink({
        code: 'invalid-enum-value',
        start: value.start,
        end: value.end,
        message: messages.invalidEnumValue(value.value, name, field.enum, suggestions[0]),
        data: { field: name, value: value.value, allowed: field.enum, suggestions },
      });
    }
  }
}

const secretsByEndpoint = new WeakMap<Component, Set<string>>();

/** The endpoint's credential params, computed once per definition version (definitions are immutable). */
function secretsOf(endpoint: Component): Set<string> {
  let secrets = secretsByEndpoint.get(endpoint);
  if (secrets === undefined) {
    secrets = secretParams(endpoint);
    secretsByEndpoint.set(endpoint, secrets);
  }
  return secrets;
}

/** Every definition check of one send; the walk of its options and values is the analyser's. */
export function checkSend(send: SendForm, ctx: AnalysisContext, sink: ProblemSink): void {
  checkShape(send, sink);
  const endpoint = resolveEndpoint(send, ctx, sink);
  if (endpoint === undefined) return;
  const message = resolveMessage(send, endpoint, sink);
  if (message === undefined) return;
  const integration = (send.integrationNode as { name: string }).name;
  const secrets = secretsOf(endpoint);
  const params = send.params;
  if (params) checkFields(params, integration, message, secrets, sink);
  for (const map of send.templates) checkFields(map, integration, message, secrets, sink);
  // Without a params map the shape error says it all; listing every field would only add noise.
  if (params === undefined) return;
  const missing: string[] = [];
  for (const field of message.fields) if (field.mandatory && !provides(send, field.name)) missing.push(field.name);
  if (missing.length === 0) return;
  const from = send.integrationNode as FlowNode;
  const to = send.messageNode as FlowNode;
  sink({
    code: 'missing-mandatory-field',
    start: from.start,
    end: to.end,
    message: messages.missingMandatoryFields(integration, message.name, missing),
    data: { integration, message: message.name, missing, paramsClosed: params.closed },
    dataRanges: { paramsRange: { start: params.start, end: params.end } },
  });
}
