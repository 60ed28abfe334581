// Completion inside flow code: forms at an operator position, integrations and message types of a
// send, the fields of its params map, enum values, duration units and pattern-map keys.
import {
  CompletionItem,
  CompletionItemKind,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
  Range,
} from 'vscode-languageserver-types';
import { AnalysisContext } from '../../analysisContext';
import { definitionType, displayName } from '../../definitions/model';
import { CursorSlot, cursorSlot } from './cursor';
import { eventFieldsOf } from './eventFields';
import { bindingText } from './flowDocs';
import { Grammar, grammar41 } from '../analysis/grammar/grammar';
import { VariableBinding } from '../analysis/variables';
import { fieldParts, joinFields } from './fieldInsertion';
import { fieldMarkdown, fieldsTable, formMarkdown, integrationMarkdown } from './flowDocs';
import { SnippetPart, adaptSnippet, forRegion, newFormSnippet, renderPlain, renderSnippet, stringLiteral } from './insertText';
import { FlowRegion } from '../embedding/region';
import { Interaction } from '../analysis/interactions';
import { checkInteraction } from '../analysis/sendCheck';
import { FlowNode, MapNode, keyName } from '../syntax/tree';

export interface CompletionOptions {
  snippets: boolean;
}

/** Completion at code offset `offset` of a region, read in the dialect of `grammar`. */
export function completeInRegion(region: FlowRegion, offset: number, ctx: AnalysisContext, options: CompletionOptions, grammar: Grammar = grammar41): CompletionItem[] {
  const slot = cursorSlot(region, offset, grammar);
  const edit = new EditTarget(region, offset, slot.kind === 'none' ? undefined : slot.word);
  switch (slot.kind) {
    case 'operator': {
      // A snippet fills in the arguments, so only where there are none yet (`(|)`, `(se|)`).
      const bare = slot.list.children.length === (slot.word === undefined ? 0 : 1);
      return slot.forms.map((info, i) => {
        const item = edit.item(info.name, CompletionItemKind.Keyword, info.name);
        item.detail = info.shape;
        item.documentation = { kind: MarkupKind.Markdown, value: formMarkdown(info) };
        item.sortText = String(i).padStart(3, '0');
        if (options.snippets && bare) edit.snippet(item, adaptSnippet(region, info.snippet));
        return item;
      });
    }
    case 'new-form': {
      // Not inside a list yet: the item brings its parentheses.
      const forms = slot.forms.map((info, i) => {
        const item = edit.item(info.name, CompletionItemKind.Keyword, `(${info.name})`);
        item.filterText = info.name;
        item.detail = info.shape;
        item.documentation = { kind: MarkupKind.Markdown, value: formMarkdown(info) };
        item.sortText = String(i).padStart(3, '0');
        if (options.snippets) edit.snippet(item, adaptSnippet(region, newFormSnippet(info.snippet)));
        return item;
      });
      if (slot.variables === undefined) return forms;
      return [...variableItems(region, slot.variables, edit), ...eventFieldItems(region, edit), ...forms];
    }
    case 'event-field':
      return eventFieldItems(region, edit);
    case 'integration':
      return integrationItems(ctx, edit);
    case 'message':
      return messageItems(slot.interaction, ctx, edit);
    case 'field':
      return fieldItems(region, offset, slot, ctx, edit, options);
    case 'field-value': {
      const values = enumItems(slot.interaction, slot.field, ctx, edit);
      if (slot.variables === undefined || (edit.word !== undefined && edit.word.kind !== 'symbol')) return values;
      return [...values, ...variableItems(region, slot.variables, edit), ...eventFieldItems(region, edit)];
    }
    case 'unit':
      return slot.units.map((unit, i) => {
        const item = edit.item(unit, CompletionItemKind.Unit, unit);
        item.sortText = String(i);
        return item;
      });
    case 'pattern-key':
      return patternKeyItems(region, slot.map, slot.word, edit, options);
    case 'none':
      return [];
  }
}

