// The dialect requests: which dialect a flow or pattern document's code is read as and why (the
// editor's language status item), and the edit that switches it with a first-line comment.
import type { Connection } from 'vscode-languageserver';
import type { Position, WorkspaceEdit } from 'vscode-languageserver-types';
import { DialectEditParams, DialectEditRequest, DialectInfo, DialectParams, DialectRequest, FlowDialectSetting } from './protocol';
import { safeHandler } from './safeHandler';
import { FlowDocument } from './service/flow';
import { dialectAt, directiveEdit } from './service/flow/editing/dialectDirective';
import { clampPosition } from './service/documents/textSafety';
import type { LanguageService } from './service/languageService';
import { DialectSetting } from './service/flow/analysis/dialect';

export function registerDialectHandlers(connection: Connection, service: LanguageService, ready: () => Promise<void>): void {
  const log = { error: (message: string) => connection.console.error(message) };
  connection.onRequest(
    DialectRequest,
    safeHandler(log, 'dialect', null, async (params: unknown) => {
      await ready();
      return dialectInfo(service, params);
    }),
  );
  connection.onRequest(
    DialectEditRequest,
    safeHandler(log, 'dialect edit', null, async (params: unknown) => {
      await ready();
      return dialectEdit(service, params);
    }),
  );
}

interface Target {
  flow: FlowDocument;
  position?: Position;
  setting: DialectSetting;
}

/** The open flow or pattern document a request names, if its params have the declared shape (they come from outside). */
function flowTarget(service: LanguageService, value: unknown): Target | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.uri !== 'string') return undefined;
  const model = service.openModel(v.uri);
  if (model === undefined || (model.kind !== 'flow' && model.kind !== 'pattern')) return undefined;
  const setting = service.contextFor(v.uri).settings.flow.dialect;
  const p = v.position as Record<string, unknown> | null | undefined;
  const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;
  if (typeof p === 'object' && p !== null && isCount(p.line) && isCount(p.character)) {
    return { flow: model.flow, position: clampPosition(model.source.document, { line: p.line, character: p.character }), setting };
  }
  return { flow: model.flow, setting };
}

function dialectInfo(service: LanguageService, params: DialectParams | unknown): DialectInfo | null {
  const target = flowTarget(service, params);
  const found = target === undefined ? undefined : dialectAt(target.flow, target.position, target.setting);
  if (target === undefined || found === undefined) return null;
  const { region, dialect, because } = found;
  const reason = dialect.reason;
  const info: DialectInfo = { dialect: dialect.version, source: reason.kind, because, setting: target.setting };
  if (reason.kind === 'directive' || reason.kind === 'form') info.range = region.range(reason.start, reason.end);
  return info;
}

function isSetting(value: unknown): value is FlowDialectSetting {
  return value === 'auto' || value === '4.1' || value === '4.2';
}

function dialectEdit(service: LanguageService, params: DialectEditParams | unknown): WorkspaceEdit | null {
  const target = flowTarget(service, params);
  const dialect = (params as { dialect?: unknown } | null)?.dialect;
  if (target === undefined || !isSetting(dialect)) return null;
  const found = dialectAt(target.flow, target.position, target.setting);
  const edit = found === undefined ? undefined : directiveEdit(found.region, dialect);
  return edit === undefined ? null : { changes: { [target.flow.uri]: [edit] } };
}
