// Hover in definition files: on a param name anywhere, what the file says of it (label, password,
// which components list and redact it); elsewhere, the schema's description from the JSON service.
import { Hover, MarkupKind, Position } from 'vscode-languageserver-types';
import { nodeAt, pathOf, rangeOf } from '../json';
import { schemaHover } from '../jsonService';
import { DefinitionDocument } from './definitionDocument';
import { Component, Definition } from './model';
import { paramListAt } from './paramLists';

export async function hoverDefinition(parsed: DefinitionDocument, position: Position): Promise<Hover | null> {
  const doc = parsed.document;
  const node = nodeAt(parsed.json.root, doc.offsetAt(position));
  if (node?.type === 'string' && isParamName(node)) {
    return {
      contents: { kind: MarkupKind.Markdown, value: describeParam(parsed.definition, node.value) },
      range: rangeOf(doc, node),
    };
  }
  return schemaHover(doc, 'definition', position, parsed.json);
}

function isParamName(node: import('vscode-json-languageservice').StringASTNode): boolean {
  if (paramListAt(node)?.item === node) return true;
  // `"param": "<name>"` inside a schema entry (the integration's or the listener's).
  const property = node.parent;
  if (property?.type !== 'property' || property.keyNode.value !== 'param' || property.valueNode !== node) return false;
  const path = pathOf(node);
  return (path.length === 3 && path[0] === 'schema') || (path.length === 4 && path[0] === 'listener' && path[1] === 'schema');
}

function describeParam(def: Definition, param: string): string {
  const lines = [`**param \`${param}\`**`, ''];
  // Stryker disable next-line ArrayDeclaration: an entry that is no schema entry has no param, so the filter drops it.
  const entries = [...def.schema.map((s) => ({ s, where: 'configuration form' })), ...(def.listener?.schema ?? []).map((s) => ({ s, where: 'listener form' }))].filter(
    (e) => e.s.param === param,
  );
  if (entries.length === 0) lines.push('- not declared by any schema: no form collects it');
  for (const { s, where } of entries) {
    lines.push(`- ${where}: label "${s.label ?? ''}"${s.password ? ', **password** (masked)' : ', shown in clear'}`);
  }
  for (const component of [def.endpoint, def.listener]) {
    if (component) lines.push(`- ${componentSummary(component, param)}`);
  }
  return lines.join('\n');
}

function componentSummary(component: Component, param: string): string {
  // Stryker disable next-line ArrayDeclaration: an item that is no located string has no value equal to a param.
  const has = (list: { value: string }[] | undefined) => (list ?? []).some((p) => p.value === param);
  if (!has(component.params) && !has(component.staticParams) && !has(component.redact)) return `${component.kind}: not used`;
  const facts = [
    has(component.params) ? 'in params' : 'not in params',
    has(component.staticParams) ? 'static' : undefined,
    has(component.redact) ? 'redacted' : 'not redacted',
  ].filter((f) => f !== undefined);
  return `${component.kind}: ${facts.join(', ')}`;
}
