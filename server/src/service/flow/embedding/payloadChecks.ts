// The checks of a pattern file: its JSON (syntax, and the pattern schema through the JSON service),
// the two payload rules our code reports (unknown keys with did-you-mean, an enabled pattern
// without code), and the flow code of its strings.
import type { ObjectASTNode } from 'vscode-json-languageservice';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic } from 'vscode-languageserver-types';
import { AnalysisContext } from '../../analysisContext';
import { messages, patternKeys } from '../../codes';
import { makeDiagnostic } from '../../diagnostics';
import { property, rangeOf, valueOf } from '../../json';
import { jsonProblems, withoutFollowOns } from '../../jsonProblems';
import { closeMatches } from '../../suggest';
import { FlowCheck, FlowDocument, checkFlowDocumentWithin } from '../index';
import { FormAnalyses } from '../analysis/formProblems';
import { PatternFile, patternObjects } from './patternFile';

const knownKeys: ReadonlySet<string> = new Set(patternKeys);

function unknownKeys(doc: TextDocument, pattern: ObjectASTNode, into: Diagnostic[]): void {
  const present = new Set(pattern.properties.map((p) => p.keyNode.value));
  const absent = patternKeys.filter((k) => !present.has(k));
  for (const { keyNode } of pattern.properties) {
    if (knownKeys.has(keyNode.value)) continue;
    // Only keys the pattern lacks: renaming to one it has would make a duplicate.
    const suggestions = closeMatches(keyNode.value, absent);
    into.push(makeDiagnostic('unknown-pattern-key', rangeOf(doc, keyNode), messages.unknownPatternKey(keyNode.value, suggestions[0]), { suggestions }));
  }
}

/** A code key holding something other than blank text (a value of the wrong type is the schema's to report). */
function hasCode(pattern: ObjectASTNode, key: 'code' | 'when' | 'then'): boolean {
  const value = valueOf(pattern, key);
  return value !== undefined && !(value.type === 'string' && value.value.trim() === '');
}

function missingCode(doc: TextDocument, pattern: ObjectASTNode, into: Diagnostic[]): void {
  const status = property(pattern, 'status');
  if (status?.valueNode?.type !== 'boolean' || !status.valueNode.value) return;
  const when = hasCode(pattern, 'when');
  const then = hasCode(pattern, 'then');
  if (hasCode(pattern, 'code') || (when && then)) return;
  into.push(makeDiagnostic('missing-pattern-code', rangeOf(doc, status), messages.missingPatternCode(when ? 'when' : then ? 'then' : undefined)));
}

/** JSON syntax, schema and payload-rule diagnostics of a pattern file (no flow code diagnostics). */
async function payloadProblems(doc: TextDocument, pattern: PatternFile): Promise<Diagnostic[]> {
  if (pattern.json === undefined) return [];
  const problems = await jsonProblems(doc, pattern.json, 'pattern', pattern.parsed);
  for (const object of patternObjects(pattern.json)) {
    unknownKeys(doc, object, problems);
    missingCode(doc, object, problems);
  }
  return withoutFollowOns(problems);
}

/**
 * The diagnostics of a pattern file, in document order: those found while reading it, the
 * payload's, and its code's (the first `limit` of them, and how many in all, as
 * `checkFlowDocumentWithin` gives them); severity overrides are the caller's.
 */
export async function checkPatternDocument(flowDoc: FlowDocument, ctx: AnalysisContext, analyses = new FormAnalyses(), limit = Infinity): Promise<FlowCheck> {
  const payload = flowDoc.pattern === undefined ? [] : await payloadProblems(flowDoc.document, flowDoc.pattern);
  return checkFlowDocumentWithin(flowDoc, ctx, analyses, limit, payload);
}
