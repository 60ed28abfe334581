// The form preview requests: the form model of a definition, of an integration by type, or of
// the send at a position; and the list of integrations for the preview's quick pick.
import type { Connection } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, WorkspaceEdit } from 'vscode-languageserver-types';
import {
  FormModel,
  FormModelParams,
  FormModelRequest,
  IntegrationListParams,
  IntegrationListRequest,
  IntegrationSummary,
  SendFormEditParams,
  SendFormEditRequest,
} from './protocol';
import { safeHandler } from './safeHandler';
import { AnalysisContext } from './service/analysisContext';
import { getDefinitionDocument } from './service/definitions/definitionDocument';
import { DefinitionIndex } from './service/definitions/definitionIndex';
import { Definition, definitionType, displayName } from './service/definitions/model';
import { documentKind } from './service/documentKind';
import { integrationForm, sendForm, sendFormEdit } from './service/previews';
import { isFlowDocument } from './service/previews/sendPreview';

export interface FormEnvironment {
  /** The open document, else the file read from disk. */
  getDocument(uri: string): TextDocument | undefined;
  contextFor(uri: string): AnalysisContext;
  index: DefinitionIndex;
  definitionDiagnostics(doc: TextDocument): Promise<Diagnostic[]>;
}

export function registerFormHandlers(connection: Connection, env: FormEnvironment): void {
  const log = { error: (message: string) => connection.console.error(message) };
  connection.onRequest(FormModelRequest, safeHandler(log, 'form model', null, (params) => formModel(env, params)));
  connection.onRequest(IntegrationListRequest, safeHandler(log, 'integration list', [], (params) => integrationList(env, params)));
  connection.onRequest(SendFormEditRequest, safeHandler(log, 'send form edit', null, (params) => sendFormEditOf(env, params)));
}

/** The edit for values chosen in a send form, on the flow as it stands now. */
export function sendFormEditOf(env: FormEnvironment, request: unknown): WorkspaceEdit | null {
  const params = sendFormEditParams(request);
  const doc = params && env.getDocument(params.uri);
  if (!params || !doc || !isFlowDocument(doc)) return null;
  return sendFormEdit(doc, params.position, params.values, env.contextFor(params.uri));
}

function sendFormEditParams(value: unknown): SendFormEditParams | undefined {
  const target = formModelParams(value);
  if (!target || 'integrationType' in target || !target.position) return undefined;
  const values = (value as { values?: unknown }).values;
  if (typeof values !== 'object' || values === null) return undefined;
  const strings: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [k, v] of Object.entries(values)) if (typeof v === 'string') strings[k] = v;
  return { uri: target.uri, position: target.position, values: strings };
}

export async function formModel(env: FormEnvironment, request: unknown): Promise<FormModel | null> {
  const params = formModelParams(request);
  if (!params) return null;
  if ('integrationType' in params) {
    const definition = findIntegration(env, params.integrationType, params.uri);
    return definition ? definitionForm(env, definition.uri, definition) : null;
  }
  const doc = env.getDocument(params.uri);
  if (!doc) return null;
  switch (documentKind(params.uri, doc.languageId)) {
    case 'definition':
      return definitionForm(env, params.uri);
    case 'flow':
    case 'pattern':
      return sendForm(doc, params.position ?? { line: 0, character: 0 }, env.contextFor(params.uri));
    default:
      return null;
  }
}

/** The request's params if they have the declared shape: they come from outside the server. */
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

function findIntegration(env: FormEnvironment, type: string, uri: string | undefined): Definition | undefined {
  if (uri !== undefined) return env.contextFor(uri).lookup(type);
  return env.index.workspaceDefinitions().find((d) => definitionType(d) === type) ?? env.index.builtin(type);
}

/** The form of a definition file as it stands now (unsaved edits included), with its problems. */
async function definitionForm(env: FormEnvironment, uri: string, known?: Definition): Promise<FormModel | null> {
  const doc = env.getDocument(uri);
  if (!doc) return known ? integrationForm(known, []) : null;
  const builtin = known?.builtin ?? env.index.isBuiltinUri(uri);
  const definition = { ...getDefinitionDocument(doc).definition, builtin };
  return integrationForm(definition, await env.definitionDiagnostics(doc));
}

/** Every known integration, workspace ones first, then the built-in ones, each by display name. */
export function integrationList(env: FormEnvironment, params: IntegrationListParams | null | undefined): IntegrationSummary[] {
  const uri = typeof params?.uri === 'string' ? params.uri : undefined;
  const workspace = uri !== undefined ? env.contextFor(uri).visible().filter((d) => !d.builtin) : env.index.workspaceDefinitions();
  const summaries: IntegrationSummary[] = [];
  for (const d of [...workspace, ...env.index.builtinDefinitions()]) {
    const type = definitionType(d);
    if (type === undefined) continue;
    summaries.push({ type, displayName: displayName(d), uri: d.uri, builtin: d.builtin });
  }
  const byName = (a: IntegrationSummary, b: IntegrationSummary) =>
    Number(a.builtin) - Number(b.builtin) || a.displayName.localeCompare(b.displayName) || a.uri.localeCompare(b.uri);
  return summaries.sort(byName);
}
