// Quick fixes for flow diagnostics: add the missing mandatory fields to a params map, remove an
// inline credential, replace an unknown name or an invalid value with each close suggestion, and
// for a form of the other dialect, its counterpart or a first-line comment that reads the code as
// that dialect. No fix writes anything the checks would report: an enum field gets its first value.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeAction, CodeActionKind, Diagnostic, Range, TextEdit } from 'vscode-languageserver-types';
import { AnalysisContext } from '../../analysisContext';
import { MessageField } from '../../definitions/model';
import { codeOf } from '../../diagnostics';
import { FlowDocument, regionAt } from '../index';
import { interactionAt } from '../analysis/interactions';
import { checkInteraction } from '../analysis/sendCheck';
import { FlowRegion } from '../embedding/region';
import { analyseRegion } from '../analysis/analyser';
import { DialectVersion } from '../analysis/grammar/signature';
import { directiveEdit } from './dialectDirective';
import { appendFields, fieldParts } from './fieldInsertion';
import { forRegion, renderPlain, stringLiteral } from './insertText';

type Data = Record<string, unknown>;

export function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** The data a diagnostic carries for its quick fixes (none: empty). */
export function diagnosticData(diagnostic: Diagnostic): Data {
  return (typeof diagnostic.data === 'object' && diagnostic.data !== null ? diagnostic.data : {}) as Data;
}

export function isRange(value: unknown): value is Range {
  const r = value as Range | undefined;
  return typeof r?.start?.line === 'number' && typeof r.start.character === 'number' && typeof r.end?.line === 'number';
}

export function quickFix(title: string, doc: TextDocument, diagnostic: Diagnostic, edits: TextEdit[], preferred: boolean): CodeAction {
  const action: CodeAction = {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: { changes: { [doc.uri]: edits } },
  };
  if (preferred) action.isPreferred = true;
  return action;
}

export function codeActionsFor(flowDoc: FlowDocument, diagnostics: readonly Diagnostic[], ctx: AnalysisContext): CodeAction[] {
  const doc = flowDoc.document;
  const actions: CodeAction[] = [];
  const readsClean = new Map<string, boolean>();
  for (const diagnostic of diagnostics) {
    const code = codeOf(diagnostic);
    const data = diagnosticData(diagnostic);
    const region = regionAt(flowDoc, doc.offsetAt(diagnostic.range.start));
    if (region === undefined) continue;
    // A lone did-you-mean has one outcome: it is preferred, and Fix All applies it.
    const replaceWith = (texts: string[], describe: (t: string) => string, safe = true) => {
      for (const text of texts) {
        const newText = forRegion(region, text);
        actions.push(quickFix(describe(text), doc, diagnostic, [{ range: diagnostic.range, newText }], safe && texts.length === 1));
      }
    };
    switch (code) {
      case 'missing-mandatory-field': {
        const action = addMissingFields(flowDoc, region, diagnostic, ctx);
        if (action) actions.push(action);
        break;
      }
      case 'invalid-enum-value': {
        const suggestions = stringList(data.suggestions);
        // With nothing close, every allowed value is a fix (enum lists are short).
        const values = suggestions.length > 0 ? suggestions : stringList(data.allowed);
        replaceWith(values.map(stringLiteral), (t) => `Change to ${t}`, suggestions.length > 0);
        break;
      }
      case 'unknown-field': {
        // Keep the key's spelling style: `:key` or `"key"`.
        const written = doc.getText(diagnostic.range);
        const keyword = !written.startsWith('"') && !written.startsWith('\\"');
        replaceWith(
          stringList(data.suggestions).map((s) => (keyword ? `:${s}` : stringLiteral(s))),
          (t) => `Change to ${t}`,
        );
        break;
      }
      case 'secret-inline': {
        if (!isRange(data.entryRange)) break;
        const field = typeof data.field === 'string' ? data.field : 'credential';
        const range = withSpaceBefore(doc, data.entryRange);
        // Deleting what was written is the user's call, never Fix All's.
        actions.push(quickFix(`Remove the inline credential :${field}`, doc, diagnostic, [{ range, newText: '' }], false));
        break;
      }
      case 'wrong-dialect': {
        // Which dialect the code means is the user's call: never preferred.
        replaceWith(stringList(data.replacements), (t) => `Change to \`${t}\``, false);
        const dialect = data.dialect === '4.1' || data.dialect === '4.2' ? data.dialect : undefined;
        // Offered only where the whole code reads as that dialect: else it would trade these forms for others.
        const key = `${region.docStart}:${dialect}`;
        if (dialect !== undefined && !readsClean.has(key)) readsClean.set(key, withoutWrongDialect(region, ctx, dialect));
        const edit = dialect === undefined || !readsClean.get(key) ? undefined : directiveEdit(region, dialect);
        const subject = region.embedded ? 'this code' : 'this file';
        if (edit !== undefined) actions.push(quickFix(`Read ${subject} as ${dialect} (\`; cxengage-dialect: ${dialect}\` on its first line)`, doc, diagnostic, [edit], false));
        break;
      }
      case 'unknown-integration':
      case 'unknown-message':
      case 'unknown-form':
      case 'unknown-unit':
        replaceWith(stringList(data.suggestions), (t) => `Change to \`${t}\``);
        break;
      case 'unbound-variable':
        // A misspelt variable may as well be one not yet bound.
        replaceWith(stringList(data.suggestions), (t) => `Change to \`${t}\``, false);
        break;
    }
  }
  return actions;
}

