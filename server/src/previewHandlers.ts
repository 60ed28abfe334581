// The preview requests on the wire: their params checked (they come from outside the server),
// then answered by the language service.
import type { Connection } from 'vscode-languageserver';
import { FormModelParams, FormModelRequest, IntegrationListRequest, SendFormEditParams, SendFormEditRequest, SendFormEditResult } from './protocol';
import { safeHandler } from './safeHandler';
import type { LanguageService } from './service/languageService';

export function registerPreviewHandlers(connection: Connection, service: LanguageService, ready: () => Promise<void>): void {
  const log = { error: (message: string) => connection.console.error(message) };
  const previews = service.previews;
  connection.onRequest(
    FormModelRequest,
    safeHandler(log, 'form model', null, async (params: unknown) => {
      await ready();
      const target = formModelParams(params);
      return target ? previews.formModel(target) : null;
    }),
  );
  connection.onRequest(
    IntegrationListRequest,
    safeHandler(log, 'integration list', [], async (params: unknown) => {
      await ready();
      const uri = (params as { uri?: unknown } | null)?.uri;
      return previews.integrationList(typeof uri === 'string' ? uri : undefined);
    }),
  );
  connection.onRequest(
    SendFormEditRequest,
    safeHandler(log, 'send form edit', failedEdit, async (params: unknown): Promise<SendFormEditResult> => {
      await ready();
      const edit = sendFormEditParams(params);
      return edit ? previews.sendFormEdit(edit.uri, edit.position, edit.values) : malformedEdit;
    }),
  );
}

const failedEdit: SendFormEditResult = { edit: null, reason: 'the server failed to work out the edit (the CxEngage output has the details)' };
const malformedEdit: SendFormEditResult = { edit: null, reason: 'the request did not name a flow, a position and the values to write' };

/** The params of a send form edit, if they have the declared shape. */
function sendFormEditParams(value: unknown): SendFormEditParams | undefined {
  const target = formModelParams(value);
  if (!target || 'integrationType' in target || !target.position) return undefined;
  const values = (value as { values?: unknown }).values;
  if (typeof values !== 'object' || values === null) return undefined;
  const strings: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [k, v] of Object.entries(values)) if (typeof v === 'string') strings[k] = v;
  return { uri: target.uri, position: target.position, values: strings };
}

/** The params of a form model request, if they have the declared shape. */
function formModelParams(value: unknown): FormModelParams | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const uri = typeof v.uri === 'string' ? v.uri : undefined;
  if (typeof v.integrationType === 'string') return { integrationType: v.integrationType, uri };
  if (uri === undefined) return undefined;
  if (v.position === undefined) return { uri };
  const p = v.position as Record<string, unknown> | null;
  const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;
  if (typeof p !== 'object' || p === null || !isCount(p.line) || !isCount(p.character)) return undefined;
  return { uri, position: { line: p.line, character: p.character } };
}
