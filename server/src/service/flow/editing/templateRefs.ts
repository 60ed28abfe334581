// Message templates in flow code: `+TM1` (hover with the template's name, description and text, go
// to its file, completion of the ids the workspace has) and the Mustache text of inline
// `(template "...")` strings and 4.1 `(template {...})` values (completion and hover of `{{name}}`
// from the names in scope there).
import { CompletionItem, CompletionItemKind, Hover, Location, MarkupKind, Range } from 'vscode-languageserver-types';
import { AnalysisContext } from '../../analysisContext';
import { DialectVersion } from '../analysis/grammar/signature';
import { FlowRegion, nodeRange } from '../embedding/region';
import { unescapeJsonString } from '../embedding/jsonString';
import { FlowNode, StringNode, indexInParent, mapEntryOf, nodeAt, operatorOf } from '../syntax/tree';
import { TemplateEntry } from '../../templates/templateIndex';
import { openTagAt, readMustache } from '../../templates/mustacheText';
import { TemplateName, templateNamesAt } from './templateNames';
import { forRegion } from './insertText';
import { isSecretAt } from '../analysis/secretValues';

const code = (s: string) => `\`${s}\``;

/** Markdown of a template: its id and name, description, and text. */
export function templateMarkdown(entry: TemplateEntry): string {
  const lines = [`**+${entry.id}**${entry.name === undefined ? '' : `: ${entry.name}`}`];
  if (entry.description !== undefined && entry.description !== '') lines.push('', entry.description);
  if (entry.text !== undefined) lines.push('', '```mustache', entry.text.replace(/```/g, '` ` `'), '```');
  return lines.join('\n');
}

/** Whether a string stands where a template text is rendered: `(template "...")`, or a value of a 4.1 `(template {...})` map. */
function isTemplateText(node: FlowNode): node is StringNode {
  if (node.kind !== 'string' || node.parent === undefined) return false;
  const parent = node.parent;
  if (parent.kind === 'list') return operatorOf(parent) === 'template' && indexInParent(node) === 1;
  const entry = mapEntryOf(node);
  return parent.kind === 'map' && entry?.isKey === false && parent.parent?.kind === 'list' && operatorOf(parent.parent) === 'template';
}

/** The name tags of an inline template string, in region offsets. */
function namesInString(region: FlowRegion, node: StringNode): { name: string; start: number; end: number }[] {
  const { offsets } = unescapeJsonString(region.tree.text, node.start, node.end);
  return readMustache(node.value).names.map((n) => ({ name: n.name, start: offsets[n.start], end: offsets[Math.min(n.end, node.value.length)] }));
}

/** The first part of a dotted name (`result` of `result.sid`): the variable or field it reads. */
const head = (name: string) => name.split('.')[0];

function nameMarkdown(written: string, known: TemplateName | undefined): string {
  if (known === undefined) return `${code(`{{${written}}}`)}: no variable in scope here or event field of the pattern is named ${code(head(written))}; it renders empty`;
  const what =
    known.kind === 'variable'
      ? `variable ${code(known.name)}, ${known.detail}`
      : known.kind === 'event-field'
        ? `event field ${code(known.name)}: its last value in the match`
        : `response value ${code(known.name)}: a field of the response, where one is in scope`;
  return `${code(`{{${written}}}`)}: ${what}`;
}

export function hoverTemplate(region: FlowRegion, offset: number, ctx: AnalysisContext, dialect: DialectVersion): Hover | null {
  // A credential's value is never repeated, not even a tag of it.
  if (isSecretAt(region, offset, ctx)) return null;
  const node = nodeAt(region.tree, offset);
  if (node?.kind === 'template') {
    const entry = ctx.templates?.get(node.name);
    if (entry === undefined) return null;
    return { contents: { kind: MarkupKind.Markdown, value: templateMarkdown(entry) }, range: nodeRange(region, node) };
  }
  if (node === undefined || !isTemplateText(node)) return null;
  const tag = namesInString(region, node).find((n) => offset >= n.start && offset <= n.end);
  if (tag === undefined) return null;
  const known = templateNamesAt(region, node, dialect).find((n) => n.name === head(tag.name));
  return { contents: { kind: MarkupKind.Markdown, value: nameMarkdown(tag.name, known) }, range: region.range(tag.start, tag.end) };
}

export function templateDefinition(region: FlowRegion, offset: number, ctx: AnalysisContext): Location[] {
  const node = nodeAt(region.tree, offset);
  const entry = node?.kind === 'template' ? ctx.templates?.get(node.name) : undefined;
  return entry === undefined ? [] : [{ uri: entry.uri, range: entry.idRange }];
}

/** Where a template id is being written: over a `+TM` (or a lone `+`), or the argument of a 4.2 `(template |)`. */
function refSlot(region: FlowRegion, offset: number, dialect: DialectVersion): { range: Range } | undefined {
  const node = nodeAt(region.tree, offset);
  if (node?.kind === 'template') return { range: nodeRange(region, node) };
  // A lone `+` is a template being written, unless it is the operator of a list (4.2's addition).
  if (node?.kind === 'symbol' && node.name === '+' && !(node.parent?.kind === 'list' && indexInParent(node) === 0)) return { range: nodeRange(region, node) };
  const list = node === undefined ? undefined : node.kind === 'list' ? node : undefined;
  if (dialect === '4.2' && list !== undefined && operatorOf(list) === 'template' && list.children.length === 1 && offset > list.children[0].end) {
    return { range: region.range(offset, offset) };
  }
  return undefined;
}

function templateItems(templates: readonly TemplateEntry[], range: Range, region: FlowRegion): CompletionItem[] {
  return templates.map((entry) => {
    const text = forRegion(region, `+${entry.id}`);
    return {
      label: `+${entry.id}`,
      kind: CompletionItemKind.Reference,
      detail: entry.name,
      documentation: { kind: MarkupKind.Markdown, value: templateMarkdown(entry) },
      filterText: text,
      textEdit: { range, newText: text },
    };
  });
}

function nameItems(names: readonly TemplateName[], range: Range): CompletionItem[] {
  return names.map((n, i) => ({
    label: n.name,
    kind: n.kind === 'variable' ? CompletionItemKind.Variable : CompletionItemKind.Field,
    detail: n.detail,
    sortText: `${n.kind === 'variable' ? 0 : 1}${String(i).padStart(4, '0')}`,
    textEdit: { range, newText: n.name },
  }));
}

/** Completion of template ids and of `{{name}}`; undefined where the cursor is at neither. */
export function completeTemplate(region: FlowRegion, offset: number, ctx: AnalysisContext, dialect: DialectVersion): CompletionItem[] | undefined {
  const ref = refSlot(region, offset, dialect);
  const templates = ctx.templates?.all() ?? [];
  // Without templates, the place is the other completions' (a lone `+` may be the start of a form).
  if (ref !== undefined && templates.length > 0) return templateItems(templates, ref.range, region);
  const node = nodeAt(region.tree, offset);
  if (node === undefined || !isTemplateText(node) || offset <= node.start) return undefined;
  const { offsets } = unescapeJsonString(region.tree.text, node.start, node.end);
  // The value index of the cursor: the first character at or after it.
  let at = 0;
  while (at < node.value.length && offsets[at] < offset) at++;
  const tag = openTagAt(node.value, at);
  if (tag === undefined) return undefined;
  return nameItems(templateNamesAt(region, node, dialect), region.range(offsets[tag.start], offsets[tag.end]));
}
