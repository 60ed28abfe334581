// A "Preview form" code lens above each send/await of a flow or pattern file.
import { CodeLens } from 'vscode-languageserver-types';
import { FlowDocument, flowInteractions } from '../flow';

export const previewSendFormCommand = 'cxengage.previewSendForm';

export function sendCodeLenses(flowDoc: FlowDocument): CodeLens[] {
  return flowInteractions(flowDoc).map((send) => {
    // On its operator: the preview opens on this send (its `(` would do too; the operator reads better).
    const operator = send.region.position(send.interaction.list.start + 1);
    return {
      range: send.range,
      command: { title: 'Preview form', command: previewSendFormCommand, arguments: [flowDoc.uri, operator] },
    };
  });
}
