// The named thing under a cursor in flow code: an operator, or an integration, message type or
// field resolved against the definitions the document sees, or a value of an enum field. Hover and
// go-to-definition start here.
import { AnalysisContext } from '../../analysisContext';
import { Definition, MessageField, MessageType } from '../../definitions/model';
import { formsAt } from './cursor';
import { Grammar, grammar41 } from '../analysis/grammar/grammar';
import { FormSignature } from '../analysis/grammar/signature';
import { FlowRegion } from '../embedding/region';
import { interactionOfMap, readInteraction } from '../analysis/interactions';
import { FlowNode, indexInParent, isContainer, keyName, mapEntryOf, nodeAt } from '../syntax/tree';

export type FlowTarget =
  | { kind: 'operator'; node: FlowNode; name: string; forms: readonly FormSignature[] }
  | { kind: 'integration'; node: FlowNode; name: string; definition: Definition }
  | { kind: 'message'; node: FlowNode; integration: string; definition: Definition; message: MessageType }
  | { kind: 'field'; node: FlowNode; integration: string; definition: Definition; message: MessageType; field: MessageField };

export function targetAt(region: FlowRegion, offset: number, ctx: AnalysisContext, grammar: Grammar = grammar41): FlowTarget | undefined {
  const node = nodeAt(region.tree, offset);
  if (node === undefined || isContainer(node)) return undefined;
  const parent = node.parent;
  if (parent?.kind === 'list') {
    const index = indexInParent(node);
    if (index === 0 && node.kind === 'symbol') {
      const here = formsAt(region, parent, grammar).filter((f) => f.name === node.name);
      const forms = here.length > 0 ? here : grammar.named(node.name);
      return forms.length === 0 ? undefined : { kind: 'operator', node, name: node.name, forms };
    }
    const interaction = readInteraction(parent);
    if (interaction === undefined || (index !== 1 && index !== 2) || node.kind !== 'symbol') return undefined;
    const integration = interaction.integrationNode;
    if (integration?.kind !== 'symbol') return undefined;
    const definition = ctx.lookup(integration.name);
    if (definition === undefined) return undefined;
    if (index === 1) return { kind: 'integration', node, name: node.name, definition };
    const message = definition.endpoint?.message(node.name);
    return message === undefined ? undefined : { kind: 'message', node, integration: integration.name, definition, message };
  }
  if (parent?.kind === 'map') {
    const entry = mapEntryOf(node);
    if (entry === undefined || !entry.isKey) return undefined;
    const name = keyName(node);
    const interaction = interactionOfMap(parent);
    const integration = interaction?.integrationNode;
    const messageNode = interaction?.messageNode;
    if (name === undefined || integration?.kind !== 'symbol' || messageNode?.kind !== 'symbol') return undefined;
    const definition = ctx.lookup(integration.name);
    const message = definition?.endpoint?.message(messageNode.name);
    const field = message?.field(name);
    if (definition === undefined || message === undefined || field === undefined) return undefined;
    return { kind: 'field', node, integration: integration.name, definition, message, field };
  }
  return undefined;
}

/** A string constant given to a field that has an `enum`, with what the field allows. */
export interface EnumValueTarget {
  node: FlowNode;
  value: string;
  integration: string;
  message: MessageType;
  field: MessageField;
}

export function enumValueAt(region: FlowRegion, offset: number, ctx: AnalysisContext, grammar: Grammar = grammar41): EnumValueTarget | undefined {
  const node = nodeAt(region.tree, offset);
  if (node?.kind !== 'string' || node.parent?.kind !== 'map') return undefined;
  const entry = mapEntryOf(node);
  const name = entry === undefined || entry.isKey ? undefined : keyName(entry.entry.key);
  const send = interactionOfMap(node.parent, grammar.verbMap);
  const integration = send?.integrationNode;
  const messageNode = send?.messageNode;
  if (name === undefined || integration?.kind !== 'symbol' || messageNode?.kind !== 'symbol') return undefined;
  const message = ctx.lookup(integration.name)?.endpoint?.message(messageNode.name);
  const field = message?.field(name);
  if (message === undefined || field?.enum === undefined) return undefined;
  return { node, value: node.value, integration: integration.name, message, field };
}