/** Where an item's text goes: over the word being typed, else at the cursor. */
class EditTarget {
  readonly range: Range;

  constructor(
    private readonly region: FlowRegion,
    offset: number,
    readonly word: FlowNode | undefined,
  ) {
    if (word === undefined) this.range = region.range(offset, offset);
    else {
      // An unterminated string runs to the end of input: replace only up to the cursor.
      const end = word.kind === 'string' && !word.closed ? Math.max(offset, word.start) : word.end;
      this.range = region.range(word.start, end);
    }
  }

  /** An item inserting `code` (escaped for the region) over the target range. */
  item(label: string, kind: CompletionItemKind, code: string): CompletionItem {
    return this.rawItem(label, kind, forRegion(this.region, code));
  }

  /** An item inserting `text`, already written as the document needs it. */
  rawItem(label: string, kind: CompletionItemKind, text: string): CompletionItem {
    return { label, kind, filterText: text, textEdit: { range: this.range, newText: text } };
  }

  snippet(item: CompletionItem, body: string): void {
    item.insertTextFormat = InsertTextFormat.Snippet;
    if (item.textEdit !== undefined) item.textEdit = { range: this.range, newText: body };
  }
}

/** 4.2 variables in scope, innermost first, each with where it is bound. */
function variableItems(region: FlowRegion, variables: readonly VariableBinding[], edit: EditTarget): CompletionItem[] {
  return variables.map((binding, i) => {
    const item = edit.item(binding.name, CompletionItemKind.Variable, binding.name);
    item.detail = bindingText(binding, region.position(binding.node.start).line + 1);
    item.sortText = `!${String(i).padStart(4, '0')}`;
    return item;
  });
}

/** `$field` of each field the region's event maps name, as 4.2 reads an event field. */
function eventFieldItems(region: FlowRegion, edit: EditTarget): CompletionItem[] {
  return eventFieldsOf(region).map((name) => {
    const item = edit.item(`$${name}`, CompletionItemKind.Field, `$${name}`);
    item.detail = 'event field';
    item.sortText = `"${name}`;
    return item;
  });
}

function integrationItems(ctx: AnalysisContext, edit: EditTarget): CompletionItem[] {
  const items: CompletionItem[] = [];
  for (const def of ctx.visible()) {
    const type = definitionType(def);
    if (type === undefined || def.endpoint === undefined) continue;
    const item = edit.item(type, CompletionItemKind.Module, type);
    item.detail = displayName(def);
    item.documentation = { kind: MarkupKind.Markdown, value: integrationMarkdown(def) };
    items.push(item);
  }
  return items;
}

function messageItems(interaction: Interaction, ctx: AnalysisContext, edit: EditTarget): CompletionItem[] {
  const integration = interaction.integrationNode;
  if (integration?.kind !== 'symbol') return [];
  const endpoint = ctx.lookup(integration.name)?.endpoint;
  if (endpoint === undefined) return [];
  return endpoint.sends.map((message) => {
    const item = edit.item(message.name, CompletionItemKind.Method, message.name);
    const mandatory = message.fields.filter((f) => f.mandatory).length;
    item.detail = `${integration.name} message: ${message.fields.length} field${message.fields.length === 1 ? '' : 's'}, ${mandatory} mandatory`;
    item.documentation = { kind: MarkupKind.Markdown, value: fieldsTable(message) };
    return item;
  });
}

