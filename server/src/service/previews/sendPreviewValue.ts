// What a value in a send's params map says about where the field's value comes from.
import { FlowNode, operatorOf, taggedForm } from '../flow/syntax/tree';
import { SendValue } from './previewModel';
import type { DialectVersion } from '../flow/analysis/grammar/signature';

/** `dialect`: the interaction's (a 4.2 verb reads `$x` as an event field, 4.1 as a response value). */
export function sendValue(node: FlowNode | undefined, dialect: DialectVersion = '4.1'): SendValue {
  if (node === undefined) return { kind: 'empty' };
  switch (node.kind) {
    case 'string':
      return { kind: 'constant', text: node.value };
    case 'number':
      return { kind: 'constant', text: node.text };
    case 'boolean':
      return { kind: 'constant', text: String(node.value) };
    case 'nil':
      return { kind: 'constant', text: 'nil' };
    case 'keyword':
      return { kind: 'constant', text: `:${node.name}` };
    case 'event':
      return { kind: 'event-field', field: node.name };
    case 'template':
      return { kind: 'message-template', name: node.name };
    case 'response':
      return dialect === '4.2' ? { kind: 'event-field', field: node.name } : { kind: 'response', name: node.name };
    case 'symbol':
      return { kind: 'variable', name: node.name };
    // Only the shape of an expression is shown, never its text: it may hold anything.
    case 'list': {
      const op = operatorOf(node);
      return { kind: 'expression', summary: op === undefined ? '(…)' : `(${op} …)` };
    }
    case 'map':
      return { kind: 'expression', summary: '{…}' };
    case 'vector':
      return { kind: 'expression', summary: '[…]' };
    // A set of a few constants, and a tagged literal, are constants: shown as written.
    case 'set': {
      const members = node.children.length <= 8 ? node.children.map(constantText) : [undefined];
      return members.every((m) => m !== undefined) ? { kind: 'constant', text: `#{${members.join(' ')}}` } : { kind: 'expression', summary: '#{…}' };
    }
    case 'tagged': {
      const form = taggedForm(node);
      const text = form === undefined ? undefined : constantText(form);
      return text === undefined ? { kind: 'expression', summary: `#${node.tag} …` } : { kind: 'constant', text: `#${node.tag} ${text}` };
    }
  }
}

/** A constant member as flow code writes it (strings quoted); undefined for anything else. */
function constantText(node: FlowNode): string | undefined {
  switch (node.kind) {
    case 'string':
      return JSON.stringify(node.value);
    case 'number':
      return node.text;
    case 'boolean':
      return String(node.value);
    case 'nil':
      return 'nil';
    case 'keyword':
      return `:${node.name}`;
    default:
      return undefined;
  }
}
