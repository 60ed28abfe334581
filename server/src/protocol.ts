// Custom requests between the extension and the language server, declared once for both sides.
import { RequestType } from 'vscode-languageserver-protocol';
import type { FormModel, FormPosition, IntegrationSummary, SendFormEditResult } from './service/previews/previewModel';

export type * from './service/previews/previewModel';

/** The form of a definition file, of a send at a position in a flow, or of an integration by type. */
export type FormModelParams =
  | { uri: string; position?: FormPosition }
  | { integrationType: string; /** The document asking, so the right workspace folder is searched. */ uri?: string };

export const FormModelRequest = new RequestType<FormModelParams, FormModel | null, void>('cxengage/formModel');

export interface IntegrationListParams {
  /** The document asking (its workspace folder decides which definitions are visible). */
  uri?: string;
}

/** Every integration visible from a document, for the quick pick. */
export const IntegrationListRequest = new RequestType<IntegrationListParams, IntegrationSummary[], void>(
  'cxengage/integrations',
);

export interface SendFormEditParams {
  uri: string;
  /** A position inside (or before) the send, as for `FormModelRequest`. */
  position: FormPosition;
  /** Field name → the text to write as a string constant. */
  values: Record<string, string>;
}

/** The edit that writes values chosen in a send form back into the flow, or why there is none. */
export const SendFormEditRequest = new RequestType<SendFormEditParams, SendFormEditResult, void>('cxengage/sendFormEdit');
