// Checks one `send`/`await` against the definition index: the integration and its endpoint, the
// message type, and the params (mandatory, unknown, enum, secret and duplicate fields).
import { messages } from '../codes';
import { AnalysisContext } from '../analysisContext';
import { Component, definitionType, MessageType, secretParams } from '../definitions/model';
import { ProblemSink } from './problems';
import { SendForm } from './sends';
import { suggestionsFor } from './suggestions';
import { FlowNode, keyName, MapNode } from './tree';

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

/**
 * Checks the fields of one params map (the send's own or a template's); adds the names present to
 * `provided`. Arrays, not sets: a params map holds a handful of fields, and there is one per send.
 */
function checkFields(
  map: MapNode,
  integration: string,
  message: MessageType,
  secrets: Set<string>,
  sink: ProblemSink,
  provided: string[],
): void {
  // The names of this map and, at the same index, the key where each first appears.
  const names: string[] = [];
  const firstKeys: FlowNode[] = [];
  for (const entry of map.entries) {
    const name = keyName(entry.key);
    if (name === undefined || name === '') continue;
    const key = entry.key;
    const seenAt = names.indexOf(name);
    if (seenAt >= 0) {
      const first = firstKeys[seenAt];
      sink({
        code: 'duplicate-field',
        start: key.start,
        end: key.end,
        message: messages.duplicateField(name),
        data: { field: name },
        dataRanges: { firstRange: { start: first.start, end: first.end } },
      });
    } else {
      names.push(name);
      firstKeys.push(key);
      if (!provided.includes(name)) provided.push(name);
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
        message.fields.map((f) => f.name).filter((f) => !names.includes(f) || f === name),
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
  const provided: string[] = [];
  if (send.params) checkFields(send.params, integration, message, secrets, sink, provided);
  for (const map of send.templates) checkFields(map, integration, message, secrets, sink, provided);
  // Without a params map the shape error says it all; listing every field would only add noise.
  if (send.params === undefined) return;
  const missing = message.fields.filter((f) => f.mandatory && !provided.includes(f.name)).map((f) => f.name);
  if (missing.length === 0) return;
  const from = send.integrationNode as FlowNode;
  const to = send.messageNode as FlowNode;
  sink({
    code: 'missing-mandatory-field',
    start: from.start,
    end: to.end,
    message: messages.missingMandatoryFields(integration, message.name, missing),
    data: { integration, message: message.name, missing, paramsClosed: send.params.closed },
    dataRanges: { paramsRange: { start: send.params.start, end: send.params.end } },
  });
}
