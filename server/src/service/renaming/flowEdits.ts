// The edits a rename makes in one flow or pattern document: every use of a declared name (an
// integration in integration position, a message after it, a field key of its params and template
// maps) and every read of a 4.2 variable, each token replaced whole. Code inside a JSON string gets
// its replacement JSON-escaped, over the document range that holds the token with its escapes.
import { TextEdit } from 'vscode-languageserver-types';
import { FlowDocument, FlowRegion, forEachFlowInteraction } from '../flow';
import { usesOf, variablePart, VariableBinding } from '../flow/analysis/variables';
import { FlowNode, keyName } from '../flow/syntax/tree';
import { DeclaredName } from './renameTarget';

/** `code` as it must be written at a place of `region`: escaped for a JSON string. */
function written(region: FlowRegion, code: string): string {
  return region.embedded ? JSON.stringify(code).slice(1, -1) : code;
}

function replace(region: FlowRegion, start: number, end: number, code: string): TextEdit {
  return { range: region.range(start, end), newText: written(region, code) };
}

/** A map key renamed in the spelling it has: `:to` or `"to"`. */
function keyEdit(region: FlowRegion, key: FlowNode, name: string): TextEdit | undefined {
  if (key.kind === 'keyword') return replace(region, key.start, key.end, `:${name}`);
  // An unterminated string key keeps running to the end of the code: only a closed one is renamed.
  if (key.kind === 'string' && key.closed) return replace(region, key.start, key.end, `"${name}"`);
  return undefined;
}

/**
 * Edits renaming the integration, message or field of `name` to `newName` in a document whose
 * flows mean `name.definition` by its type (the caller knows).
 */
export function declaredNameEdits(flow: FlowDocument, name: DeclaredName, newName: string): TextEdit[] {
  const edits: TextEdit[] = [];
  forEachFlowInteraction(flow, (interaction) => {
    const integration = interaction.integration;
    if (integration?.name !== name.type) return;
    const region = interaction.region;
    if (name.kind === 'integration') {
      edits.push(replace(region, integration.node.start, integration.node.end, newName));
      return;
    }
    const message = interaction.message;
    if (message === undefined || message.name !== name.message) return;
    if (name.kind === 'message') {
      edits.push(replace(region, message.node.start, message.node.end, newName));
      return;
    }
    for (const entries of [interaction.entries, interaction.templateEntries]) {
      for (const entry of entries) {
        if (keyName(entry.key) !== name.field) continue;
        const edit = keyEdit(region, entry.key, newName);
        if (edit !== undefined) edits.push(edit);
      }
    }
  });
  return edits;
}

/** Edits renaming a 4.2 variable: its binding and every read (`result` of `result.sid`). */
export function variableEdits(region: FlowRegion, binding: VariableBinding, newName: string): TextEdit[] {
  return usesOf(region, binding).map((symbol) => {
    const part = variablePart(symbol);
    return replace(region, part.start, part.end, newName);
  });
}
