// What a position names for a rename, with the range the editor puts the new name over and the
// name it starts from: a definition's type, a `sends` message or a field (in a definition file or
// where a flow uses it), or a 4.2 variable; or why nothing there can be renamed.
import { Position, Range } from 'vscode-languageserver-types';
import type { LanguageService } from '../languageService';
import { AnalysisContext } from '../analysisContext';
import { DefinitionDocument } from '../definitions/definitionDocument';
import { Definition } from '../definitions/model';
import { nodeAt as jsonNodeAt, pathOf } from '../json';
import { clampPosition } from '../documents/textSafety';
import { FlowDocument, FlowRegion, regionAt } from '../flow';
import { regionDialect } from '../flow/analysis/dialect';
import { grammarOf } from '../flow/analysis/grammar/grammar';
import { readInteraction } from '../flow/analysis/interactions';
import { VariableBinding, variablePart } from '../flow/analysis/variables';
import { targetAt } from '../flow/editing/targets';
import { variableAt } from '../flow/editing/variableTargets';
import { FlowNode, indexInParent, nodeAt } from '../flow/syntax/tree';

/** A thing a definition declares: its type, a message of its endpoint, or a field of one. */
export interface DeclaredName {
  kind: 'integration' | 'message' | 'field';
  definition: Definition;
  type: string;
  message?: string;
  field?: string;
}

export interface VariableName {
  kind: 'variable';
  flow: FlowDocument;
  region: FlowRegion;
  binding: VariableBinding;
}

export type RenameSubject = DeclaredName | VariableName;

export interface RenameTarget {
  subject: RenameSubject;
  /** Where the editor edits the name: the name alone, without quotes or a keyword's colon. */
  range: Range;
  placeholder: string;
}

export type Refusal = { refused: string };

export function isRefusal<T extends object>(answer: T | Refusal): answer is Refusal {
  return 'refused' in answer;
}

export const nothingHere = 'Nothing to rename here: put the cursor on an integration type, a message, a field or a 4.2 variable.';

/** The name renamed: what the subject is called now. */
export function currentName(subject: RenameSubject): string {
  if (subject.kind === 'variable') return subject.binding.name;
  return subject.field ?? subject.message ?? subject.type;
}

/** What a position of an open document names, or why it cannot be renamed. */
export function renameTargetAt(service: LanguageService, uri: string, position: Position): RenameTarget | Refusal {
  const source = service.workspace.opened(uri);
  if (source === undefined) return { refused: 'The document is not open: rename starts from an open document.' };
  const model = service.modelOf(source);
  if (model.guard !== undefined) return { refused: `This file is not analysed, so nothing in it can be renamed: ${model.guard.message}` };
  const at = clampPosition(source.document, position);
  switch (model.kind) {
    case 'definition':
      return definitionTarget(model.definition, at);
    case 'flow':
    case 'pattern':
      return flowTarget(model.flow, at, service.contextFor(uri));
    default:
      return { refused: nothingHere };
  }
}

function definitionTarget(parsed: DefinitionDocument, position: Position): RenameTarget | Refusal {
  const doc = parsed.document;
  const definition = parsed.definition;
  const type = definition.type?.value;
  const node = jsonNodeAt(parsed.json.root, doc.offsetAt(position));
  if (node?.type !== 'string') return { refused: nothingHere };
  const path = pathOf(node);
  const property = node.parent;
  const inside = (): Range => {
    const text = doc.getText();
    const end = node.length >= 2 && text.charCodeAt(node.offset + node.length - 1) === 34 ? node.offset + node.length - 1 : node.offset + node.length;
    return { start: doc.positionAt(node.offset + 1), end: doc.positionAt(end) };
  };
  const isKey = property?.type === 'property' && property.keyNode === node;
  if (path.length === 1 && path[0] === 'type' && !isKey) {
    if (type === undefined || type === '') return { refused: 'The definition has no type to rename yet.' };
    return { subject: { kind: 'integration', definition, type }, range: inside(), placeholder: type };
  }
  if (!isKey || path[0] !== 'endpoint' || path[1] !== 'sends' || (path.length !== 3 && path.length !== 4)) return { refused: nothingHere };
  if (type === undefined || type === '') return { refused: 'The definition has no type: flows cannot use its messages, so there is nothing to rename them in.' };
  const message = String(path[2]);
  if (path.length === 3) return { subject: { kind: 'message', definition, type, message }, range: inside(), placeholder: message };
  const field = String(path[3]);
  return { subject: { kind: 'field', definition, type, message, field }, range: inside(), placeholder: field };
}

function flowTarget(flow: FlowDocument, position: Position, ctx: AnalysisContext): RenameTarget | Refusal {
  const docOffset = flow.document.offsetAt(position);
  const region = regionAt(flow, docOffset);
  if (region === undefined) return { refused: nothingHere };
  const grammar = grammarOf(regionDialect(region, ctx.settings.flow.dialect).version);
  const offset = region.toRegionOffset(docOffset);
  const found = targetAt(region, offset, ctx, grammar);
  switch (found?.kind) {
    case 'integration':
      return { subject: { kind: 'integration', definition: found.definition, type: found.name }, range: region.range(found.node.start, found.node.end), placeholder: found.name };
    case 'message':
      return {
        subject: { kind: 'message', definition: found.definition, type: found.integration, message: found.message.name },
        range: region.range(found.node.start, found.node.end),
        placeholder: found.message.name,
      };
    case 'field':
      return {
        subject: { kind: 'field', definition: found.definition, type: found.integration, message: found.message.name, field: found.field.name },
        range: keyNameRange(region, found.node),
        placeholder: found.field.name,
      };
    case 'operator':
      return { refused: `\`${found.name}\` is a form of the flow language: only integrations, messages, fields and 4.2 variables can be renamed.` };
  }
  if (grammar.dialect === '4.2') {
    const variable = variableAt(region, offset);
    if (variable !== undefined) {
      const part = variablePart(variable.symbol);
      return { subject: { kind: 'variable', flow, region, binding: variable.binding }, range: region.range(part.start, part.end), placeholder: variable.binding.name };
    }
  }
  return { refused: unknownReason(region, offset) ?? nothingHere };
}

/** The range of a key's name: a keyword without its colon, a string without its quotes. */
export function keyNameRange(region: FlowRegion, key: FlowNode): Range {
  if (key.kind === 'keyword') return region.range(key.start + 1, key.end);
  if (key.kind === 'string') return region.range(key.start + 1, key.closed ? key.end - 1 : key.end);
  return region.range(key.start, key.end);
}

/** Why a name in an interaction cannot be renamed: no definition declares it. */
function unknownReason(region: FlowRegion, offset: number): string | undefined {
  const node = nodeAt(region.tree, offset);
  const parent = node?.parent;
  if (node?.kind !== 'symbol' || parent?.kind !== 'list') return undefined;
  const interaction = readInteraction(parent);
  const index = indexInParent(node);
  if (interaction === undefined || (index !== 1 && index !== 2)) return undefined;
  if (index === 1) return `No definition of the integration \`${node.name}\` is known here, so there is nothing to rename it in.`;
  return `\`${node.name}\` is not a message of a known integration, so there is nothing to rename it in.`;
}
