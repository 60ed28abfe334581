// Navigation in flow code: go to the definition of an integration, message type or field, and the
// uses of one in a flow document. The outline is in outline.ts.
import { Location, Range } from 'vscode-languageserver-types';
import { AnalysisContext } from '../../analysisContext';
import { FlowDocument, forEachFlowInteraction } from '../index';
import { FlowRegion, nodeRange } from '../embedding/region';
import { targetAt } from './targets';
import { keyName } from '../syntax/tree';

const start: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function definitionInRegion(region: FlowRegion, offset: number, ctx: AnalysisContext): Location[] {
  const target = targetAt(region, offset, ctx);
  switch (target?.kind) {
    case 'integration':
      return [{ uri: target.definition.uri, range: target.definition.type?.range ?? start }];
    case 'message':
      return [{ uri: target.definition.uri, range: target.message.keyRange }];
    case 'field':
      return [{ uri: target.definition.uri, range: target.field.keyRange }];
    default:
      return [];
  }
}

export interface FlowReferenceTarget {
  type: string;
  message?: string;
  field?: string;
}

/** Where a flow document names the integration, message type or field of `target`. */
export function referencesInDocument(flowDoc: FlowDocument, target: FlowReferenceTarget): Location[] {
  const result: Location[] = [];
  const uri = flowDoc.uri;
  forEachFlowInteraction(flowDoc, (interaction) => {
    if (interaction.integration?.name !== target.type) return;
    if (target.message === undefined) {
      result.push({ uri, range: interaction.integration.range });
      return;
    }
    if (interaction.message?.name !== target.message) return;
    if (target.field === undefined) {
      result.push({ uri, range: interaction.message.range });
      return;
    }
    for (const entry of [...interaction.entries, ...interaction.templateEntries]) {
      if (keyName(entry.key) === target.field) result.push({ uri, range: nodeRange(interaction.region, entry.key) });
    }
  });
  return result;
}
