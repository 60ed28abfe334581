// Builds the `Definition` model from a parsed JSON tree, reading whatever parts are well formed.
import type { ASTNode } from 'vscode-json-languageservice';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { asArray, asObject, asString, property, rangeOf, valueOf } from '../json';
import { Component, ComponentKind, Definition, Located, MessageField, MessageType, SchemaParam } from './model';

export function readDefinition(doc: TextDocument, root: ASTNode | undefined, builtin = false): Definition {
  const top = asObject(root);
  const definition: Definition = { uri: doc.uri, builtin, schema: [] };
  if (!top) return definition;
  definition.type = located(doc, valueOf(top, 'type'));
  definition.display = located(doc, valueOf(top, 'display'));
  definition.schema = readSchema(doc, valueOf(top, 'schema'));
  definition.endpoint = readComponent(doc, top, 'endpoint');
  definition.listener = readComponent(doc, top, 'listener');
  return definition;
}

function located(doc: TextDocument, node: ASTNode | undefined): Located | undefined {
  const s = asString(node);
  return s ? { value: s.value, range: rangeOf(doc, s) } : undefined;
}

function locatedList(doc: TextDocument, node: ASTNode | undefined): Located[] | undefined {
  const array = asArray(node);
  if (!array) return undefined;
  const result: Located[] = [];
  for (const item of array.items) {
    const l = located(doc, item);
    if (l) result.push(l);
  }
  return result;
}

function readSchema(doc: TextDocument, node: ASTNode | undefined): SchemaParam[] {
  const result: SchemaParam[] = [];
  for (const item of asArray(node)?.items ?? []) {
    const entry = asObject(item);
    const param = asString(valueOf(entry, 'param'));
    if (!entry || !param) continue;
    const typeProperty = property(entry, 'type');
    result.push({
      param: param.value,
      label: asString(valueOf(entry, 'label'))?.value,
      password: asString(typeProperty?.valueNode)?.value === 'password',
      paramRange: rangeOf(doc, param),
      entryRange: rangeOf(doc, entry),
      typeRange: typeProperty?.valueNode ? rangeOf(doc, typeProperty.valueNode) : undefined,
    });
  }
  return result;
}

function readComponent(doc: TextDocument, top: ASTNode, kind: ComponentKind): Component | undefined {
  const prop = property(top, kind);
  const value = asObject(prop?.valueNode);
  if (!prop || !value) return undefined;
  const redactNode = asArray(valueOf(value, 'redact'));
  const sends = kind === 'endpoint' ? readSends(doc, valueOf(value, 'sends')) : [];
  const byName = new Map(sends.map((m) => [m.name, m]));
  return {
    kind,
    keyRange: rangeOf(doc, prop.keyNode),
    valueRange: rangeOf(doc, value),
    name: located(doc, valueOf(value, 'name')),
    type: located(doc, valueOf(value, 'type')),
    display: located(doc, valueOf(value, 'display')),
    params: locatedList(doc, valueOf(value, 'params')) ?? [],
    staticParams: locatedList(doc, valueOf(value, 'static-params')),
    redact: locatedList(doc, redactNode),
    redactRange: redactNode ? rangeOf(doc, redactNode) : undefined,
    sends,
    message: (name) => byName.get(name),
    schema: kind === 'listener' && valueOf(value, 'schema') ? readSchema(doc, valueOf(value, 'schema')) : undefined,
  };
}

function readSends(doc: TextDocument, node: ASTNode | undefined): MessageType[] {
  const messages: MessageType[] = [];
  for (const messageProp of asObject(node)?.properties ?? []) {
    const fields: MessageField[] = [];
    for (const fieldProp of asObject(messageProp.valueNode)?.properties ?? []) {
      const spec = asObject(fieldProp.valueNode);
      const kind = asString(valueOf(spec, 'type'))?.value;
      const enumNode = asArray(valueOf(spec, 'enum'));
      fields.push({
        name: fieldProp.keyNode.value,
        kind,
        mandatory: kind === 'mandatory',
        description: asString(valueOf(spec, 'description'))?.value,
        enum: enumNode ? enumNode.items.flatMap((i) => (i.type === 'string' ? [i.value] : [])) : undefined,
        keyRange: rangeOf(doc, fieldProp.keyNode),
      });
    }
    const byName = new Map(fields.map((f) => [f.name, f]));
    messages.push({
      name: messageProp.keyNode.value,
      keyRange: rangeOf(doc, messageProp.keyNode),
      fields,
      field: (name) => byName.get(name),
    });
  }
  return messages;
}
