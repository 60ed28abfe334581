// Semantic tokens of flow code: what the TextMate grammar cannot tell from the text alone. Whether
// an integration, message or field is known to the definitions, what a plain symbol is (a
// variable, an event field, a response value), and which forms are an older spelling or the other
// dialect's. One walk of the trees in source order, with an explicit stack; no token is re-sorted.
import { AnalysisContext } from '../../analysisContext';
import { Definition, MessageType } from '../../definitions/model';
import { FlowDocument, FlowRegion } from '../index';
import { isPatternMap, topLevelSide } from '../analysis/sides';
import type { Side } from '../embedding/region';
import { regionDialect } from '../analysis/dialect';
import { Grammar, grammarOf, otherGrammar } from '../analysis/grammar/grammar';
import { Interaction, readInteraction } from '../analysis/interactions';
import { FlowNode, MapNode, VectorNode, isContainer, keyName, operatorOf, symbolParts } from '../syntax/tree';
import { DocumentTokens } from './tokenEncoding';

/**
 * Standard LSP token types, so that every theme colours them without configuration (each maps to
 * the TextMate scope themes already style: `entity.name.namespace`, `entity.name.function`,
 * `variable.other.property`, `variable.other.readwrite`, `variable.parameter`, `keyword.control`).
 */
export const tokenTypes = ['namespace', 'function', 'property', 'variable', 'parameter', 'keyword'] as const;
/** Standard modifiers, and `unknown` (package.json maps it to the `invalid` scope, which themes colour). */
export const tokenModifiers = ['declaration', 'readonly', 'deprecated', 'defaultLibrary', 'unknown'] as const;

export type TokenType = (typeof tokenTypes)[number];
export type TokenModifier = (typeof tokenModifiers)[number];

export const semanticTokensLegend = { tokenTypes: [...tokenTypes], tokenModifiers: [...tokenModifiers] };

const typeIndex = (type: TokenType): number => tokenTypes.indexOf(type);
const bit = (modifier: TokenModifier): number => 1 << tokenModifiers.indexOf(modifier);

const integrationType = typeIndex('namespace');
const messageType = typeIndex('function');
const propertyType = typeIndex('property');
const variableType = typeIndex('variable');
const parameterType = typeIndex('parameter');
const keywordType = typeIndex('keyword');
const declaration = bit('declaration');
const readonly = bit('readonly');
const deprecated = bit('deprecated');
const defaultLibrary = bit('defaultLibrary');
const unknown = bit('unknown');

/** The message whose fields a params or template map gives; `null`: the message is not known. */
type FieldOwner = MessageType | null;

/** What one walk of a region needs: its grammar, and what its lists told about their children. */
interface RegionWalk {
  region: FlowRegion;
  grammar: Grammar;
  units: ReadonlySet<string>;
  out: DocumentTokens;
  lookup: (type: string) => Definition | undefined;
  fieldOwners: Map<MapNode, FieldOwner>;
  /** The interactions met so far, for their integration and message words. */
  interactions: Map<FlowNode, Interaction>;
  bindingVectors: Map<VectorNode, 'let' | 'one'>;
}

const unitSets = new Map<Grammar, ReadonlySet<string>>();

function unitsOf(grammar: Grammar): ReadonlySet<string> {
  let units = unitSets.get(grammar);
  if (units === undefined) unitSets.set(grammar, (units = new Set(grammar.units)));
  return units;
}

/**
 * The tokens of a flow or pattern document, or those between document offsets `from` and `to`
 * (the walk visits only the top-level forms that touch them), encoded as LSP's relative integers.
 */
export function flowSemanticTokens(flowDoc: FlowDocument, ctx: AnalysisContext, from = 0, to = Number.MAX_SAFE_INTEGER): number[] {
  const out = new DocumentTokens(flowDoc.document.getText(), from, to);
  // One lookup per integration name and request: a flow names a handful, thousands of times.
  const definitions = new Map<string, Definition | undefined>();
  const lookup = (type: string): Definition | undefined => {
    if (!definitions.has(type)) definitions.set(type, ctx.lookup(type));
    return definitions.get(type);
  };
  for (const region of flowDoc.regions) {
    if (region.docEnd < from || region.docStart > to) continue;
    const grammar = grammarOf(regionDialect(region, ctx.settings.flow.dialect).version);
    walkRegion({ region, grammar, units: unitsOf(grammar), out, lookup, fieldOwners: new Map(), interactions: new Map(), bindingVectors: new Map() }, from, to);
  }
  return out.data;
}

