// The form of the interaction at (or nearest to) a position in a flow, filled from the code and
// read from its send check: each field's value and where it comes from, and each problem of the
// send as the Problems panel shows it (after severity overrides and suppression comments).
import { Position, Range } from 'vscode-languageserver-types';
import { AnalysisContext } from '../analysisContext';
import { messages } from '../codes';
import { displayName } from '../definitions/model';
import { FlowRegion, nodeRange } from '../flow/embedding/region';
import { FlowDocument, flowInteractionAt } from '../flow';
import { forEachInteraction, Interaction, InteractionInfo, interactionInfo } from '../flow/analysis/interactions';
import { checkInteraction, FieldCheck, fieldStatus, InteractionCheck } from '../flow/analysis/sendCheck';
import { problemLevels, ProblemLevel } from '../flow/analysis/shownProblems';
import { FlowNode } from '../flow/syntax/tree';
import { FormProblem, SendFieldModel, SendFormModel } from './previewModel';
import { sendValue } from './sendPreviewValue';

/**
 * The interaction at `position` (the innermost one, also at its `(`), else the first one after it,
 * else (past the last one) the last one before it: the preview shows the nearest send rather than
 * nothing.
 */
export function sendAt(flowDoc: FlowDocument, position: Position): InteractionInfo | undefined {
  const offset = flowDoc.document.offsetAt(position);
  const holding = flowInteractionAt(flowDoc, offset);
  if (holding) return holding;
  // Only the interaction chosen gets its document ranges worked out: a cursor move in a large flow
  // costs one walk over the trees.
  let before: { region: FlowRegion; interaction: Interaction } | undefined;
  // Regions that end before the cursor are walked only when no interaction follows it.
  const earlier: FlowRegion[] = [];
  for (const region of flowDoc.regions) {
    if (region.docEnd < offset) {
      earlier.push(region);
      continue;
    }
    let next: Interaction | undefined;
    forEachInteraction(region, (interaction) => {
      if (next !== undefined) return;
      if (region.toDocumentOffset(interaction.list.start) >= offset) next = interaction;
      else before = { region, interaction };
    });
    if (next) return interactionInfo(region, next);
  }
  for (let i = earlier.length - 1; before === undefined && i >= 0; i--) {
    const region = earlier[i];
    forEachInteraction(region, (interaction) => {
      before = { region, interaction };
    });
  }
  return before && interactionInfo(before.region, before.interaction);
}

export function sendForm(flowDoc: FlowDocument, position: Position, ctx: AnalysisContext): SendFormModel | null {
  const send = sendAt(flowDoc, position);
  return send ? sendFormOf(flowDoc.uri, send, ctx, position) : null;
}

export function sendFormOf(uri: string, send: InteractionInfo, ctx: AnalysisContext, position: Position): SendFormModel {
  const check = checkInteraction(send.interaction, ctx);
  const level = problemLevels(send.region, ctx.settings);
  const problems: FormProblem[] = [];
  for (const problem of check.problems) {
    const severity = level(problem);
    if (severity !== undefined) problems.push({ message: problem.message, severity, code: problem.code, range: send.region.range(problem.start, problem.end) });
  }
  // In document order, as the Problems panel lists them.
  problems.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  const model: SendFormModel = {
    kind: 'send',
    uri,
    operator: send.interaction.verb.name,
    integration: check.integration ?? '',
    message: send.message?.name ?? '',
    fields: check.fields.map((field) => fieldModel(send, check, field, level)),
    problems,
    range: send.range,
    position: { line: position.line, character: position.character },
  };
  if (check.definition) {
    model.integrationDisplayName = displayName(check.definition);
    model.definitionUri = check.definition.uri;
  }
  return model;
}

/** Whether the form may write the field: a declared one, given by no template, empty or an enum constant; never a credential. */
export function isEditable(field: FieldCheck, check: InteractionCheck): boolean {
  const { params, paramsNode, verb } = check.interaction;
  const own = field.entries[0]?.value;
  return (
    field.spec !== undefined &&
    !field.credential &&
    (params !== undefined || (verb.paramsOptional && paramsNode === undefined)) &&
    field.templateEntries.length === 0 &&
    (own === undefined || (field.spec.enum !== undefined && isConstant(own)))
  );
}

function fieldModel(send: InteractionInfo, check: InteractionCheck, field: FieldCheck, level: ProblemLevel): SendFieldModel {
  const entry = field.entries[0] ?? field.templateEntries[0];
  const spec = field.spec;
  const shown = fieldStatus(field, (p) => level(p) !== undefined);
  const model: SendFieldModel = {
    name: field.name,
    label: field.name,
    mandatory: spec?.mandatory ?? false,
    // The value of a credential never enters the model, whatever it is.
    value: field.credential ? { kind: 'secret' } : sendValue(entry?.value, send.interaction.verb.dialect),
    templated: field.templateEntries.length > 0,
    editable: isEditable(field, check),
    status: shown.status === 'templated' ? 'ok' : shown.status,
    range: entry ? nodeRange(send.region, entry.value ?? entry.key) : whereToAdd(send),
  };
  if (spec?.description !== undefined) model.help = spec.description;
  if (spec?.enum !== undefined) model.options = [...spec.enum];
  if (shown.problem !== undefined) {
    // The one missing-fields diagnostic names them all; the field's row names the field alone.
    model.problem =
      shown.status === 'missing' ? messages.missingMandatoryFields(check.integration ?? '', send.message?.name ?? '', [field.name]) : shown.problem.message;
    model.severity = level(shown.problem);
  }
  return model;
}

/** Where a field not written yet would go: the params map, else the integration and message words. */
function whereToAdd(send: InteractionInfo): Range {
  if (send.params) return nodeRange(send.region, send.params);
  const first: FlowNode = send.integration?.node ?? send.interaction.list;
  const last: FlowNode = send.message?.node ?? send.integration?.node ?? send.interaction.list;
  return send.region.range(first.start, last.end);
}

/** A value the form may overwrite: a constant, not something the author computes. */
function isConstant(node: FlowNode): boolean {
  return node.kind === 'string' || node.kind === 'number' || node.kind === 'nil' || node.kind === 'boolean';
}
