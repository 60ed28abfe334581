// Quick fixes for flow diagnostics: add the missing mandatory fields to a params map, remove an
// inline credential, and replace an unknown name or an invalid value with each close suggestion.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeAction, CodeActionKind, Diagnostic, Range, TextEdit } from 'vscode-languageserver-types';
import { codeOf } from '../../diagnostics';
import { FlowDocument, regionAt } from '../index';
import { forRegion } from './insertText';
import { FlowRegion } from '../embedding/region';
import { FlowNode, MapNode, nodeAt } from '../syntax/tree';

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

export function codeActionsFor(flowDoc: FlowDocument, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const doc = flowDoc.document;
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    const code = codeOf(diagnostic);
    const data = diagnosticData(diagnostic);
    const region = regionAt(flowDoc, doc.offsetAt(diagnostic.range.start));
    if (region === undefined) continue;
    const replaceWith = (texts: string[], describe: (t: string) => string) => {
      texts.forEach((text, i) => {
        const newText = forRegion(region, text);
        actions.push(quickFix(describe(text), doc, diagnostic, [{ range: diagnostic.range, newText }], i === 0));
      });
    };
    switch (code) {
      case 'missing-mandatory-field': {
        const action = addMissingFields(flowDoc, region, diagnostic, data);
        if (action) actions.push(action);
        break;
      }
      case 'invalid-enum-value': {
        const suggestions = stringList(data.suggestions);
        // With nothing close, every allowed value is a fix (enum lists are short).
        const values = suggestions.length > 0 ? suggestions : stringList(data.allowed);
        replaceWith(
          values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`),
          (t) => `Change to ${t}`,
        );
        break;
      }
      case 'unknown-field': {
        // Keep the key's spelling style: `:key` or `"key"`.
        const written = doc.getText(diagnostic.range);
        const keyword = !written.startsWith('"') && !written.startsWith('\\"');
        replaceWith(
          stringList(data.suggestions).map((s) => (keyword ? `:${s}` : `"${s}"`)),
          (t) => `Change to ${t}`,
        );
        break;
      }
      case 'secret-inline': {
        if (!isRange(data.entryRange)) break;
        const field = typeof data.field === 'string' ? data.field : 'credential';
        const range = withSpaceBefore(doc, data.entryRange);
        actions.push(quickFix(`Remove the inline credential :${field}`, doc, diagnostic, [{ range, newText: '' }], true));
        break;
      }
      case 'unknown-integration':
      case 'unknown-message':
      case 'unknown-form':
      case 'unknown-unit':
        replaceWith(stringList(data.suggestions), (t) => `Change to \`${t}\``);
        break;
    }
  }
  return actions;
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

/** The params map whose `{` stands at document range `range`. */
function paramsMapAt(region: FlowRegion, flowDoc: FlowDocument, range: Range): MapNode | undefined {
  const open = region.toRegionOffset(flowDoc.document.offsetAt(range.start));
  for (let n: FlowNode | undefined = nodeAt(region.tree, open + 1); n !== undefined; n = n.parent) {
    if (n.kind === 'map' && n.start === open) return n;
  }
  return undefined;
}

function addMissingFields(flowDoc: FlowDocument, region: FlowRegion, diagnostic: Diagnostic, data: Data): CodeAction | undefined {
  const missing = stringList(data.missing);
  if (missing.length === 0 || !isRange(data.paramsRange)) return undefined;
  const map = paramsMapAt(region, flowDoc, data.paramsRange);
  if (map === undefined) return undefined;
  const doc = flowDoc.document;
  const last = map.children[map.children.length - 1];
  const at = last === undefined ? map.start + 1 : last.end;
  const fields = missing.map((f) => `:${f} ""`);
  let text: string;
  const open = region.position(map.start);
  const keys = map.entries.map((e) => region.position(e.key.start));
  if (!region.embedded && keys.some((k) => k.line !== open.line)) {
    // One field per line: new lines line up with the existing keys.
    const indent = ' '.repeat(keys[0].character);
    text = fields.map((f) => `\n${indent}${f}`).join('');
  } else {
    text = (last === undefined ? '' : ' ') + fields.join(' ');
  }
  const position = region.position(at);
  const title = `Add mandatory field${missing.length > 1 ? 's' : ''} ${missing.map((m) => `:${m}`).join(', ')}`;
  return quickFix(title, doc, diagnostic, [{ range: { start: position, end: position }, newText: forRegion(region, text) }], true);
}
