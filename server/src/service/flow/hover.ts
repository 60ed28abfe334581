// Hover in flow code: what an integration, message type, field or operator is, from the
// definitions and the form table.
import { Hover, MarkupKind } from 'vscode-languageserver-types';
import { AnalysisContext } from '../analysisContext';
import { fieldMarkdown, formsMarkdown, integrationMarkdown, messageMarkdown } from './flowDocs';
import { FlowRegion, nodeRange } from './region';
import { targetAt } from './targets';

export function hoverInRegion(region: FlowRegion, offset: number, ctx: AnalysisContext): Hover | null {
  const target = targetAt(region, offset, ctx);
  if (target === undefined) return null;
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
  return { contents: { kind: MarkupKind.Markdown, value }, range: nodeRange(region, target.node) };
}
