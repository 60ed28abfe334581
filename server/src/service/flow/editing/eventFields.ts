// The event fields a 4.2 region names in its event maps (`(event {:type "order" :total (> 100)})`
// names `type` and `total`): completion offers them as `$type`, `$total`.
import { FlowRegion } from '../embedding/region';
import { grammar42 } from '../analysis/grammar/grammar';
import { FlowNode, isContainer, keyName, operatorOf } from '../syntax/tree';

/** The keys of every criteria map in the region, once each, in source order: worked out once per tree. */
export function eventFieldsOf(region: FlowRegion): string[] {
  const cached = region.tree.eventFields;
  if (cached !== undefined) return cached;
  const names = new Set<string>();
  const stack: FlowNode[] = [];
  for (let i = region.tree.forms.length - 1; i >= 0; i--) stack.push(region.tree.forms[i]);
  while (stack.length > 0) {
    const node = stack.pop() as FlowNode;
    if (!isContainer(node)) continue;
    const op = operatorOf(node);
    const criteria = node.kind === 'list' && op !== undefined ? grammar42.named(op).find((s) => s.args[0]?.kind === 'criteria') : undefined;
    const map = criteria === undefined ? undefined : node.children[1];
    if (map?.kind === 'map') {
      for (const entry of map.entries) {
        const name = keyName(entry.key);
        if (name !== undefined) names.add(name);
      }
    }
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
  const fields = [...names];
  region.tree.eventFields = fields;
  return fields;
}
