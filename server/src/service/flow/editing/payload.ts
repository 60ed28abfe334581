// Completion and hover in pattern files: inside a code string, the flow features; elsewhere the
// JSON service's, from the pattern schema (keys, their values, their descriptions).
import { CompletionItem, CompletionList, Hover, InsertTextFormat, Position } from 'vscode-languageserver-types';
import { AnalysisContext } from '../../analysisContext';
import { forSchema, jsonService, schemaHover } from '../../jsonService';
import { FlowDocument, regionAt } from '../index';
import { completeFlow, hoverFlow } from './features';

const noItems: CompletionList = { isIncomplete: false, items: [] };

/**
 * The JSON service's view of a pattern file. Its tree was read from the text with the line breaks
 * of broken strings blanked, which keeps every offset, so positions in the document itself hold.
 */
function payloadAt(flowDoc: FlowDocument, position: Position) {
  const inCode = regionAt(flowDoc, flowDoc.document.offsetAt(position)) !== undefined;
  return { inCode, json: flowDoc.pattern?.json };
}

export async function completePattern(flowDoc: FlowDocument, position: Position, ctx: AnalysisContext, options: { snippets: boolean }): Promise<CompletionList> {
  const doc = flowDoc.document;
  const { inCode, json } = payloadAt(flowDoc, position);
  if (inCode) return { isIncomplete: false, items: completeFlow(flowDoc, position, ctx, options) };
  if (json === undefined) return noItems;
  const list = (await jsonService().doComplete(forSchema(doc, 'pattern'), position, json)) ?? noItems;
  return options.snippets ? list : { ...list, items: list.items.map(withoutSnippet) };
}

export async function hoverPattern(flowDoc: FlowDocument, position: Position, ctx: AnalysisContext): Promise<Hover | null> {
  const { inCode, json } = payloadAt(flowDoc, position);
  if (inCode) return hoverFlow(flowDoc, position, ctx);
  if (json === undefined) return null;
  return schemaHover(flowDoc.document, 'pattern', position, json);
}

/**
 * The parts of the JSON service's snippets: an escaped `\\`, `\$` or `\}`; a tabstop `$1`; a
 * placeholder `${1:text}`; a choice `${1|a,b|}` (placeholders never nest in its snippets).
 */
const snippetPart = /\\([\\$}])|\$\d+|\$\{\d+(?::((?:[^\\}]|\\.)*)|\|((?:[^\\,|]|\\.)*)[^}]*)?\}/g;

/** Snippet text as plain text, for clients without snippets: placeholders and first choices as written, tabstops dropped. */
function snippetAsPlainText(snippet: string): string {
  return snippet.replace(snippetPart, (_part, escaped: string | undefined, placeholder: string | undefined, choice: string | undefined) =>
    escaped ?? (placeholder ?? choice ?? '').replace(/\\(.)/g, '$1'),
  );
}

/** An item as a client without snippets takes it. */
export function withoutSnippet(item: CompletionItem): CompletionItem {
  if (item.insertTextFormat !== InsertTextFormat.Snippet) return item;
  const plain: CompletionItem = { ...item, insertTextFormat: InsertTextFormat.PlainText };
  if (item.insertText !== undefined) plain.insertText = snippetAsPlainText(item.insertText);
  if (item.textEdit !== undefined) plain.textEdit = { ...item.textEdit, newText: snippetAsPlainText(item.textEdit.newText) };
  return plain;
}
