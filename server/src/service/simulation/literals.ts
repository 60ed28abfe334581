// Forms that are data in both dialects: constants, and maps, vectors, sets and tagged literals
// whose members are evaluated by the dialect's own evaluator.
import { FlowNode, keyName, taggedForm } from '../flow/syntax/tree';
import { Value, ValueMap } from './values';

/** The value of a data form, its members evaluated with `each`; undefined for any other form. */
export function dataValue(node: FlowNode, each: (member: FlowNode) => Value): Value | undefined {
  switch (node.kind) {
    case 'string':
    case 'number':
    case 'boolean':
      return node.value;
    case 'nil':
      return null;
    case 'keyword':
      return node.name;
    case 'map': {
      const out: ValueMap = {};
      for (const e of node.entries) {
        const k = keyName(e.key);
        if (k !== undefined && e.value !== undefined) out[k] = each(e.value);
      }
      return out;
    }
    case 'vector':
    case 'set':
      return node.children.map(each);
    case 'tagged': {
      const form = taggedForm(node);
      return form === undefined ? null : each(form);
    }
    default:
      return undefined;
  }
}
