// The parts of a `send`/`await` form, read positionally from the tree: what the analyser checks
// and what form previews and references iterate over.
import { Range } from 'vscode-languageserver-types';
import { FlowRegion, nodeRange } from '../embedding/region';
import { FlowNode, isContainer, ListNode, MapEntry, MapNode, operatorOf, SymbolNode } from '../syntax/tree';

export type SendOperator = 'send' | 'await';

/** A `send`/`await` form split into its parts; any part may be missing in half-typed code. */
export interface SendForm {
  form: ListNode;
  operator: SendOperator;
  operatorNode: SymbolNode;
  /** The word in integration position (a symbol in well-formed code). */
  integrationNode?: FlowNode;
  /** The word in message position. */
  messageNode?: FlowNode;
  /** Whatever stands in params position (a map in well-formed code). */
  paramsNode?: FlowNode;
  /** `paramsNode` when it is a map. */
  params?: MapNode;
  /** The params maps of `(template {...})` options: their fields count as provided. */
  templates: MapNode[];
  /** The forms after the params position: option lists, or anything misplaced there. */
  rest: FlowNode[];
}

export function isSendForm(node: FlowNode): node is ListNode {
  const op = operatorOf(node);
  return op === 'send' || op === 'await';
}

/** Splits a `send`/`await` list into its parts; undefined for any other list. */
export function readSendForm(list: ListNode): SendForm | undefined {
  const op = operatorOf(list);
  if (op !== 'send' && op !== 'await') return undefined;
  const children = list.children;
  const paramsNode = children[3];
  const rest = children.length > 4 ? children.slice(4) : [];
  const templates: MapNode[] = [];
  for (const option of rest) {
    if (option.kind === 'list' && option.children[1]?.kind === 'map' && operatorOf(option) === 'template') {
      templates.push(option.children[1]);
    }
  }
  return {
    form: list,
    operator: op,
    operatorNode: children[0] as SymbolNode,
    integrationNode: children[1],
    messageNode: children[2],
    paramsNode,
    params: paramsNode?.kind === 'map' ? paramsNode : undefined,
    templates,
    rest,
  };
}

/** A named word of a send with its document range. */
export interface NamedPart {
  name: string;
  node: FlowNode;
  range: Range;
}

/** A send as editor features see it: names, document ranges and the params. */
export interface SendInfo {
  region: FlowRegion;
  form: ListNode;
  operator: SendOperator;
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
  /** Every list after the params position (`retries`, `within`, `template`, `success`, ...). */
  options: ListNode[];
}

function named(region: FlowRegion, node: FlowNode | undefined): NamedPart | undefined {
  if (node?.kind !== 'symbol') return undefined;
  return { name: node.name, node, range: nodeRange(region, node) };
}

export function sendInfo(region: FlowRegion, send: SendForm): SendInfo {
  return {
    region,
    form: send.form,
    operator: send.operator,
    range: nodeRange(region, send.form),
    integration: named(region, send.integrationNode),
    message: named(region, send.messageNode),
    params: send.params,
    entries: send.params?.entries ?? [],
    templateEntries: send.templates.flatMap((t) => t.entries),
    options: send.rest.filter((n): n is ListNode => n.kind === 'list'),
  };
}

/** Calls `visit` for every `send`/`await` list anywhere in the region, in source order. Iterative. */
export function forEachSendForm(region: FlowRegion, visit: (send: SendForm) => void): void {
  const stack: FlowNode[] = [];
  for (let i = region.tree.forms.length - 1; i >= 0; i--) stack.push(region.tree.forms[i]);
  while (stack.length > 0) {
    const node = stack.pop() as FlowNode;
    if (!isContainer(node)) continue;
    if (node.kind === 'list') {
      const send = readSendForm(node);
      if (send) visit(send);
    }
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
}
