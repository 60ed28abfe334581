// What a position in a definition file names, for "find references" into flows: the integration
// (its `type`), a `sends` message, or a field of one.
import { Position } from 'vscode-languageserver-types';
import { nodeAt, pathOf } from '../json';
import { DefinitionDocument } from './definitionDocument';

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
