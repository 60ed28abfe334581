// `*.pattern.json` files: a pattern payload (or an array of them) read once per version with the
// JSON language service; its `code` (4.2) and `when`/`then` (4.1) strings become flow regions,
// unescaped with an offset map back to the document.
import type { JSONDocument, ObjectASTNode } from 'vscode-json-languageservice';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic } from 'vscode-languageserver-types';
import { messages } from '../../codes';
import { makeDiagnostic } from '../../diagnostics';
import { jsonService } from '../../jsonService';
import { readFlow } from '../syntax/reader';
import { BrokenString, findBrokenStrings, withBreaksBlanked } from './brokenStrings';
import { unescapeJsonString } from './jsonString';
import { embeddedRegion, FlowRegion, PayloadKey, Side } from './region';

export interface PatternFile {
  /** The JSON service's parse; undefined when the file nests too deep to be parsed. */
  json: JSONDocument | undefined;
  /** What the JSON service read: the document, or a copy with the breaks of broken strings blanked (same offsets). */
  parsed: TextDocument;
  /** One region per code string, in document order. */
  regions: FlowRegion[];
  /** Problems found while reading (nesting too deep, strings broken over lines), placed in the document. */
  problems: Diagnostic[];
}

/** The keys whose string values are flow code, with the side the code is on (4.2 `code` mixes both). */
const codeKeys: Readonly<Record<PayloadKey, { side: Side | undefined }>> = {
  code: { side: undefined },
  when: { side: 'when' },
  then: { side: 'then' },
};

function isPayloadKey(key: string): key is PayloadKey {
  return Object.prototype.hasOwnProperty.call(codeKeys, key);
}

/** The pattern objects of a payload: the root object, or the objects of a root array. */
export function patternObjects(json: JSONDocument | undefined): ObjectASTNode[] {
  const root = json?.root;
  if (root?.type === 'object') return [root];
  if (root?.type !== 'array') return [];
  return root.items.filter((item): item is ObjectASTNode => item.type === 'object');
}

/** Reads a pattern file the guards let through (nesting too deep for the JSON parser is theirs). */
export function readPatternFile(doc: TextDocument): PatternFile {
  const text = doc.getText();
  const broken = findBrokenStrings(text);
  const parsed = broken.length === 0 ? doc : TextDocument.create(doc.uri, doc.languageId, doc.version, withBreaksBlanked(text, broken));
  const json = jsonService().parseJSONDocument(parsed);

  const regions: FlowRegion[] = [];
  for (const pattern of patternObjects(json)) {
    for (const property of pattern.properties) {
      const key = property.keyNode.value;
      const value = property.valueNode;
      // A value of another type is the schema's to report.
      if (!isPayloadKey(key) || value?.type !== 'string') continue;
      const { code: source, offsets } = unescapeJsonString(text, value.offset, value.offset + value.length);
      regions.push(embeddedRegion(doc, readFlow(source), offsets, codeKeys[key].side, key));
    }
  }
  return { json, parsed, regions, problems: broken.map((s) => brokenStringProblem(doc, s)) };
}

/** One `json-syntax` error per broken string, on its first break; the quick fix rewrites them all. */
function brokenStringProblem(doc: TextDocument, broken: BrokenString): Diagnostic {
  const first = broken.breaks[0];
  const range = { start: doc.positionAt(first.offset), end: doc.positionAt(first.offset + first.length) };
  const string = { start: doc.positionAt(broken.start), end: doc.positionAt(broken.end) };
  return makeDiagnostic('json-syntax', range, messages.jsonSyntax(messages.rawLineBreaks(broken.breaks.length)), { brokenString: string });
}
