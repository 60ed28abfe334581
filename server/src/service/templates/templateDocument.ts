// One message template file as the service reads it: the JSON (through the one JSON service), the
// template's `id`, `name`, `description` and Mustache text with where each stands, and the text
// read as Mustache with its tags placed on the characters of the file.
import type { JSONDocument, StringASTNode } from 'vscode-json-languageservice';
import { Range } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { property } from '../json';
import { jsonService } from '../jsonService';
import { unescapeJsonString } from '../flow/embedding/jsonString';
import { MustacheRead, readMustache } from './mustacheText';

/** A string value of the file, with its range (quotes included). */
export interface TemplateString {
  value: string;
  range: Range;
}

/** The `template` text: its value, Mustache read, and the document offset of each value character. */
export interface TemplateText extends TemplateString {
  mustache: MustacheRead;
  /** `offsets[i]`: the document offset of value character `i`; `offsets[value.length]`: where the value ends. */
  offsets: Uint32Array;
}

export interface TemplateDocument {
  document: TextDocument;
  json: JSONDocument;
  id?: TemplateString;
  name?: TemplateString;
  description?: TemplateString;
  text?: TemplateText;
}

function stringAt(json: JSONDocument, key: string): StringASTNode | undefined {
  const value = property(json.root, key)?.valueNode;
  return value?.type === 'string' ? value : undefined;
}

function rangeOfNode(doc: TextDocument, node: StringASTNode): Range {
  return { start: doc.positionAt(node.offset), end: doc.positionAt(node.offset + node.length) };
}

function readString(doc: TextDocument, json: JSONDocument, key: string): TemplateString | undefined {
  const node = stringAt(json, key);
  return node === undefined ? undefined : { value: node.value, range: rangeOfNode(doc, node) };
}

export function parseTemplateDocument(document: TextDocument): TemplateDocument {
  const json = jsonService().parseJSONDocument(document);
  const textNode = stringAt(json, 'template');
  let text: TemplateText | undefined;
  if (textNode !== undefined) {
    const { offsets } = unescapeJsonString(document.getText(), textNode.offset, textNode.offset + textNode.length);
    text = { value: textNode.value, range: rangeOfNode(document, textNode), mustache: readMustache(textNode.value), offsets };
  }
  return {
    document,
    json,
    id: readString(document, json, 'id'),
    name: readString(document, json, 'name'),
    description: readString(document, json, 'description'),
    text,
  };
}

/** The model of a template file that is not read (a guard stopped it): no JSON, no content. */
export function emptyTemplateDocument(document: TextDocument): TemplateDocument {
  const blank = TextDocument.create(document.uri, document.languageId, document.version, '');
  return { document, json: jsonService().parseJSONDocument(blank) };
}

/** The document range of value characters `[start, end)` of the template text. */
export function textRange(doc: TemplateDocument, start: number, end: number): Range | undefined {
  const text = doc.text;
  if (text === undefined) return undefined;
  const at = (i: number) => doc.document.positionAt(text.offsets[Math.min(i, text.value.length)]);
  return { start: at(start), end: at(end) };
}
