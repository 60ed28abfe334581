// Completion and hover in pattern files: inside a code string, the flow features; elsewhere the
// JSON service's, from the pattern schema (keys, their values, their descriptions).
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CompletionItem, CompletionList, Hover, InsertTextFormat, Position } from 'vscode-languageserver-types';
import { AnalysisContext } from '../../analysisContext';
import { forSchema, jsonService, schemaHover } from '../../jsonService';
import { getFlowDocument, regionAt } from '../index';
import { completeFlow, hoverFlow } from './features';

const noItems: CompletionList = { isIncomplete: false, items: [] };

/**
 * The JSON service's view of a pattern file. Its tree was read from the text with the line breaks
 * of broken strings blanked, which keeps every offset, so positions in the document itself hold.
 */
function payloadAt(doc: TextDocument, position: Position) {
  const flowDoc = getFlowDocument(doc);
  const inCode = regionAt(flowDoc, doc.offsetAt(position)) !== undefined;
  return { inCode, json: flowDoc.pattern?.json };
}

export async function completePattern(doc: TextDocument, position: Position, ctx: AnalysisContext, options: { snippets: boolean }): Promise<CompletionList> {
  const { inCode, json } = payloadAt(doc, position);
  if (inCode) return { isIncomplete: false, items: completeFlow(doc, position, ctx, options) };
  if (json === undefined) return noItems;
  const list = (await jsonService().doComplete(forSchema(doc, 'pattern'), position, json)) ?? noItems;
  return options.snippets ? list : { ...list, items: list.items.map(withoutSnippet) };
}

export async function hoverPattern(doc: TextDocument, position: Position, ctx: AnalysisContext): Promise<Hover | null> {
  const { inCode, json } = payloadAt(doc, position);
  if (inCode) return hoverFlow(doc, position, ctx);
  if (json === undefined) return null;
  return schemaHover(doc, 'pattern', position, json);
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

function withoutSnippet(item: CompletionItem): CompletionItem {
  if (item.insertTextFormat !== InsertTextFormat.Snippet) return item;
  const plain: CompletionItem = { ...item, insertTextFormat: InsertTextFormat.PlainText };
  if (item.insertText !== undefined) plain.insertText = snippetAsPlainText(item.insertText);
  if (item.textEdit !== undefined) plain.textEdit = { ...item.textEdit, newText: snippetAsPlainText(item.textEdit.newText) };
  return plain;
}
