// Completion and hover in message template files: inside the template text, the names a
// `{{...}}` tag can read (from the flows that use the template); elsewhere the JSON service's,
// from the template schema (keys and their descriptions).
import { CompletionItem, CompletionItemKind, CompletionList, Hover, MarkupKind, Position } from 'vscode-languageserver-types';
import { forSchema, jsonService, schemaHover } from '../jsonService';
import { TemplateName } from '../flow/editing/templateNames';
import { TemplateDocument, textRange } from './templateDocument';
import { openTagAt } from './mustacheText';
import { TemplateUses } from './templateUses';
import { withoutSnippet } from '../flow/editing/payload';

const code = (s: string) => `\`${s}\``;

/** The value index of a document offset inside the template text, or undefined outside it. */
function textIndexAt(doc: TemplateDocument, offset: number): number | undefined {
  const text = doc.text;
  if (text === undefined) return undefined;
  const start = text.offsets[0];
  const end = text.offsets[text.value.length];
  if (offset < start || offset > end) return undefined;
  let i = 0;
  while (i < text.value.length && text.offsets[i] < offset) i++;
  return i;
}

function nameItem(name: TemplateName, i: number, doc: TemplateDocument, start: number, end: number): CompletionItem {
  const range = textRange(doc, start, end);
  const item: CompletionItem = {
    label: name.name,
    kind: name.kind === 'variable' ? CompletionItemKind.Variable : CompletionItemKind.Field,
    detail: name.detail,
    sortText: `${name.kind === 'variable' ? 0 : 1}${String(i).padStart(4, '0')}`,
  };
  if (range !== undefined) item.textEdit = { range, newText: name.name };
  return item;
}

export async function completeTemplateFile(
  doc: TemplateDocument,
  position: Position,
  uses: (id: string) => Promise<TemplateUses>,
  snippets: boolean,
): Promise<CompletionList> {
  const index = textIndexAt(doc, doc.document.offsetAt(position));
  if (index !== undefined && doc.text !== undefined) {
    const tag = openTagAt(doc.text.value, index);
    const id = doc.id?.value;
    if (tag === undefined || id === undefined) return { isIncomplete: false, items: [] };
    const { names } = await uses(id);
    return { isIncomplete: false, items: names.map((n, i) => nameItem(n, i, doc, tag.start, tag.end)) };
  }
  const list = (await jsonService().doComplete(forSchema(doc.document, 'template'), position, doc.json)) ?? { isIncomplete: false, items: [] };
  return snippets ? list : { ...list, items: list.items.map(withoutSnippet) };
}

export async function hoverTemplateFile(doc: TemplateDocument, position: Position, uses: (id: string) => Promise<TemplateUses>): Promise<Hover | null> {
  const index = textIndexAt(doc, doc.document.offsetAt(position));
  const tag = index === undefined ? undefined : doc.text?.mustache.names.find((n) => index >= n.start && index <= n.end);
  if (tag === undefined || doc.text === undefined) return schemaHover(doc.document, 'template', position, doc.json);
  const id = doc.id?.value;
  const found = id === undefined ? { names: [], uses: 0 } : await uses(id);
  const head = tag.name.split('.')[0];
  const known = found.names.find((n) => n.name === head);
  let value: string;
  if (known !== undefined) value = `${code(`{{${tag.name}}}`)}: ${known.kind.replace('-', ' ')} ${code(known.name)}, ${known.detail}`;
  else if (found.uses === 0) value = `${code(`{{${tag.name}}}`)}: no flow of the workspace uses ${code(`+${id ?? '?'}`)} yet; the name is read where a flow renders it`;
  else value = `${code(`{{${tag.name}}}`)}: no flow that uses ${code(`+${id ?? '?'}`)} has a variable or event field ${code(head)} where it does; it renders empty there`;
  const range = textRange(doc, tag.start, tag.end);
  return { contents: { kind: MarkupKind.Markdown, value }, ...(range === undefined ? {} : { range }) };
}
