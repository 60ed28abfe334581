// Signature help inside an interaction (4.1 `send`/`await`, 4.2 `create`/`perform`/...): the
// message's fields as parameters, mandatory ones bare and optional ones in brackets, the active one
// the key being written or the field whose value holds the cursor.
import { MarkupKind, ParameterInformation, SignatureHelp, SignatureInformation } from 'vscode-languageserver-types';
import { AnalysisContext } from '../../analysisContext';
import { Definition, MessageField, MessageType, displayName } from '../../definitions/model';
import { FlowRegion } from '../embedding/region';
import { Interaction, interactionOfMap, readInteraction } from '../analysis/interactions';
import { FlowNode, MapNode, commentAt, isContainer, keyName, nodeAt } from '../syntax/tree';

/** The interaction the cursor is writing in, and the params map entry it is at (if any). */
interface InteractionAtCursor {
  interaction: Interaction;
  /** The field name being written as a key, or whose value holds the cursor. */
  field?: { name: string; partial: boolean };
}

/** Signature help at code offset `offset` of a region; null outside an interaction of a known message. */
export function signatureHelpInRegion(region: FlowRegion, offset: number, ctx: AnalysisContext): SignatureHelp | null {
  const at = interactionAtCursor(region, offset);
  const integration = at?.interaction.integrationNode;
  const messageNode = at?.interaction.messageNode;
  if (at === undefined || integration?.kind !== 'symbol' || messageNode?.kind !== 'symbol') return null;
  const definition = ctx.lookup(integration.name);
  const message = definition?.endpoint?.message(messageNode.name);
  if (definition === undefined || message === undefined) return null;
  const signature = signatureOf(at.interaction.verb.name, integration.name, definition, message);
  // Past the last parameter when no field is active: clients then highlight none.
  const active = at.field === undefined ? -1 : activeField(message.fields, at.field.name, at.field.partial);
  return { signatures: [signature], activeSignature: 0, activeParameter: active < 0 ? message.fields.length : active };
}

/** The field a key names, or for a key still being typed the first field it begins. */
function activeField(fields: readonly MessageField[], name: string, partial: boolean): number {
  const exact = fields.findIndex((f) => f.name === name);
  if (exact >= 0 || !partial || name === '') return exact;
  return fields.findIndex((f) => f.name.startsWith(name));
}

/** `(create salesforce case {:Subject [:Description]})`: each field's label is its place in the text. */
function signatureOf(verb: string, integration: string, definition: Definition, message: MessageType): SignatureInformation {
  let label = `(${verb} ${integration} ${message.name} {`;
  const parameters: ParameterInformation[] = [];
  message.fields.forEach((field, i) => {
    if (i > 0) label += ' ';
    const name = `:${field.name}`;
    const start = label.length + (field.mandatory ? 0 : 1);
    label += field.mandatory ? name : `[${name}]`;
    parameters.push({ label: [start, start + name.length], documentation: { kind: MarkupKind.Markdown, value: fieldDoc(field) } });
  });
  label += '})';
  const mandatory = message.fields.filter((f) => f.mandatory).length;
  const summary = `${displayName(definition)}: message \`${message.name}\`, ${mandatory} of ${message.fields.length} fields mandatory (optional ones in [brackets]).`;
  return { label, parameters, documentation: { kind: MarkupKind.Markdown, value: summary } };
}

function fieldDoc(field: MessageField): string {
  const lines = [field.mandatory ? '**mandatory**' : 'optional'];
  if (field.enum !== undefined) lines.push(`one of ${field.enum.map((v) => `\`"${v}"\``).join(', ')}`);
  if (field.description !== undefined) lines.push(field.description);
  return lines.join(' · ');
}

/**
 * The interaction whose params the cursor is in: going out from the cursor, the first params (or
 * template) map of an interaction, or the interaction's own list when the cursor stands directly in
 * it; a cursor inside one of its options (`(retries |)`) is not writing its params.
 */
function interactionAtCursor(region: FlowRegion, offset: number): InteractionAtCursor | undefined {
  const tree = region.tree;
  if (commentAt(tree, offset) !== undefined) return undefined;
  const at = nodeAt(tree, offset);
  if (at === undefined) return undefined;
  let child: FlowNode | undefined = isContainer(at) ? undefined : at;
  for (let node = isContainer(at) ? at : at.parent; node !== undefined; child = node, node = node.parent) {
    if (node.kind === 'map') {
      const interaction = interactionOfMap(node);
      if (interaction !== undefined) return { interaction, field: fieldAt(node, child, offset) };
    } else if (node.kind === 'list') {
      const interaction = readInteraction(node);
      if (interaction !== undefined) {
        const direct = child === undefined || child === interaction.integrationNode || child === interaction.messageNode || child === interaction.operatorNode;
        return direct ? { interaction } : undefined;
      }
    }
  }
  return undefined;
}

/** The entry of a params map at the cursor: `child` is the map's child holding it, if any. */
function fieldAt(map: MapNode, child: FlowNode | undefined, offset: number): InteractionAtCursor['field'] {
  const children = map.children;
  let index: number;
  if (child !== undefined) index = children.indexOf(child);
  else {
    // In the whitespace between children: after a key, its value is being written.
    index = 0;
    while (index < children.length && children[index].end <= offset) index++;
    if (index % 2 === 0) return undefined;
  }
  if (index < 0) return undefined;
  if (index % 2 === 0) {
    const key = children[index];
    const name = key.kind === 'symbol' ? key.name.replace(/^:/, '') : keyName(key);
    return name === undefined ? undefined : { name, partial: true };
  }
  const name = keyName(children[index - 1]);
  return name === undefined ? undefined : { name, partial: false };
}
