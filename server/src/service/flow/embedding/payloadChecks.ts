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
import { checkFlowDocument, getFlowDocument } from '../index';
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
export async function payloadProblems(doc: TextDocument, pattern: PatternFile): Promise<Diagnostic[]> {
  if (pattern.json === undefined) return [];
  const problems = await jsonProblems(doc, pattern.json, 'pattern', pattern.parsed);
  for (const object of patternObjects(pattern.json)) {
    unknownKeys(doc, object, problems);
    missingCode(doc, object, problems);
  }
  return withoutFollowOns(problems);
}

/**
 * Every diagnostic of a pattern file, in document order: those found while reading it, the
 * payload's, and its code's; severity overrides are the caller's.
 */
export async function checkPatternDocument(doc: TextDocument, ctx: AnalysisContext): Promise<Diagnostic[]> {
  const flowDoc = getFlowDocument(doc);
  const diagnostics = checkFlowDocument(doc, ctx).slice();
  if (flowDoc.pattern !== undefined) {
    for (const d of await payloadProblems(doc, flowDoc.pattern)) diagnostics.push(d);
  }
  return diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
