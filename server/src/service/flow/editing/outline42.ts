// The outline of 4.2 code: globals (`def`), locals of binding forms, event collections and
// interactions, nested as written (a binding's value, an interaction's `catch`, a collection's
// events inside them); control forms (`if`, `do`, `when`, ...) add no entry of their own.
import { DocumentSymbol, SymbolKind } from 'vscode-languageserver-types';
import { FlowRegion, nodeRange } from '../embedding/region';
import { grammar42 } from '../analysis/grammar/grammar';
import { FormSignature } from '../analysis/grammar/signature';
import { readInteraction } from '../analysis/interactions';
import { FlowNode, isContainer, keyName, ListNode, operatorOf } from '../syntax/tree';
import type { OutlineBudget } from './outline';

function signatureOf(list: ListNode): FormSignature | undefined {
  const op = operatorOf(list);
  return op === undefined ? undefined : grammar42.named(op)[0];
}

function symbol(name: string, detail: string | undefined, kind: SymbolKind, region: FlowRegion, node: FlowNode, selection: FlowNode): DocumentSymbol {
  return { name, detail, kind, range: nodeRange(region, node), selectionRange: nodeRange(region, selection), children: [] };
}

/** A collection's name as written up to its first container: `within 30 days`, `times 3`, `event`. */
function headText(list: ListNode): string {
  const words: string[] = [];
  for (const child of list.children) {
    if (isContainer(child)) break;
    words.push(child.kind === 'symbol' ? child.name : child.kind === 'number' ? child.text : '…');
  }
  return words.join(' ');
}

/** Adds the outline of the given forms of a 4.2 region to `result`, while `budget` lasts. Iterative: any depth. */
export function outline42(region: FlowRegion, forms: readonly FlowNode[], result: DocumentSymbol[], budget: OutlineBudget): void {
  const stack: { node: FlowNode; into: DocumentSymbol[] }[] = [];
  for (let i = forms.length - 1; i >= 0; i--) stack.push({ node: forms[i], into: result });
  const pushChildren = (nodes: readonly FlowNode[], from: number, into: DocumentSymbol[]) => {
    for (let i = nodes.length - 1; i >= from; i--) stack.push({ node: nodes[i], into });
  };
  while (stack.length > 0 && budget.left > 0) {
    const { node, into } = stack.pop() as { node: FlowNode; into: DocumentSymbol[] };
    if (!isContainer(node)) continue;
    const signature = node.kind === 'list' ? signatureOf(node) : undefined;
    if (node.kind !== 'list' || signature === undefined) {
      pushChildren(node.children, 0, into);
      continue;
    }
    const interaction = signature.interaction !== undefined ? readInteraction(node, grammar42.verbMap) : undefined;
    const name = node.children[1];
    if (interaction !== undefined) {
      const entry = symbol(headText(node), undefined, SymbolKind.Function, region, node, node.children[0]);
      into.push(entry);
      budget.left--;
      pushChildren(node.children, 3, entry.children as DocumentSymbol[]);
    } else if (signature.binds === 'def' && name?.kind === 'symbol') {
      const entry = symbol(name.name, 'def', SymbolKind.Variable, region, node, name);
      into.push(entry);
      budget.left--;
      pushChildren(node.children, 2, entry.children as DocumentSymbol[]);
    } else if (signature.binds !== undefined && name?.kind === 'vector') {
      // Each local, with its value's entries inside it; the body's entries beside them.
      pushChildren(node.children, 2, into);
      const pairs: { node: FlowNode; into: DocumentSymbol[] }[] = [];
      for (let k = 0; k < name.children.length && budget.left > 0; k += 2) {
        const local = name.children[k];
        const value = name.children[k + 1];
        if (local.kind !== 'symbol') continue;
        const entry = symbol(local.name, signature.name, SymbolKind.Variable, region, local, local);
        if (value !== undefined) entry.range = region.range(local.start, value.end);
        into.push(entry);
        budget.left--;
        if (value !== undefined) pairs.push({ node: value, into: entry.children as DocumentSymbol[] });
      }
      for (let k = pairs.length - 1; k >= 0; k--) stack.push(pairs[k]);
    } else if (signature.places.includes('collection')) {
      const criteria = signature.args[0]?.kind === 'criteria' && name?.kind === 'map' ? name.entries.map((e) => keyName(e.key)).filter((k) => k !== undefined) : [];
      const entry = symbol(headText(node), criteria.length > 0 ? criteria.join(', ') : undefined, SymbolKind.Event, region, node, node.children[0]);
      into.push(entry);
      budget.left--;
      pushChildren(node.children, 1, entry.children as DocumentSymbol[]);
    } else {
      pushChildren(node.children, 1, into);
    }
  }
}