function walkRegion(walk: RegionWalk, from: number, to: number): void {
  const { region } = walk;
  const start = region.toRegionOffset(from);
  const end = region.toRegionOffset(to);
  const nodes: FlowNode[] = [];
  const indexes: number[] = [];
  const sides: (Side | undefined)[] = [];
  const forms = region.tree.forms;
  for (let i = forms.length - 1; i >= 0; i--) {
    const form = forms[i];
    if (form.end < start || form.start > end) continue;
    nodes.push(form);
    indexes.push(-1);
    sides.push(region.side ?? (form.kind === 'list' ? topLevelSide(region, form) : undefined));
  }
  while (nodes.length > 0) {
    const node = nodes.pop() as FlowNode;
    const index = indexes.pop() as number;
    const side = sides.pop();
    visit(walk, node, index, side);
    if (!isContainer(node)) continue;
    const patternMap = walk.grammar.dialect === '4.1' && node.kind === 'map' && isPatternMap(region, node);
    const topVector = node.kind === 'vector' && node.parent === undefined && region.side === undefined;
    const children = node.children;
    for (let i = children.length - 1; i >= 0; i--) {
      nodes.push(children[i]);
      indexes.push(i);
      sides.push(patternMap ? patternSide(node as MapNode, i) : topVector && children[i].kind === 'list' ? topLevelSide(region, children[i]) : side);
    }
  }
}

/** The side of child `i` of a pattern map: the value under `:when` or `:then`. */
function patternSide(map: MapNode, i: number): Side | undefined {
  if (i % 2 === 0) return undefined;
  const key = keyName(map.children[i - 1]);
  return key === 'when' || key === 'then' ? key : undefined;
}

function visit(walk: RegionWalk, node: FlowNode, index: number, side: Side | undefined): void {
  switch (node.kind) {
    case 'list':
      noteList(walk, node);
      return;
    case 'symbol':
      symbolToken(walk, node, index, side);
      return;
    case 'keyword':
    case 'string':
      if (node.parent?.kind === 'map' && index % 2 === 0) keyToken(walk, node, node.parent);
      return;
    case 'event':
      emit(walk, node, parameterType, 0);
      return;
    case 'response':
      // `$x`: a 4.2 event field; in 4.1 a value of the endpoint's response.
      if (walk.grammar.dialect === '4.2') emit(walk, node, parameterType, 0);
      else emit(walk, node, propertyType, readonly);
      return;
    default:
      return;
  }
}

/** What a list tells about its children: an interaction's params and template maps, a binding vector. */
function noteList(walk: RegionWalk, list: FlowNode & { kind: 'list' }): void {
  const interaction = readInteraction(list);
  if (interaction !== undefined) {
    walk.interactions.set(list, interaction);
    const integration = interaction.integrationNode;
    const messageNode = interaction.messageNode;
    const definition = integration?.kind === 'symbol' ? walk.lookup(integration.name) : undefined;
    const message = messageNode?.kind === 'symbol' ? (definition?.endpoint?.message(messageNode.name) ?? null) : null;
    if (interaction.params !== undefined) walk.fieldOwners.set(interaction.params, message);
    for (const template of interaction.templates) walk.fieldOwners.set(template, message);
    return;
  }
  const op = operatorOf(list);
  if (walk.grammar.dialect !== '4.2' || op === undefined) return;
  const vector = list.children[1];
  if (vector?.kind !== 'vector') return;
  if (op === 'let') walk.bindingVectors.set(vector, 'let');
  else if (op === 'if-let' || op === 'when-let') walk.bindingVectors.set(vector, 'one');
}

