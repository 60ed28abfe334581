// Where a position stands in a definition's param lists: the `params`, `static-params` and
// `redact` arrays of the endpoint and the listener.
import type { ASTNode, ArrayASTNode, StringASTNode } from 'vscode-json-languageservice';
import { ComponentKind } from './model';

const paramListKeys = new Set(['params', 'static-params', 'redact']);

export interface ParamListPlace {
  component: ComponentKind;
  list: string;
  array: ArrayASTNode;
  /** The string item the position is in, if any. */
  item?: StringASTNode;
}

/** The param list containing `node` (an array, or a string inside one), if any. */
export function paramListAt(node: ASTNode | undefined): ParamListPlace | undefined {
  let item: StringASTNode | undefined;
  let array: ASTNode | undefined = node;
  // Stryker disable next-line ConditionalExpression: a string under anything but an array leaves no array below either way.
  if (node?.type === 'string' && node.parent?.type === 'array') {
    item = node;
    array = node.parent;
  }
  if (array?.type !== 'array') return undefined;
  const listProperty = array.parent;
  if (listProperty?.type !== 'property' || !paramListKeys.has(listProperty.keyNode.value)) return undefined;
  // Stryker disable next-line OptionalChaining: a property's parent is always its object.
  const componentProperty = listProperty.parent?.parent;
  if (componentProperty?.type !== 'property') return undefined;
  const kind = componentProperty.keyNode.value;
  // Stryker disable next-line OptionalChaining: a property's parent is always its object.
  if ((kind !== 'endpoint' && kind !== 'listener') || componentProperty.parent?.parent !== undefined) return undefined;
  return { component: kind, list: listProperty.keyNode.value, array, item };
}
