// The names a Mustache text can read where a flow renders it (`{{name}}` in a template it names
// with `+TM1`, or in an inline `(template "...")` string): the variables in scope at that point and
// the event fields the pattern names (`$field` and `*field*` uses, the keys of 4.2 event maps, the
// fields 4.1 event predicates compare), as the simulator's view holds them.
import { DialectVersion } from '../analysis/grammar/signature';
import { variablesAt } from '../analysis/variables';
import { FlowRegion } from '../embedding/region';
import { FlowNode, indexInParent, isContainer, operatorOf } from '../syntax/tree';
import { eventFieldsOf } from './eventFields';

export interface TemplateName {
  name: string;
  /** `response-value`: 4.1's `$field`, a field of the response of the send around it. */
  kind: 'variable' | 'event-field' | 'response-value';
  /** Where it comes from, in words (`bound by let on line 4`, `event field`). */
  detail: string;
}

const comparisons = new Set(['=', '>', '<', 'contains']);

/** Fields the region's code names, once each, in source order (a work list: any depth); in 4.1, `$field` is a response value. */
function namedFields(region: FlowRegion, dialect: DialectVersion): Map<string, TemplateName['kind']> {
  const names = new Map<string, TemplateName['kind']>();
  if (dialect === '4.2') for (const name of eventFieldsOf(region)) names.set(name, 'event-field');
  const add = (name: string, kind: TemplateName['kind']) => {
    if (!names.has(name)) names.set(name, kind);
  };
  const stack: FlowNode[] = [];
  for (let i = region.tree.forms.length - 1; i >= 0; i--) stack.push(region.tree.forms[i]);
  while (stack.length > 0) {
    const node = stack.pop() as FlowNode;
    if (node.kind === 'response') add(node.name, dialect === '4.1' ? 'response-value' : 'event-field');
    if (node.kind === 'event') add(node.name, 'event-field');
    if (!isContainer(node)) continue;
    // 4.1: `(event (= CallAction "abandoned"))` compares the event's field `CallAction`.
    if (dialect === '4.1' && node.kind === 'list' && comparisons.has(operatorOf(node) ?? '') && node.children[1]?.kind === 'symbol') {
      add(node.children[1].name, 'event-field');
    }
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
  return names;
}

/** 4.1's `(set name ...)` variables of the region, in source order, each with the lines that set it. */
function setVariables(region: FlowRegion): Map<string, number[]> {
  const found = new Map<string, number[]>();
  const stack: FlowNode[] = [];
  for (let i = region.tree.forms.length - 1; i >= 0; i--) stack.push(region.tree.forms[i]);
  while (stack.length > 0) {
    const node = stack.pop() as FlowNode;
    if (!isContainer(node)) continue;
    const target = node.children[1];
    if (node.kind === 'list' && operatorOf(node) === 'set' && target?.kind === 'symbol') {
      const line = region.position(node.start).line + 1;
      const lines = found.get(target.name);
      if (lines === undefined) found.set(target.name, [line]);
      else if (lines[lines.length - 1] !== line) lines.push(line);
    }
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
  return found;
}

/** `line 4`, `lines 4 and 6`, `lines 1, 4 and 6`. */
function linesText(lines: number[]): string {
  if (lines.length === 1) return `line ${lines[0]}`;
  return `lines ${lines.slice(0, -1).join(', ')} and ${lines[lines.length - 1]}`;
}

/** The names in scope where `node` (a `+TM1` or an inline template string) is rendered. */
export function templateNamesAt(region: FlowRegion, node: FlowNode, dialect: DialectVersion): TemplateName[] {
  const names: TemplateName[] = [];
  const seen = new Set<string>();
  const add = (name: TemplateName) => {
    if (seen.has(name.name)) return;
    seen.add(name.name);
    names.push(name);
  };
  if (dialect === '4.2') {
    const container = node.parent;
    const index = container === undefined ? region.tree.forms.indexOf(node) : indexInParent(node);
    for (const binding of variablesAt(region, container, index, node.start)) {
      add({ name: binding.name, kind: 'variable', detail: `bound by ${operatorOf(binding.form) ?? binding.rule} on line ${region.position(binding.node.start).line + 1}` });
    }
  } else {
    // 4.1's variables belong to the whole pattern: every `set` of the region counts.
    for (const [name, lines] of setVariables(region)) add({ name, kind: 'variable', detail: `set on ${linesText(lines)}` });
  }
  for (const [field, kind] of namedFields(region, dialect)) add({ name: field, kind, detail: kind === 'event-field' ? 'event field' : 'response value' });
  return names;
}
