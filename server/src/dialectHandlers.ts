// The dialect requests: which dialect a flow or pattern document's code is read as and why (the
// editor's language status item), and the edit that switches it with a first-line comment.
import type { Connection } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, WorkspaceEdit } from 'vscode-languageserver-types';
import { DialectEditParams, DialectEditRequest, DialectInfo, DialectParams, DialectRequest, FlowDialectSetting } from './protocol';
import { safeHandler } from './safeHandler';
import { AnalysisContext } from './service/analysisContext';
import { documentKind } from './service/documentKind';
import { dialectAt, directiveEdit } from './service/flow/editing/dialectDirective';

export interface DialectEnvironment {
  /** The open document, else the file read from disk. */
  getDocument(uri: string): TextDocument | undefined;
  contextFor(uri: string): AnalysisContext;
}

export function registerDialectHandlers(connection: Connection, env: DialectEnvironment): void {
  const log = { error: (message: string) => connection.console.error(message) };
  connection.onRequest(DialectRequest, safeHandler(log, 'dialect', null, (params) => dialectInfo(env, params)));
  connection.onRequest(DialectEditRequest, safeHandler(log, 'dialect edit', null, (params) => dialectEdit(env, params)));
}

/** The flow or pattern document a request names, if its params have the declared shape (they come from outside). */
function flowDocument(env: DialectEnvironment, value: unknown): { doc: TextDocument; position?: Position } | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.uri !== 'string') return undefined;
  const doc = env.getDocument(v.uri);
  const kind = doc === undefined ? 'other' : documentKind(doc.uri, doc.languageId);
  if (doc === undefined || (kind !== 'flow' && kind !== 'pattern')) return undefined;
  const p = v.position as Record<string, unknown> | null | undefined;
  const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;
  if (typeof p === 'object' && p !== null && isCount(p.line) && isCount(p.character)) return { doc, position: { line: p.line, character: p.character } };
  return { doc };
}

export function dialectInfo(env: DialectEnvironment, params: DialectParams | unknown): DialectInfo | null {
  const target = flowDocument(env, params);
  if (target === undefined) return null;
  const ctx = env.contextFor(target.doc.uri);
  const found = dialectAt(target.doc, target.position, ctx);
  if (found === undefined) return null;
  const { region, dialect, because } = found;
  const reason = dialect.reason;
  const info: DialectInfo = { dialect: dialect.version, source: reason.kind, because, setting: ctx.settings.flow.dialect };
  if (reason.kind === 'directive' || reason.kind === 'form') info.range = region.range(reason.start, reason.end);
  return info;
}

function isSetting(value: unknown): value is FlowDialectSetting {
  return value === 'auto' || value === '4.1' || value === '4.2';
}

export function dialectEdit(env: DialectEnvironment, params: DialectEditParams | unknown): WorkspaceEdit | null {
  const target = flowDocument(env, params);
  const dialect = (params as { dialect?: unknown } | null)?.dialect;
  if (target === undefined || !isSetting(dialect)) return null;
  const found = dialectAt(target.doc, target.position, env.contextFor(target.doc.uri));
  const edit = found === undefined ? undefined : directiveEdit(found.region, dialect);
  return edit === undefined ? null : { changes: { [target.doc.uri]: [edit] } };
}
