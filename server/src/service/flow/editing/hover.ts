// Hover in flow code: what an integration, message type, field or operator is, from the
// definitions and the form table; the values an enum field allows; and where a value (`*x*`, `$x`,
// `+TM1`, a variable) comes from.
import { Hover, MarkupKind } from 'vscode-languageserver-types';
import { AnalysisContext } from '../../analysisContext';
import {
  ResponseOrigin,
  boundVariableMarkdown,
  enumValueMarkdown,
  eventFieldMarkdown,
  fieldMarkdown,
  formsMarkdown,
  integrationMarkdown,
  messageMarkdown,
  responseValueMarkdown,
  setMarkdown,
  taggedLiteralMarkdown,
  templateRefMarkdown,
  variableMarkdown,
} from './flowDocs';
import { FlowRegion, nodeRange } from '../embedding/region';
import { ResponseSource } from '../analysis/responseScope';
import { isSecretAt } from '../analysis/secretValues';
import { readInteraction } from '../analysis/interactions';
import { enumValueAt, targetAt } from './targets';
import { variableAt } from './variableTargets';
import { Grammar, grammar41 } from '../analysis/grammar/grammar';
import { FlowNode, symbolParts } from '../syntax/tree';
import { FlowValue, valueAt } from './values';

export function hoverInRegion(region: FlowRegion, offset: number, ctx: AnalysisContext, grammar: Grammar = grammar41): Hover | null {
  // A credential's value is never repeated, not even as the name of a variable.
  if (isSecretAt(region, offset, ctx)) return null;
  const target = targetAt(region, offset, ctx, grammar);
  if (target === undefined) {
    const enumValue = enumValueAt(region, offset, ctx, grammar);
    if (enumValue !== undefined) {
      const { integration, message, field, value } = enumValue;
      return markdownHover(region, enumValue.node, enumValueMarkdown(integration, message.name, field, value));
    }
    if (grammar.dialect === '4.2') return hover42(region, offset);
    const value = valueAt(region, offset);
    return value === undefined ? null : markdownHover(region, value.node, valueMarkdown(region, value));
  }
  let value: string;
  switch (target.kind) {
    case 'operator':
      value = formsMarkdown(target.forms);
      break;
    case 'integration':
      value = integrationMarkdown(target.definition);
      break;
    case 'message':
      value = messageMarkdown(target.integration, target.message);
      break;
    case 'field':
      value = fieldMarkdown(target.integration, target.message.name, target.field);
      break;
  }
  return markdownHover(region, target.node, value);
}

/** 4.2 values: a variable with where it is bound, `$field` as an event field, and the constants 4.1 has too. */
function hover42(region: FlowRegion, offset: number): Hover | null {
  const variable = variableAt(region, offset);
  if (variable !== undefined) {
    const field = symbolParts(variable.symbol).slice(1).map((p) => p.name).join('.');
    const line = region.position(variable.binding.node.start).line + 1;
    return markdownHover(region, variable.symbol, boundVariableMarkdown(variable.binding, line, field === '' ? undefined : field));
  }
  const value = valueAt(region, offset);
  switch (value?.kind) {
    case 'response-value':
      return markdownHover(region, value.node, eventFieldMarkdown(value.name));
    case 'set':
    case 'tagged-literal':
    case 'template-ref':
      return markdownHover(region, value.node, valueMarkdown(region, value));
    default:
      return null;
  }
}

function markdownHover(region: FlowRegion, node: FlowNode, value: string): Hover {
  return { contents: { kind: MarkupKind.Markdown, value }, range: nodeRange(region, node) };
}

function lineOf(region: FlowRegion, node: FlowNode): number {
  return region.position(node.start).line + 1;
}

function valueMarkdown(region: FlowRegion, value: FlowValue): string {
  switch (value.kind) {
    case 'event-field':
      return eventFieldMarkdown(value.name);
    case 'response-value':
      return responseValueMarkdown(value.name, value.source && origin(region, value.source));
    case 'template-ref':
      return templateRefMarkdown(value.name);
    case 'variable':
      return variableMarkdown(value.name, value.sets.map((set) => lineOf(region, set)));
    case 'set':
      return setMarkdown(value.members);
    case 'tagged-literal':
      return taggedLiteralMarkdown(value.tag);
  }
}

function origin(region: FlowRegion, source: ResponseSource): ResponseOrigin {
  const line = lineOf(region, source.form);
  if (source.operator === 'expect') return { operator: 'expect', line };
  const interaction = readInteraction(source.form);
  const integration = interaction?.integrationNode;
  const message = interaction?.messageNode;
  const target = integration?.kind === 'symbol' && message?.kind === 'symbol' ? `${integration.name} ${message.name}` : undefined;
  return { operator: source.operator, target, line };
}
