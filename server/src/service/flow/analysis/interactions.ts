// The interaction forms of the flow language (4.1's `send` and `await`, 4.2's `fetch`, `perform`,
// `create`, `update`, `delete`), read positionally from the tree: what the send check takes, and
// what previews, references and the outline iterate over. A new verb is one entry of
// `interactionVerbs`, which its dialect's grammar table takes; everything downstream reads the entry.
import { Range } from 'vscode-languageserver-types';
import { FlowRegion, nodeRange } from '../embedding/region';
import type { DialectVersion } from './grammar/signature';
import { FlowNode, isContainer, ListNode, MapEntry, MapNode, nodeAt, operatorOf, SymbolNode } from '../syntax/tree';

export interface InteractionVerb {
  name: string;
  /** The dialect whose verb it is. */
  dialect: DialectVersion;
  /** The shape the arity diagnostic quotes. */
  shape: string;
  /**
   * The params map may be left out (`(create salesforce case)`): every mandatory field is then
   * missing. Where it is required, whatever stands in its position is read as the params.
   */
  paramsOptional: boolean;
  /** Where its `$response` values are in scope: its `success` block, or all of its options (`await`). */
  responseScope: 'success' | 'options';
}

const verb = (name: string, dialect: DialectVersion, shape: string, paramsOptional: boolean, responseScope: InteractionVerb['responseScope']): InteractionVerb => ({
  name,
  dialect,
  shape,
  paramsOptional,
  responseScope,
});

const verb42 = (name: string) => verb(name, '4.2', `(${name} <integration> <message> {<params>}? <options>*)`, true, 'success');

/**
 * The interaction verbs of both dialects, by operator name. Editor features that follow the
 * definitions (references, outline, previews) read any of them; the analyser takes only its
 * dialect's, from the grammar.
 */
export const interactionVerbs: ReadonlyMap<string, InteractionVerb> = new Map([
  ['send', verb('send', '4.1', '(send <integration> <message> {<params>} <options>*)', false, 'success')],
  ['await', verb('await', '4.1', '(await <integration> <message> {<params>} <options>*)', false, 'options')],
  ...['fetch', 'perform', 'create', 'update', 'delete'].map((name): [string, InteractionVerb] => [name, verb42(name)]),
]);

/** An interaction form split into its parts; any part may be missing in half-typed code. */
export interface Interaction {
  list: ListNode;
  verb: InteractionVerb;
  operatorNode: SymbolNode;
  /** The word in integration position (a symbol in well-formed code). */
  integrationNode?: FlowNode;
  /** The word in message position. */
  messageNode?: FlowNode;
  /** Whatever stands in params position (a map in well-formed code); for an optional map, only a map. */
  paramsNode?: FlowNode;
  /** `paramsNode` when it is a map. */
  params?: MapNode;
  /** The params maps of `(template {...})` options: their fields count as provided. */
  templates: readonly MapNode[];
  /** The forms after the params position: option lists, or anything misplaced there. */
  rest: readonly FlowNode[];
}

/** Shared by interactions without options; not frozen, as V8 iterates a frozen array through an iterator object. */
const none: readonly never[] = [];

/** The verb of a list whose operator is an interaction verb. */
export function interactionVerbOf(list: FlowNode, verbs: ReadonlyMap<string, InteractionVerb> = interactionVerbs): InteractionVerb | undefined {
  const op = operatorOf(list);
  return op === undefined ? undefined : verbs.get(op);
}

/** Splits an interaction list into its parts; undefined for any other list. */
export function readInteraction(list: ListNode, verbs: ReadonlyMap<string, InteractionVerb> = interactionVerbs): Interaction | undefined {
  const verb = interactionVerbOf(list, verbs);
  if (verb === undefined) return undefined;
  const children = list.children;
  const third = children[3];
  const hasParams = third !== undefined && (!verb.paramsOptional || third.kind === 'map');
  const paramsNode = hasParams ? third : undefined;
  const optionsFrom = hasParams ? 4 : 3;
  // Most interactions have no options: they share one empty list (read, never added to).
  const rest: readonly FlowNode[] = children.length > optionsFrom ? children.slice(optionsFrom) : none;
  let templates: MapNode[] | undefined;
  for (const option of rest) {
    if (option.kind === 'list' && option.children[1]?.kind === 'map' && operatorOf(option) === 'template') {
      (templates ??= []).push(option.children[1]);
    }
  }
  return {
    list,
    verb,
    operatorNode: children[0] as SymbolNode,
    integrationNode: children[1],
    messageNode: children[2],
    paramsNode,
    params: paramsNode?.kind === 'map' ? paramsNode : undefined,
    templates: templates ?? none,
    rest,
  };
}

