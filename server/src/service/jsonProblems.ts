// The JSON service's findings on a file as our diagnostics: syntax errors as `json-syntax`, one per
// broken region of the text, and schema violations as `schema`.
import { Diagnostic, DiagnosticSeverity, Position, Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { JSONDocument } from 'vscode-json-languageservice';
import { messages } from './codes';
import { makeDiagnostic, messageText } from './diagnostics';
import { SchemaKind, forSchema, jsonPackage, jsonService, schemaFor } from './jsonService';
import { EnumValueData, enumMismatches } from './enumValues';

/**
 * The parser's and scanner's codes (0x100-0x2ff: bad tokens, missing commas and colons, comments,
 * trailing commas, duplicate keys) and `Undefined`, which the parser gives "End of file expected"
 * and bad numbers. Schema findings carry no code, or codes below 0x100 or from 0x300 up.
 */
function isSyntaxProblem(d: Diagnostic): boolean {
  return typeof d.code === 'number' && (d.code === jsonPackage().ErrorCode.Undefined || (d.code >= 0x100 && d.code < 0x300));
}

/**
 * Syntax errors of one broken stretch of text as one diagnostic: after a bad token the parser
 * reports each following token it cannot place, so errors that overlap or touch (nothing but
 * white space between them) are one mistake. The first error's message names it.
 */
function collapseSyntaxErrors(doc: TextDocument, errors: readonly Diagnostic[]): Diagnostic[] {
  const text = doc.getText();
  const spans = errors
    .map((d) => ({ d, start: doc.offsetAt(d.range.start), end: doc.offsetAt(d.range.end) }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const result: Diagnostic[] = [];
  let group: { d: Diagnostic; start: number; end: number } | undefined;
  const flush = () => {
    if (group) result.push({ ...group.d, range: { start: doc.positionAt(group.start), end: doc.positionAt(group.end) } });
  };
  for (const span of spans) {
    if (group !== undefined && (span.start <= group.end || text.slice(group.end, span.start).trim() === '')) {
      group.end = Math.max(group.end, span.end);
      continue;
    }
    flush();
    group = { ...span };
  }
  flush();
  return result;
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/**
 * Without the findings on what the parser salvaged from a broken stretch of JSON (a key made of
 * stray tokens, a value cut short): they are that one syntax error, not more problems.
 */
export function withoutFollowOns(diagnostics: Diagnostic[]): Diagnostic[] {
  // Collapsed syntax errors are disjoint and in document order: one binary search per finding.
  const broken = diagnostics.filter((d) => d.code === 'json-syntax').map((d) => d.range);
  if (broken.length === 0) return diagnostics;
  const inBroken = (r: Range): boolean => {
    let lo = 0;
    let hi = broken.length - 1;
    let last = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (before(broken[mid].start, r.end)) {
        last = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return last >= 0 && before(r.start, broken[last].end);
  };
  return diagnostics.filter((d) => d.code === 'json-syntax' || !inBroken(d.range));
}

function asSchemaProblem(d: Diagnostic, enumValue: EnumValueData | undefined): Diagnostic {
  // A value outside an enum says which allowed one it likely means, and carries them all for the quick fixes.
  const text = enumValue?.likely ? messages.schemaEnumValue(messageText(d), enumValue.suggestions[0]) : messages.schema(messageText(d));
  return makeDiagnostic('schema', d.range, text, enumValue && { ...enumValue }, d.severity === DiagnosticSeverity.Warning ? 'warning' : undefined);
}

/**
 * JSON syntax and schema diagnostics of a parsed file, in document order. `parsed` is the document
 * the JSON service read (ranges are placed in it), `doc` the one the diagnostics are for: they
 * differ only where the pattern reader blanked the line breaks of strings broken over lines,
 * keeping every offset.
 */
export async function jsonProblems(doc: TextDocument, json: JSONDocument, kind: SchemaKind, parsed: TextDocument = doc): Promise<Diagnostic[]> {
  const view = forSchema(parsed, kind);
  const found = await jsonService().doValidation(
    view,
    json,
    { comments: 'error', trailingCommas: 'error', schemaValidation: 'error', schemaRequest: 'ignore' },
    schemaFor(kind),
  );
  const enums = await enumMismatches(view, json, schemaFor(kind), found);
  const placed =
    parsed === doc
      ? found
      : found.map((d) => ({ ...d, range: { start: doc.positionAt(parsed.offsetAt(d.range.start)), end: doc.positionAt(parsed.offsetAt(d.range.end)) } }));
  const syntax = collapseSyntaxErrors(doc, placed.filter(isSyntaxProblem));
  const result = syntax.map((d) => makeDiagnostic('json-syntax', d.range, messages.jsonSyntax(messageText(d))));
  placed.forEach((d, i) => {
    if (!isSyntaxProblem(d)) result.push(asSchemaProblem(d, enums.get(found[i])));
  });
  return result.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
