// Builds the `Definition` model from a parsed JSON tree, reading whatever parts are well formed.
// Ranges come from line starts of a snapshot of the text, found once with indexOf: a large
// definition has tens of thousands of field ranges.
import type { ASTNode } from 'vscode-json-languageservice';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { asArray, asObject, asString, property, valueOf } from '../json';
import { Range } from 'vscode-languageserver-types';
import { Component, ComponentKind, Definition, Located, MessageField, MessageType, SchemaParam } from './model';
import { TextPositions } from './positions';

export function readDefinition(document: TextDocument, root: ASTNode | undefined, builtin: boolean): Definition {
  const top = asObject(root);
  const definition: Definition = { uri: document.uri, builtin, schema: [] };
  if (!top) return definition;
  const doc = new TextPositions(document.getText());
  definition.type = located(doc, valueOf(top, 'type'));
  definition.display = located(doc, valueOf(top, 'display'));
  definition.schema = readSchema(doc, valueOf(top, 'schema'));
  definition.endpoint = readComponent(doc, top, 'endpoint');
  definition.listener = readComponent(doc, top, 'listener');
  return definition;
}

function located(doc: TextPositions, node: ASTNode | undefined): Located | undefined {
  const s = asString(node);
  return s ? { value: s.value, range: doc.range(s) } : undefined;
}

function locatedList(doc: TextPositions, node: ASTNode | undefined): Located[] | undefined {
  const array = asArray(node);
  if (!array) return undefined;
  const result: Located[] = [];
  for (const item of array.items) {
    const l = located(doc, item);
    if (l) result.push(l);
  }
  return result;
}

function readSchema(doc: TextPositions, node: ASTNode | undefined): SchemaParam[] {
  const result: SchemaParam[] = [];
  // Stryker disable next-line ArrayDeclaration: a list of anything but objects reads as no entries.
  for (const item of asArray(node)?.items ?? []) {
    const entry = asObject(item);
    const param = asString(valueOf(entry, 'param'));
    if (!entry || !param) continue;
    const typeProperty = property(entry, 'type');
    result.push({
      param: param.value,
      label: asString(valueOf(entry, 'label'))?.value,
      password: asString(typeProperty?.valueNode)?.value === 'password',
      paramRange: doc.range(param),
      entryRange: doc.range(entry),
      typeRange: typeProperty?.valueNode ? doc.range(typeProperty.valueNode) : undefined,
    });
  }
  return result;
}

function readComponent(doc: TextPositions, top: ASTNode, kind: ComponentKind): Component | undefined {
  const prop = property(top, kind);
  const value = asObject(prop?.valueNode);
  if (!prop || !value) return undefined;
  const redactNode = asArray(valueOf(value, 'redact'));
  const sends = kind === 'endpoint' ? readSends(doc, valueOf(value, 'sends')) : [];
  const byName = new Map(sends.map((m) => [m.name, m]));
  return {
    kind,
    keyRange: doc.range(prop.keyNode),
    valueRange: doc.range(value),
    name: located(doc, valueOf(value, 'name')),
    type: located(doc, valueOf(value, 'type')),
    display: located(doc, valueOf(value, 'display')),
    params: locatedList(doc, valueOf(value, 'params')) ?? [],
    staticParams: locatedList(doc, valueOf(value, 'static-params')),
    redact: locatedList(doc, redactNode),
    redactRange: redactNode ? doc.range(redactNode) : undefined,
    sends,
    message: (name) => byName.get(name),
    schema: kind === 'listener' && valueOf(value, 'schema') ? readSchema(doc, valueOf(value, 'schema')) : undefined,
  };
}

/**
 * A field of a `sends` message whose key range is placed when first asked for: a large definition
 * has tens of thousands of fields, whose ranges only navigation and previews ever read.
 */
class ReadField implements MessageField {
  readonly #positions: TextPositions;
  readonly #keyOffset: number;
  readonly #keyLength: number;

  constructor(
    readonly name: string,
    readonly kind: string | undefined,
    readonly description: string | undefined,
    readonly enumValues: string[] | undefined,
    positions: TextPositions,
    key: ASTNode,
  ) {
    this.#positions = positions;
    this.#keyOffset = key.offset;
    this.#keyLength = key.length;
  }

  get mandatory(): boolean {
    return this.kind === 'mandatory';
  }

  get enum(): string[] | undefined {
    return this.enumValues;
  }

  get keyRange(): Range {
    return this.#positions.range({ offset: this.#keyOffset, length: this.#keyLength });
  }
}

function readSends(doc: TextPositions, node: ASTNode | undefined): MessageType[] {
  const messages: MessageType[] = [];
  for (const messageProp of asObject(node)?.properties ?? []) {
    const fields: MessageField[] = [];
    for (const fieldProp of asObject(messageProp.valueNode)?.properties ?? []) {
      const spec = asObject(fieldProp.valueNode);
      const kind = asString(valueOf(spec, 'type'))?.value;
      const enumNode = asArray(valueOf(spec, 'enum'));
      const values = enumNode ? enumNode.items.flatMap((i) => (i.type === 'string' ? [i.value] : [])) : undefined;
      fields.push(new ReadField(fieldProp.keyNode.value, kind, asString(valueOf(spec, 'description'))?.value, values, doc, fieldProp.keyNode));
    }
    let byName: Map<string, MessageField> | undefined;
    messages.push({
      name: messageProp.keyNode.value,
      keyRange: doc.range(messageProp.keyNode),
      fields,
      field: (name) => (byName ??= new Map(fields.map((f) => [f.name, f]))).get(name),
    });
  }
  return messages;
}