function fieldItems(
  region: FlowRegion,
  offset: number,
  slot: Extract<CursorSlot, { kind: 'field' }>,
  ctx: AnalysisContext,
  edit: EditTarget,
  options: CompletionOptions,
): CompletionItem[] {
  const check = checkInteraction(slot.interaction, ctx);
  const message = check.message;
  if (message === undefined || check.integration === undefined) return [];
  const integration = check.integration;
  // A field counts as given by an entry other than the key being typed.
  const given = (f: (typeof check.fields)[number]) => f.templateEntries.length > 0 || f.entries.some((e) => e.key !== slot.word);
  const missing = check.fields.filter((f) => f.spec !== undefined && !f.credential && !given(f)).flatMap((f) => f.spec ?? []);
  // A key typed before an existing value gets the key alone.
  const hasValue = slot.word !== undefined && slot.map.entries.some((e) => e.key === slot.word && e.value !== undefined);
  const items = missing.map((field, i) => {
    const item = edit.item(`:${field.name}`, CompletionItemKind.Field, `:${field.name}`);
    item.detail = field.mandatory ? 'mandatory field' : 'optional field';
    if (field.mandatory) item.labelDetails = { detail: ' (mandatory)' };
    item.documentation = { kind: MarkupKind.Markdown, value: fieldMarkdown(integration, message.name, field) };
    item.sortText = `${field.mandatory ? 0 : 1}${String(i).padStart(4, '0')}`;
    if (options.snippets && !hasValue) edit.snippet(item, renderSnippet(region, fieldParts(field, 1)));
    return item;
  });

  const mandatory = missing.filter((f) => f.mandatory);
  if (mandatory.length > 0 && !hasValue) {
    const parts = joinFields(
      region,
      slot.map,
      offset,
      mandatory.map((field, i) => fieldParts(field, i + 1)),
    );
    const label = 'all mandatory fields';
    const item = edit.rawItem(label, CompletionItemKind.Snippet, renderPlain(region, parts));
    item.filterText = slot.word === undefined ? label : `${slot.word.kind === 'keyword' ? ':' : ''}${label}`;
    item.detail = mandatory.map((f) => f.name).join(', ');
    item.sortText = '/';
    item.insertTextMode = InsertTextMode.asIs;
    if (options.snippets) edit.snippet(item, renderSnippet(region, parts));
    items.push(item);
  }
  return items;
}

function enumItems(interaction: Interaction, fieldName: string, ctx: AnalysisContext, edit: EditTarget): CompletionItem[] {
  const check = checkInteraction(interaction, ctx);
  const field = check.message?.field(fieldName);
  if (field?.enum === undefined || check.isCredential(fieldName)) return [];
  if (edit.word !== undefined && edit.word.kind !== 'string' && edit.word.kind !== 'symbol') return [];
  return field.enum.map((value, i) => {
    const item = edit.item(value, CompletionItemKind.EnumMember, stringLiteral(value));
    item.detail = `${fieldName} value`;
    item.sortText = String(i).padStart(4, '0');
    return item;
  });
}

const patternKeys: readonly { name: string; parts: SnippetPart[]; detail: string }[] = [
  { name: 'name', parts: [':name "', { tabstop: 1 }, '"'], detail: 'the pattern name' },
  { name: 'description', parts: [':description "', { tabstop: 1 }, '"'], detail: 'what the pattern is for' },
  { name: 'status', parts: [':status ', { tabstop: 1, choices: ['true', 'false'] }], detail: 'whether the pattern is active' },
  { name: 'when', parts: [':when (', { tabstop: 1 }, ')'], detail: 'the events that trigger it' },
  { name: 'then', parts: [':then (', { tabstop: 1 }, ')'], detail: 'the reaction' },
];

function patternKeyItems(region: FlowRegion, map: MapNode, word: FlowNode | undefined, edit: EditTarget, options: CompletionOptions): CompletionItem[] {
  const present = new Set(map.entries.filter((e) => e.key !== word).map((e) => keyName(e.key)));
  const hasValue = word !== undefined && map.entries.some((e) => e.key === word && e.value !== undefined);
  return patternKeys
    .filter((k) => !present.has(k.name))
    .map((k, i) => {
      const item = edit.item(`:${k.name}`, CompletionItemKind.Property, `:${k.name}`);
      item.detail = k.detail;
      item.sortText = String(i);
      if (options.snippets && !hasValue) edit.snippet(item, renderSnippet(region, k.parts));
      return item;
    });
}
