// The language service as unit tests use it: over open documents only (no files), with the
// built-in definitions read once for every test, and the parsers behind it.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic } from 'vscode-languageserver-types';
import { loadBuiltinDocuments } from '../../server/src/service/definitions/builtin';
import { DefinitionDocument, parseDefinitionDocument } from '../../server/src/service/definitions/definitionDocument';
import { Definition } from '../../server/src/service/definitions/model';
import { DocumentModel, buildModel } from '../../server/src/service/documents/documentModel';
import { normaliseUri } from '../../server/src/service/documents/uris';
import { documentKind } from '../../server/src/service/documentKind';
import { FlowDocument, readFlowDocument } from '../../server/src/service/flow';
import { LanguageService } from '../../server/src/service/languageService';
import { Settings, defaultSettings } from '../../server/src/service/settings';
import { noFiles } from '../../server/src/service/workspace/fileAccess';

let builtins: Definition[] | undefined;

/** The built-in definitions, read once. */
export function builtinDefinitions(): Definition[] {
  builtins ??= loadBuiltinDocuments().map((d) => d.definition);
  return builtins;
}

export function parseDefinition(doc: TextDocument): DefinitionDocument {
  return parseDefinitionDocument(doc);
}

export function readFlow(doc: TextDocument): FlowDocument {
  return readFlowDocument(doc);
}

/** The service's model of `doc` (guarded as the service guards it), for features that read a model. */
export function modelOf(doc: TextDocument, settings: Settings = defaultSettings): DocumentModel {
  const source = { uri: doc.uri, key: normaliseUri(doc.uri), kind: documentKind(doc.uri, doc.languageId), document: doc, revision: 0, open: true };
  return buildModel(source, settings.maxFileSize);
}

/** A service seeing only the documents it is told are open, and the built-in definitions. */
export function openDocumentsService(settings: Settings = defaultSettings): LanguageService {
  return new LanguageService({ files: noFiles, settingsFor: () => settings, builtins: builtinDefinitions });
}

/** The diagnostics the service gives `doc` (guards, severity overrides, the cap per file), with `others` open beside it. */
export async function diagnosticsOf(doc: TextDocument, settings: Settings = defaultSettings, others: readonly TextDocument[] = []): Promise<Diagnostic[]> {
  const service = openDocumentsService(settings);
  for (const other of others) service.documentChanged(other);
  service.documentChanged(doc);
  return service.diagnostics(doc.uri);
}

/** Opens `doc` in the service (or gives it its new text) and returns its diagnostics, as an editor would see them. */
export async function openAndCheck(service: LanguageService, doc: TextDocument): Promise<Diagnostic[]> {
  service.documentChanged(doc);
  return service.diagnostics(doc.uri);
}