/** The interaction whose params map, or one of whose `(template {...})` maps, `map` is. */
export function interactionOfMap(map: MapNode, verbs: ReadonlyMap<string, InteractionVerb> = interactionVerbs): Interaction | undefined {
  const parent = map.parent;
  if (parent?.kind !== 'list') return undefined;
  const direct = readInteraction(parent, verbs);
  if (direct !== undefined) return direct.params === map ? direct : undefined;
  const grand = parent.parent;
  if (operatorOf(parent) === 'template' && parent.children[1] === map && grand?.kind === 'list') {
    const owner = readInteraction(grand, verbs);
    if (owner !== undefined && owner.templates.includes(map)) return owner;
  }
  return undefined;
}

/** A named word of an interaction with its document range. */
export interface NamedPart {
  name: string;
  node: FlowNode;
  range: Range;
}

/** An interaction as editor features see it: its parts, names and document ranges. */
export interface InteractionInfo {
  region: FlowRegion;
  interaction: Interaction;
  /** Document range of the whole form. */
  range: Range;
  /** Present when the integration position holds a plain name. */
  integration?: NamedPart;
  message?: NamedPart;
  params?: MapNode;
  /** Entries of the params map (empty without one). */
  entries: MapEntry[];
  /** Entries of every `(template {...})` option. */
  templateEntries: MapEntry[];
}

function named(region: FlowRegion, node: FlowNode | undefined): NamedPart | undefined {
  if (node?.kind !== 'symbol') return undefined;
  return { name: node.name, node, range: nodeRange(region, node) };
}

export function interactionInfo(region: FlowRegion, interaction: Interaction): InteractionInfo {
  return {
    region,
    interaction,
    range: nodeRange(region, interaction.list),
    integration: named(region, interaction.integrationNode),
    message: named(region, interaction.messageNode),
    params: interaction.params,
    entries: interaction.params?.entries ?? [],
    templateEntries: interaction.templates.flatMap((t) => t.entries),
  };
}

/** Calls `visit` for every interaction anywhere in the region, in source order. Iterative. */
export function forEachInteraction(region: FlowRegion, visit: (interaction: Interaction) => void): void {
  const stack: FlowNode[] = [];
  for (let i = region.tree.forms.length - 1; i >= 0; i--) stack.push(region.tree.forms[i]);
  while (stack.length > 0) {
    const node = stack.pop() as FlowNode;
    if (!isContainer(node)) continue;
    if (node.kind === 'list') {
      const interaction = readInteraction(node);
      if (interaction) visit(interaction);
    }
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
}

/** The child of a container that opens exactly at `offset` (`nodeAt` sees only a container's inside). */
function childOpeningAt(children: readonly FlowNode[], offset: number): FlowNode | undefined {
  let lo = 0;
  let hi = children.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const start = children[mid].start;
    if (start === offset) return isContainer(children[mid]) ? children[mid] : undefined;
    if (start < offset) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

/**
 * The innermost interaction at a code offset: one whose inside holds it, or whose opening bracket
 * it stands at (a form's position is its `(`, also for a send nested in another's options or
 * params); a top-level one also at its closing bracket.
 */
export function interactionAt(region: FlowRegion, offset: number): Interaction | undefined {
  const forms = region.tree.forms;
  let node = nodeAt(region.tree, offset);
  if (node === undefined) node = forms.find((f) => f.start === offset || f.end === offset);
  else if (isContainer(node)) node = childOpeningAt(node.children, offset) ?? node;
  for (; node !== undefined; node = node.parent) {
    const interaction = node.kind === 'list' ? readInteraction(node) : undefined;
    if (interaction !== undefined) return interaction;
  }
  return undefined;
}
