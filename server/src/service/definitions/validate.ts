// All diagnostics of one definition file: JSON syntax and schema through the JSON language
// service, then our cross-reference checks on the same parse.
import { Diagnostic } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { messages } from '../codes';
import { applySeverityOverrides, makeDiagnostic } from '../diagnostics';
import { guardDocument, jsonNestingBeyond } from '../fileGuards';
import { Settings } from '../settings';
import { DuplicateTypeFacts, checkDefinition } from './checks';
import { jsonProblems, withoutFollowOns } from '../jsonProblems';
import { getDefinitionDocument } from './definitionDocument';

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
  const diagnostics = await jsonProblems(doc, parsed.json, 'definition');
  for (const d of checkDefinition(parsed.definition, facts.duplicates)) diagnostics.push(d);
  return applySeverityOverrides(withoutFollowOns(diagnostics), settings);
}