/** Whether a region read as `dialect` has no form of the other one. */
function withoutWrongDialect(region: FlowRegion, ctx: AnalysisContext, dialect: DialectVersion): boolean {
  let clean = true;
  analyseRegion(region, ctx, (p) => (clean &&= p.code !== 'wrong-dialect'), dialect);
  return clean;
}

/**
 * A map entry's range widened over the separating whitespace and commas before it, or after it
 * when it is the first entry, so that removing it leaves the map tidy.
 */
function withSpaceBefore(doc: TextDocument, range: Range): Range {
  const text = doc.getText();
  let start = doc.offsetAt(range.start);
  let end = doc.offsetAt(range.end);
  const isSpace = (c: string | undefined) => c !== undefined && /[\s,]/.test(c);
  let before = start;
  while (before > 0 && isSpace(text[before - 1])) before--;
  if (before > 0 && text[before - 1] !== '{') start = before;
  else while (end < text.length && isSpace(text[end])) end++;
  return { start: doc.positionAt(start), end: doc.positionAt(end) };
}

/** How the fix names a field it adds: with the value it writes, where that is not `""`. */
function describeField(field: MessageField): string {
  return field.enum !== undefined && field.enum.length > 0 ? `:${field.name} ${stringLiteral(field.enum[0])}` : `:${field.name}`;
}

/** Adds what the send check of the diagnostic's interaction finds missing, by the one insertion rule. */
function addMissingFields(flowDoc: FlowDocument, region: FlowRegion, diagnostic: Diagnostic, ctx: AnalysisContext): CodeAction | undefined {
  const doc = flowDoc.document;
  const interaction = interactionAt(region, region.toRegionOffset(doc.offsetAt(diagnostic.range.start)));
  if (interaction === undefined) return undefined;
  const check = checkInteraction(interaction, ctx);
  const fields = check.missing.flatMap((name) => check.message?.field(name) ?? []);
  if (fields.length === 0) return undefined;
  const insertion = appendFields(
    region,
    interaction,
    fields.map((f, i) => fieldParts(f, i + 1)),
  );
  if (insertion === undefined) return undefined;
  const title = `Add mandatory field${fields.length > 1 ? 's' : ''} ${fields.map(describeField).join(', ')}`;
  // Placeholder values are for the user to fill in: not a fix Fix All may apply.
  return quickFix(title, doc, diagnostic, [{ range: insertion.range, newText: renderPlain(region, insertion.parts) }], false);
}
