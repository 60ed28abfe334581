// Inlay hints of flow code, one setting per kind (`cxengage.inlayHints.*`): the mandatory fields a
// params map still lacks, at its end (as the send check finds them, after suppression and severity
// overrides, so the hint and the Problems panel agree), and an integration's display name after its type.
import { InlayHint, InlayHintKind } from 'vscode-languageserver-types';
import { AnalysisContext } from '../../analysisContext';
import { displayName } from '../../definitions/model';
import { FlowDocument, FlowRegion } from '../index';
import { problemLevels } from '../analysis/shownProblems';
import { checkInteraction } from '../analysis/sendCheck';
import { forEachInteraction, Interaction } from '../analysis/interactions';

export interface InlayHintKinds {
  missingFields: boolean;
  integrationNames: boolean;
}

/** The hints of the interactions that touch document offsets `from`..`to`. */
export function flowInlayHints(flowDoc: FlowDocument, ctx: AnalysisContext, kinds: InlayHintKinds, from: number, to: number): InlayHint[] {
  const hints: InlayHint[] = [];
  if (!kinds.missingFields && !kinds.integrationNames) return hints;
  for (const region of flowDoc.regions) {
    if (region.docEnd < from || region.docStart > to) continue;
    const start = region.toRegionOffset(from);
    const end = region.toRegionOffset(to);
    let levels: ReturnType<typeof problemLevels> | undefined;
    forEachInteraction(region, (interaction) => {
      if (interaction.list.end < start || interaction.list.start > end) return;
      if (kinds.integrationNames) integrationName(region, interaction, ctx, hints);
      if (kinds.missingFields) {
        levels ??= problemLevels(region, ctx.settings);
        missingFields(region, interaction, ctx, levels, hints);
      }
    });
  }
  return hints;
}

function integrationName(region: FlowRegion, interaction: Interaction, ctx: AnalysisContext, hints: InlayHint[]): void {
  const node = interaction.integrationNode;
  if (node?.kind !== 'symbol') return;
  const definition = ctx.lookup(node.name);
  const name = definition === undefined ? undefined : displayName(definition);
  if (name === undefined || name === node.name) return;
  hints.push({ position: region.position(node.end), label: name, kind: InlayHintKind.Type, paddingLeft: true, tooltip: `Integration \`${node.name}\`: ${name}` });
}

function missingFields(region: FlowRegion, interaction: Interaction, ctx: AnalysisContext, levels: ReturnType<typeof problemLevels>, hints: InlayHint[]): void {
  const check = checkInteraction(interaction, ctx);
  if (check.missing.length === 0) return;
  const problem = check.problems.find((p) => p.code === 'missing-mandatory-field');
  if (problem === undefined || levels(problem) === undefined) return;
  // At the end of the params map (before its `}`), or after the message when the map is left out.
  const params = interaction.params;
  const at = params !== undefined ? (params.closed ? params.end - 1 : params.end) : interaction.messageNode?.end;
  if (at === undefined) return;
  const label = `missing ${check.missing.map((f) => `:${f}`).join(' ')}`;
  const inside = params !== undefined && params.children.length > 0;
  hints.push({ position: region.position(at), label, kind: InlayHintKind.Parameter, paddingLeft: inside || params === undefined, tooltip: 'Mandatory fields of the message that nothing here provides yet' });
}
