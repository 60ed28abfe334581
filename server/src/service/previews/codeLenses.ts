// A "Preview form" code lens above each send/await of a flow or pattern file.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeLens } from 'vscode-languageserver-types';
import { flowSends, getFlowDocument } from '../flow';
import { isFlowDocument } from './sendPreview';

export const previewSendFormCommand = 'cxengage.previewSendForm';

export function sendCodeLenses(doc: TextDocument): CodeLens[] {
  if (!isFlowDocument(doc)) return [];
  return flowSends(getFlowDocument(doc)).map((send) => {
    // Inside the form (on its operator), so that the preview opens on this send, not an outer one.
    const operator = send.region.position(send.form.start + 1);
    return {
      range: send.range,
      command: { title: 'Preview form', command: previewSendFormCommand, arguments: [doc.uri, operator] },
    };
  });
}