function keyToken(walk: RegionWalk, key: FlowNode, map: MapNode): void {
  const owner = walk.fieldOwners.get(map);
  if (owner !== undefined) {
    const name = keyName(key);
    const known = owner !== null && name !== undefined && owner.field(name) !== undefined;
    emit(walk, key, propertyType, known ? 0 : unknown);
    return;
  }
  // The keys of an `event` map: the fields of the event collected (4.2) or emitted (4.1).
  const parent = map.parent;
  if (parent?.kind === 'list' && parent.children[1] === map && operatorOf(parent) === 'event') emit(walk, key, parameterType, 0);
}

function symbolToken(walk: RegionWalk, symbol: FlowNode & { kind: 'symbol' }, index: number, side: Side | undefined): void {
  const parent = symbol.parent;
  if (parent?.kind === 'list') {
    if (index === 0) return operatorToken(walk, symbol);
    const interaction = index <= 2 ? walk.interactions.get(parent) : undefined;
    if (interaction !== undefined) return index === 1 ? integrationToken(walk, symbol) : messageToken(walk, symbol, interaction.integrationNode);
    const op = operatorOf(parent);
    if (index === 1 && (op === 'def' || op === 'set')) {
      // 4.1's `set` and 4.2's `def` bring a variable in; 4.2's `set` changes one.
      const modifiers = op === 'def' || walk.grammar.dialect === '4.1' ? declaration : 0;
      emit(walk, symbol, variableType, modifiers);
      return;
    }
  } else if (parent?.kind === 'vector' && index % 2 === 0) {
    const binding = walk.bindingVectors.get(parent);
    if (binding === 'let' || (binding === 'one' && index === 0)) {
      emit(walk, symbol, variableType, declaration);
      return;
    }
  }
  valueSymbolToken(walk, symbol, side);
}

/** A symbol where a value stands: a variable, unless it is a unit or a name of the grammar (`even?`). */
function valueSymbolToken(walk: RegionWalk, symbol: FlowNode & { kind: 'symbol' }, side: Side | undefined): void {
  const name = symbol.name;
  if (walk.units.has(name) || walk.grammar.has(name)) return;
  // 4.1's when side reads the event's fields by bare name (`(= CallAction "abandoned")`).
  if (walk.grammar.dialect === '4.1' && side === 'when') {
    emit(walk, symbol, parameterType, 0);
    return;
  }
  if (name.indexOf('.') < 0) {
    emit(walk, symbol, variableType, 0);
    return;
  }
  // `result.sid`: the variable, then the fields read from it (an interaction's result).
  const parts = symbolParts(symbol);
  for (let i = 0; i < parts.length; i++) {
    if (parts[i].start < parts[i].end) emitRange(walk, parts[i].start, parts[i].end, i === 0 ? variableType : propertyType, i === 0 ? 0 : readonly);
  }
}

function operatorToken(walk: RegionWalk, symbol: FlowNode & { kind: 'symbol' }): void {
  const name = symbol.name;
  const grammar = walk.grammar;
  const other = !grammar.has(name) && otherGrammar(grammar).has(name);
  if (other || grammar.named(name).some((s) => s.deprecated === true)) emit(walk, symbol, keywordType, deprecated);
}

function integrationToken(walk: RegionWalk, symbol: FlowNode & { kind: 'symbol' }): void {
  const definition = walk.lookup(symbol.name);
  emit(walk, symbol, integrationType, definition === undefined ? unknown : definition.builtin ? defaultLibrary : 0);
}

function messageToken(walk: RegionWalk, symbol: FlowNode & { kind: 'symbol' }, integration: FlowNode | undefined): void {
  const definition = integration?.kind === 'symbol' ? walk.lookup(integration.name) : undefined;
  const known = definition?.endpoint?.message(symbol.name) !== undefined;
  emit(walk, symbol, messageType, known ? 0 : unknown);
}

function emit(walk: RegionWalk, node: FlowNode, type: number, modifiers: number): void {
  emitRange(walk, node.start, node.end, type, modifiers);
}

function emitRange(walk: RegionWalk, start: number, end: number, type: number, modifiers: number): void {
  const region = walk.region;
  walk.out.push(region.toDocumentOffset(start), region.toDocumentOffset(end), type, modifiers);
}
