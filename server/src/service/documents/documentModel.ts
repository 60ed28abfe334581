// What the service knows of one version of a document: its guard problem, if a guard stopped it,
// and its parse (a definition's or template's JSON tree and model, or a flow's regions). A guarded document
// gets an empty parse, so that no feature can read past the guard.
import { Diagnostic } from 'vscode-languageserver-types';
import { DefinitionDocument, emptyDefinitionDocument, parseDefinitionDocument } from '../definitions/definitionDocument';
import { FlowDocument, emptyFlowDocument, readFlowDocument } from '../flow';
import { FlowRead } from '../flow/syntax/reader';
import { SourceDocument } from '../workspace/sourceDocument';
import { guardDocument } from './guards';
import { TemplateDocument, emptyTemplateDocument, parseTemplateDocument } from '../templates/templateDocument';

interface ModelBase {
  source: SourceDocument;
  /** Why the document is not analysed (too large, binary, too deep); its only diagnostic then. */
  guard: Diagnostic | undefined;
}

export interface DefinitionModel extends ModelBase {
  kind: 'definition';
  definition: DefinitionDocument;
}

export interface FlowModel extends ModelBase {
  kind: 'flow' | 'pattern';
  flow: FlowDocument;
}

export interface TemplateModel extends ModelBase {
  kind: 'template';
  template: TemplateDocument;
}

export interface OtherModel extends ModelBase {
  kind: 'other';
}

export type DocumentModel = DefinitionModel | FlowModel | TemplateModel | OtherModel;

/**
 * Guards, then parses, one version of a document. `previous`: the read of the version before (a
 * `.cxflow` only), taken over by this read.
 */
export function buildModel(source: SourceDocument, maxFileSize: number, previous?: FlowRead): DocumentModel {
  const doc = source.document;
  const guard = source.kind === 'other' ? undefined : guardDocument(doc, source.kind, maxFileSize, source.bytes);
  switch (source.kind) {
    case 'definition':
      return { kind: 'definition', source, guard, definition: guard ? emptyDefinitionDocument(doc) : parseDefinitionDocument(doc) };
    case 'flow':
    case 'pattern':
      return { kind: source.kind, source, guard, flow: guard ? emptyFlowDocument(doc, source.kind) : readFlowDocument(doc, previous) };
    case 'template':
      return { kind: 'template', source, guard, template: guard ? emptyTemplateDocument(doc) : parseTemplateDocument(doc) };
    default:
      return { kind: 'other', source, guard };
  }
}
