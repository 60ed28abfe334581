// What formatting, folding and selection read of a document: its flow code regions and the JSON
// service's parse, taken from the document's model, so that the features stay pure functions.
import type { JSONDocument } from 'vscode-json-languageservice';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentKind } from '../documentKind';
import { DocumentModel } from '../documents/documentModel';
import { FlowRegion } from '../flow';

export interface ParsedDocument {
  document: TextDocument;
  kind: DocumentKind;
  /** The flow code: one region for a `.cxflow` file, one per code string of a payload, none in a definition. */
  regions: readonly FlowRegion[];
  /** The JSON service's parse of a definition or payload; undefined for a flow, or a document a guard stopped. */
  json(): JSONDocument | undefined;
}

export function parsedDocument(model: DocumentModel): ParsedDocument {
  const document = model.source.document;
  switch (model.kind) {
    case 'definition':
      return { document, kind: 'definition', regions: [], json: () => (model.guard === undefined ? model.definition.json : undefined) };
    case 'template':
      return { document, kind: 'template', regions: [], json: () => (model.guard === undefined ? model.template.json : undefined) };
    case 'flow':
    case 'pattern':
      return { document, kind: model.kind, regions: model.flow.regions, json: () => model.flow.pattern?.json };
    default:
      return { document, kind: 'other', regions: [], json: () => undefined };
  }
}
