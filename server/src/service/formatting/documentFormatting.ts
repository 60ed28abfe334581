// Format Document, Format Selection and indentation on Enter for every file kind: JSON layout for
// definitions and payloads, flow layout for `.cxflow` files and for the code in payload strings.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic, FormattingOptions, Position, Range, TextEdit } from 'vscode-languageserver-types';
import { DocumentKind } from '../documentKind';
import { FlowRegion } from '../flow';
import { ParsedDocument } from './parsedDocument';
import { messageText } from '../diagnostics';
import { jsonEscape } from '../flow/editing/insertText';
import { formatFlowCode, maxFormattedNesting } from '../flow/formatting/formatCode';
import { newLineColumn } from '../flow/formatting/onType';
import { jsonNestingBeyond, maxJsonNesting } from '../documents/guards';
import { formatJson, hasUnreadableToken, JsonLayout } from './jsonFormatting';

export interface FormatRequest {
  /** The editor's options: tab size and spaces for JSON (flow code is indented with spaces by its own rules). */
  options: FormattingOptions;
  json: JsonLayout;
  /** Format Selection: only layout touching this range changes. */
  range?: Range;
}

export interface Formatted {
  edits: TextEdit[];
  /** Why part of the document was left as written (forms with syntax errors), for the user. */
  note?: string;
}

export function formatDocument(parsed: ParsedDocument, request: FormatRequest): Formatted {
  const { document: doc, kind } = parsed;
  if (kind === 'definition' || kind === 'pattern' || kind === 'template') {
    const text = doc.getText();
    if (jsonNestingBeyond(text, maxJsonNesting) !== undefined) return { edits: [], note: tooDeepJsonNote };
    if (hasUnreadableToken(text)) return { edits: [], note: unreadableJsonNote };
  }
  switch (kind) {
    case 'definition':
    case 'template':
      return { edits: formatJson(doc, request.options, request.json, request.range) };
    case 'flow':
    case 'pattern': {
      const edits = kind === 'pattern' ? formatJson(doc, request.options, request.json, request.range) : [];
      const left = { unformatted: 0, tooDeep: 0 };
      for (const region of parsed.regions) {
        const result = formatRegion(doc, region, request.range, edits);
        left.unformatted += result.unformatted;
        left.tooDeep += result.tooDeep;
      }
      return { edits, note: unformattedNote(left.unformatted, left.tooDeep) };
    }
    default:
      return { edits: [] };
  }
}

/** Why a document a guard stopped (too large, binary, nested too deep) was left as written. */
export function guardedNote(guard: Diagnostic): string {
  // Too large, binary or too many forms: the guard's own reason, after its "File not analysed: ".
  const reason = /^File not analysed: (.*)$/s.exec(messageText(guard));
  return reason === null ? tooDeepJsonNote : `The file was left as written: ${reason[1]}`;
}

const tooDeepJsonNote = `The file was left as written: its JSON nests more than ${maxJsonNesting} levels deep`;
const unreadableJsonNote = 'The file was left as written: its JSON has an unterminated string or a character that is not JSON; fix the json-syntax errors to format it';

/** What was left as written and why, or undefined when everything was formatted. */
function unformattedNote(unformatted: number, tooDeep: number): string | undefined {
  const forms = (n: number) => `${n} top-level form${n === 1 ? '' : 's'}`;
  const notes: string[] = [];
  if (unformatted > 0) notes.push(`${forms(unformatted)} with syntax errors ${unformatted === 1 ? 'was' : 'were'} left as written; fix the errors to format ${unformatted === 1 ? 'it' : 'them'}`);
  if (tooDeep > 0) notes.push(`${forms(tooDeep)} nested more than ${maxFormattedNesting} levels deep ${tooDeep === 1 ? 'was' : 'were'} left as written`);
  return notes.length === 0 ? undefined : notes.join('; ');
}

/**
 * Adds the edits of one region's code to `edits`; returns how many top-level forms were left as
 * written, and why. In a JSON string, new layout is written escaped (`\n`). Range formatting takes a
 * payload string whole.
 */
function formatRegion(doc: TextDocument, region: FlowRegion, range: Range | undefined, edits: TextEdit[]): { unformatted: number; tooDeep: number } {
  let codeRange: { start: number; end: number } | undefined;
  if (range !== undefined) {
    const start = doc.offsetAt(range.start);
    const end = doc.offsetAt(range.end);
    if (end < region.docStart || start > region.docEnd) return { unformatted: 0, tooDeep: 0 };
    if (!region.embedded) codeRange = { start, end };
  }
  const result = formatFlowCode(region.tree, { range: codeRange, finalLineBreak: !region.embedded });
  for (const edit of result.edits) {
    const replaced = region.range(edit.start, edit.end);
    edits.push(TextEdit.replace(replaced, region.embedded ? jsonEscape(edit.text) : edit.text));
  }
  return result;
}

/**
 * After Enter in a `.cxflow` file: the new line's indentation, as the formatter would write it.
 * Nothing in a payload (a line break in a JSON string is an error) or inside a multi-line string.
 */
export function indentNewLine(doc: TextDocument, kind: DocumentKind, position: Position): TextEdit[] {
  if (kind !== 'flow') return [];
  const text = doc.getText();
  const lineStart = doc.offsetAt({ line: position.line, character: 0 });
  let indentEnd = lineStart;
  while (indentEnd < text.length && (text.charCodeAt(indentEnd) === 32 || text.charCodeAt(indentEnd) === 9)) indentEnd++;
  const column = newLineColumn(text, lineStart, indentEnd);
  if (column === undefined) return [];
  const indentation = ' '.repeat(column);
  if (text.slice(lineStart, indentEnd) === indentation) return [];
  return [TextEdit.replace({ start: doc.positionAt(lineStart), end: doc.positionAt(indentEnd) }, indentation)];
}
