// All diagnostics of one definition file: JSON syntax and schema through the JSON language
// service, then our cross-reference checks on the same parse. Guards, severity overrides and the
// cap per file are the caller's.
import { Diagnostic } from 'vscode-languageserver-types';
import { DuplicateTypeFacts, checkDefinition } from './checks';
import { jsonProblems, withoutFollowOns } from '../jsonProblems';
import { DefinitionDocument } from './definitionDocument';

export interface DefinitionFacts {
  duplicates?: DuplicateTypeFacts;
}

export async function validateDefinition(parsed: DefinitionDocument, facts: DefinitionFacts = {}): Promise<Diagnostic[]> {
  const diagnostics = await jsonProblems(parsed.document, parsed.json, 'definition');
  for (const d of checkDefinition(parsed.definition, facts.duplicates)) diagnostics.push(d);
  return withoutFollowOns(diagnostics);
}
