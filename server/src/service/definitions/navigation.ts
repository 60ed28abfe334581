// What a position in a definition file names, for "find references" into flows: the integration
// (its `type`), a `sends` message, or a field of one; and where a definition declares it.
import { Location, Position } from 'vscode-languageserver-types';
import { nodeAt, pathOf } from '../json';
import { DefinitionDocument } from './definitionDocument';
import { Definition } from './model';

export interface ReferenceTarget {
  type: string;
  message?: string;
  field?: string;
}

export function referenceTargetAt(parsed: DefinitionDocument, position: Position): ReferenceTarget | undefined {
  const doc = parsed.document;
  const type = parsed.definition.type?.value;
  const node = nodeAt(parsed.json.root, doc.offsetAt(position));
  if (type === undefined || node?.type !== 'string') return undefined;
  const path = pathOf(node);
  const property = node.parent;
  if (path.length === 1 && path[0] === 'type') return { type };
  // Only property keys under endpoint.sends name messages and fields.
  if (property?.type !== 'property' || property.keyNode !== node || path[0] !== 'endpoint' || path[1] !== 'sends') return undefined;
  if (path.length === 3) return { type, message: String(path[2]) };
  if (path.length === 4) return { type, message: String(path[2]), field: String(path[3]) };
  return undefined;
}

/** Where `definition` declares the integration, message or field of `target`. */
export function declarationOf(definition: Definition, target: ReferenceTarget): Location | undefined {
  if (target.message === undefined) return definition.type ? { uri: definition.uri, range: definition.type.range } : undefined;
  const message = definition.endpoint?.message(target.message);
  if (message === undefined) return undefined;
  if (target.field === undefined) return { uri: definition.uri, range: message.keyRange };
  const field = message.field(target.field);
  return field === undefined ? undefined : { uri: definition.uri, range: field.keyRange };
}
