// A "Preview form" code lens above each send/await of a flow or pattern file.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeLens } from 'vscode-languageserver-types';
import { flowInteractions, getFlowDocument } from '../flow';
import { isFlowDocument } from './sendPreview';

export const previewSendFormCommand = 'cxengage.previewSendForm';

export function sendCodeLenses(doc: TextDocument): CodeLens[] {
  if (!isFlowDocument(doc)) return [];
  return flowInteractions(getFlowDocument(doc)).map((send) => {
    // On its operator: the preview opens on this send (its `(` would do too; the operator reads better).
    const operator = send.region.position(send.interaction.list.start + 1);
    return {
      range: send.range,
      command: { title: 'Preview form', command: previewSendFormCommand, arguments: [doc.uri, operator] },
    };
  });
}
