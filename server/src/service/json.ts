// Small readers over the JSON service's AST: property lookup and typed values, tolerant of
// anything a half-typed file holds.
import type { ASTNode, ObjectASTNode, PropertyASTNode, StringASTNode, ArrayASTNode } from 'vscode-json-languageservice';
import { Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';

export function property(node: ASTNode | undefined, key: string): PropertyASTNode | undefined {
  if (node?.type !== 'object') return undefined;
  // The last occurrence wins, as in JSON.parse.
  for (let i = node.properties.length - 1; i >= 0; i--) {
    if (node.properties[i].keyNode.value === key) return node.properties[i];
  }
  return undefined;
}

export function valueOf(node: ASTNode | undefined, key: string): ASTNode | undefined {
  return property(node, key)?.valueNode;
}

export function asObject(node: ASTNode | undefined): ObjectASTNode | undefined {
  return node?.type === 'object' ? node : undefined;
}

export function asArray(node: ASTNode | undefined): ArrayASTNode | undefined {
  return node?.type === 'array' ? node : undefined;
}

export function asString(node: ASTNode | undefined): StringASTNode | undefined {
  return node?.type === 'string' ? node : undefined;
}

export function rangeOf(doc: TextDocument, node: { offset: number; length: number }): Range {
  return { start: doc.positionAt(node.offset), end: doc.positionAt(node.offset + node.length) };
}

/** The innermost node containing `offset` (a string's inside counts; its closing quote does too). */
export function nodeAt(root: ASTNode | undefined, offset: number): ASTNode | undefined {
  let node = root;
  if (!node || offset < node.offset || offset > node.offset + node.length) return undefined;
  // Iterative descent: definitions can nest deeply in bad input.
  for (;;) {
    const children = node.children;
    let next: ASTNode | undefined;
    if (children) {
      for (const child of children) {
        if (offset >= child.offset && offset <= child.offset + child.length) {
          next = child;
          break;
        }
      }
    }
    if (!next) return node;
    node = next;
  }
}

/** Path of property names and array indexes from the root down to `node`. */
export function pathOf(node: ASTNode): (string | number)[] {
  const path: (string | number)[] = [];
  let current: ASTNode | undefined = node;
  while (current?.parent) {
    const parent: ASTNode = current.parent;
    if (parent.type === 'property') path.unshift(parent.keyNode.value);
    else if (parent.type === 'array') path.unshift(parent.items.indexOf(current));
    current = parent;
  }
  return path;
}
