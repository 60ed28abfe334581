// What formatting, folding and selection read of a document: its flow code regions and the JSON
// service's parse, taken from the per-version caches, so that the features stay pure functions.
import type { JSONDocument } from 'vscode-json-languageservice';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { getDefinitionDocument } from '../definitions/definitionDocument';
import { DocumentKind } from '../documentKind';
import { jsonNestingBeyond } from '../fileGuards';
import { FlowRegion, getFlowDocument } from '../flow';
import { maxJsonNesting } from './jsonFormatting';

export interface ParsedDocument {
  document: TextDocument;
  kind: DocumentKind;
  /** The flow code: one region for a `.cxflow` file, one per code string of a payload, none in a definition. */
  regions: readonly FlowRegion[];
  /** The JSON service's parse of a definition or payload; undefined for a flow, or JSON nested past `maxJsonNesting`. */
  json(): JSONDocument | undefined;
}

export function parsedDocument(document: TextDocument, kind: DocumentKind): ParsedDocument {
  const flow = kind === 'flow' || kind === 'pattern' ? getFlowDocument(document) : undefined;
  const json = (): JSONDocument | undefined => {
    if (kind !== 'definition' && kind !== 'pattern') return undefined;
    // The parser recurses per level: past the limit it is not asked.
    if (jsonNestingBeyond(document.getText(), maxJsonNesting) !== undefined) return undefined;
    return kind === 'definition' ? getDefinitionDocument(document).json : flow?.pattern?.json;
  };
  return { document, kind, regions: flow?.regions ?? [], json };
}
