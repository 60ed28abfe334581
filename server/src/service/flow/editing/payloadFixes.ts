// Quick fixes for a pattern payload's JSON: rename an unknown key to each close pattern key, and
// write the raw line breaks of a string broken over lines as `\n`.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeAction, Diagnostic, Range, TextEdit } from 'vscode-languageserver-types';
import { codeOf } from '../../diagnostics';
import { diagnosticData, isRange, quickFix, stringList } from './codeActions';

/** Each raw line break inside the string at `range`, as an edit that writes it `\n`. */
function lineBreakEdits(doc: TextDocument, range: Range): TextEdit[] {
  const start = doc.offsetAt(range.start);
  const text = doc.getText(range);
  const edits: TextEdit[] = [];
  for (const m of text.matchAll(/\r\n|\r|\n/g)) {
    const at = start + (m.index ?? 0);
    edits.push({ range: { start: doc.positionAt(at), end: doc.positionAt(at + m[0].length) }, newText: '\\n' });
  }
  return edits;
}

export function payloadCodeActions(doc: TextDocument, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    const data = diagnosticData(diagnostic);
    switch (codeOf(diagnostic)) {
      case 'unknown-pattern-key': {
        const keys = stringList(data.suggestions);
        for (const key of keys) {
          actions.push(quickFix(`Rename to "${key}"`, doc, diagnostic, [{ range: diagnostic.range, newText: JSON.stringify(key) }], keys.length === 1));
        }
        break;
      }
      case 'json-syntax': {
        if (!isRange(data.brokenString)) break;
        const edits = lineBreakEdits(doc, data.brokenString);
        if (edits.length > 0) actions.push(quickFix('Write the line breaks of this string as \\n', doc, diagnostic, edits, false));
        break;
      }
    }
  }
  return actions;
}
