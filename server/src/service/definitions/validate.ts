// All diagnostics of one definition file: JSON syntax and schema through the JSON language
// service, then our cross-reference checks on the same parse.
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ErrorCode } from 'vscode-json-languageservice';
import { messages } from '../codes';
import { applySeverityOverrides, makeDiagnostic, messageText } from '../diagnostics';
import { guardDocument, jsonNestingBeyond } from '../fileGuards';
import { Settings } from '../settings';
import { DuplicateTypeFacts, checkDefinition } from './checks';
import { definitionSchema, getDefinitionDocument, jsonService } from './definitionDocument';

/** Deeper than any definition can be; the JSON service's recursive parser stays far from its stack limit. */
export const maxJsonNesting = 256;

export interface DefinitionFacts {
  duplicates?: DuplicateTypeFacts;
}

export async function validateDefinition(doc: TextDocument, settings: Settings, facts: DefinitionFacts = {}): Promise<Diagnostic[]> {
  const guard = guardDocument(doc, settings);
  if (guard) return applySeverityOverrides([guard], settings);
  const tooDeep = jsonNestingBeyond(doc.getText(), maxJsonNesting);
  if (tooDeep !== undefined) {
    const at = doc.positionAt(tooDeep);
    return applySeverityOverrides(
      [makeDiagnostic('schema', { start: at, end: { line: at.line, character: at.character + 1 } }, messages.tooDeep(maxJsonNesting))],
      settings,
    );
  }
  const parsed = getDefinitionDocument(doc);
  const jsonDiagnostics = await jsonService().doValidation(
    doc,
    parsed.json,
    { comments: 'error', trailingCommas: 'error', schemaValidation: 'error', schemaRequest: 'ignore' },
    definitionSchema(),
  );
  const diagnostics = jsonDiagnostics.map(toOurDiagnostic);
  diagnostics.push(...checkDefinition(parsed.definition, facts.duplicates));
  return applySeverityOverrides(diagnostics, settings);
}

function isSyntaxError(code: unknown): boolean {
  return typeof code === 'number' && code >= 0x100 && code < 0x300 && code !== ErrorCode.DuplicateKey;
}

function toOurDiagnostic(d: Diagnostic): Diagnostic {
  if (isSyntaxError(d.code)) return makeDiagnostic('json-syntax', d.range, messages.jsonSyntax(messageText(d)));
  if (d.code === ErrorCode.DuplicateKey) return makeDiagnostic('json-syntax', d.range, messages.jsonSyntax(messageText(d)));
  const severity = d.severity === DiagnosticSeverity.Warning ? 'warning' : 'error';
  return makeDiagnostic('schema', d.range, messages.schema(messageText(d)), undefined, severity === 'warning' ? 'warning' : undefined);
}
