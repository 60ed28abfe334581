// `*.pattern.json` files: a pattern object (or an array of them) whose `when` and `then` strings
// hold flow code. Finds those strings, unescapes them with an offset map back to the document,
// and reports JSON and structure problems without ever giving up on the rest of the file.
import { Node as JsonNode, ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic } from 'vscode-languageserver-types';
import { messages } from '../../codes';
import { makeDiagnostic } from '../../diagnostics';
import { jsonNestingBeyond } from '../../fileGuards';
import { readFlow } from '../syntax/reader';
import { embeddedRegion, FlowRegion, Side } from './region';

export interface PatternFile {
  /** The JSON tree (jsonc-parser), if any could be read. */
  json: JsonNode | undefined;
  /** One region per `when`/`then` string, in document order. */
  regions: FlowRegion[];
  /** JSON syntax errors and pattern-structure problems (codes `json-syntax`, `syntax`). */
  problems: Diagnostic[];
}

const codeKeys: readonly Side[] = ['when', 'then'];

/** A pattern nests two levels deep; far deeper input would overflow the recursive JSON parser. */
const maxPatternNesting = 256;

export function readPatternFile(doc: TextDocument): PatternFile {
  const text = doc.getText();
  const tooDeep = jsonNestingBeyond(text, maxPatternNesting);
  if (tooDeep !== undefined) {
    const at = { start: doc.positionAt(tooDeep), end: doc.positionAt(tooDeep + 1) };
    return { json: undefined, regions: [], problems: [makeDiagnostic('syntax', at, messages.patternTooDeep(maxPatternNesting))] };
  }
  const errors: ParseError[] = [];
  const json = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const problems: Diagnostic[] = [];
  const range = (offset: number, length: number) => ({
    start: doc.positionAt(offset),
    end: doc.positionAt(offset + Math.max(length, offset < text.length ? 1 : 0)),
  });
  for (const e of errors) {
    problems.push(makeDiagnostic('json-syntax', range(e.offset, e.length), messages.jsonSyntax(printParseErrorCode(e.error))));
  }

  const regions: FlowRegion[] = [];
  const patterns: JsonNode[] = [];
  if (json?.type === 'object') patterns.push(json);
  else if (json?.type === 'array') {
    for (const element of json.children ?? []) {
      if (element.type === 'object') patterns.push(element);
      else problems.push(makeDiagnostic('syntax', range(element.offset, element.length), messages.patternNotObject()));
    }
  } else if (json !== undefined) {
    problems.push(makeDiagnostic('syntax', range(json.offset, json.length), messages.patternNotObject()));
  }

  for (const pattern of patterns) {
    for (const property of pattern.children ?? []) {
      const [key, value] = property.children ?? [];
      const side = codeKeys.find((k) => k === key?.value);
      if (side === undefined || value === undefined) continue;
      if (value.type !== 'string') {
        problems.push(makeDiagnostic('syntax', range(value.offset, value.length), messages.patternCodeNotString(side)));
        continue;
      }
      const { code, offsets } = unescapeJsonString(text, value.offset, value.offset + value.length);
      regions.push(embeddedRegion(doc, readFlow(code), offsets, side));
    }
  }
  return { json, regions, problems };
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

/**
 * The value of the JSON string literal at `[start, end)` of `text` (quotes included; an
 * unterminated literal has no closing quote), with `offsets[i]` the document offset of value
 * character `i` and `offsets[value.length]` the offset where the value ends.
 */
export function unescapeJsonString(text: string, start: number, end: number): { code: string; offsets: Uint32Array } {
  const contentStart = start + 1;
  const contentEnd = end - start >= 2 && text.charCodeAt(end - 1) === 34 ? end - 1 : end;
  const offsets = new Uint32Array(Math.max(contentEnd - contentStart, 0) + 1);
  const parts: string[] = [];
  let n = 0;
  let runStart = contentStart;
  let i = contentStart;
  while (i < contentEnd) {
    if (text.charCodeAt(i) !== 92 || i + 1 >= contentEnd) {
      offsets[n++] = i++;
      continue;
    }
    parts.push(text.slice(runStart, i));
    const e = text[i + 1];
    let width = 2;
    let value: string;
    switch (e) {
      case 'n':
        value = '\n';
        break;
      case 't':
        value = '\t';
        break;
      case 'r':
        value = '\r';
        break;
      case 'b':
        value = '\b';
        break;
      case 'f':
        value = '\f';
        break;
      case 'u': {
        let code = 0;
        let digits = 0;
        while (digits < 4 && i + 2 + digits < contentEnd) {
          const h = hexValue(text.charCodeAt(i + 2 + digits));
          if (h < 0) break;
          code = code * 16 + h;
          digits++;
        }
        // A broken \u escape is a JSON error already reported; keep its digits as written.
        value = digits === 4 ? String.fromCharCode(code) : 'u';
        width = digits === 4 ? 6 : 2;
        break;
      }
      default:
        // `\"`, `\\`, `\/`, and invalid escapes (reported by the JSON parser) stand for the character.
        value = e;
    }
    parts.push(value);
    offsets[n++] = i;
    i += width;
    runStart = i;
  }
  parts.push(text.slice(runStart, contentEnd));
  offsets[n] = contentEnd;
  return { code: parts.join(''), offsets: offsets.subarray(0, n + 1) };
}
