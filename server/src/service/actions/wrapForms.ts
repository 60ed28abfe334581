// Refactoring: wrap the selected forms in a form of the region's dialect: `seq`/`par` in 4.1,
// `do`/`let` in 4.2. The forms are the siblings the selection touches, in the innermost container
// that holds the whole selection; only an opening and a closing bracket are inserted, so that the
// code in between (and its escapes in a pattern string) stays exactly as written.
import { CodeAction, CodeActionKind, Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { FlowDocument, FlowRegion, regionAt } from '../flow';
import { regionDialect, DialectSetting } from '../flow/analysis/dialect';
import { FlowNode } from '../flow/syntax/tree';
import { forRegion } from '../flow/editing/insertText';

const wrappers = { '4.1': ['seq', 'par'], '4.2': ['do', 'let'] } as const;

/** What each wrapper opens with (a `let` gets empty bindings for the user to fill). */
const openers: Record<string, string> = { seq: '(seq ', par: '(par ', do: '(do ', let: '(let [] ' };

/** The forms among `siblings` that `[start, end)` touches; a caret touches the form it is in, else one it ends. */
function touched(siblings: readonly FlowNode[], start: number, end: number): FlowNode[] {
  if (start !== end) return siblings.filter((n) => n.start < end && start < n.end);
  const within = siblings.filter((n) => n.start <= start && start < n.end);
  return within.length > 0 ? within : siblings.filter((n) => n.end === start);
}

/**
 * The run of sibling forms the selection picks: going down from the top-level forms while one
 * form alone holds the selection strictly inside its brackets. A caret picks the innermost list it
 * is in (or whose opening bracket it is on); a selection that takes a list's operator, the list.
 */
export function selectedForms(region: FlowRegion, start: number, end: number): FlowNode[] {
  let siblings: readonly FlowNode[] = region.tree.forms;
  // Each step goes one level down a tree whose depth the reader bounds.
  for (;;) {
    const hit = touched(siblings, start, end);
    if (hit.length === 0) return hit;
    const parent = hit[0].parent;
    if (parent?.kind === 'list' && parent.children[0] === hit[0]) return [parent];
    if (hit.length !== 1) return hit;
    const only = hit[0];
    if (!('children' in only) || !(start > only.start && end < only.end)) return hit;
    const deeper = touched(only.children, start, end);
    if (deeper.length === 0) return hit;
    if (start === end && !deeper.some((n) => 'children' in n && n.start <= start && start < n.end)) return hit;
    siblings = only.children;
  }
}

/** The wrap refactorings for a selection of a flow or pattern document. */
export function wrapActions(flowDoc: FlowDocument, range: Range, setting: DialectSetting): CodeAction[] {
  const doc: TextDocument = flowDoc.document;
  const docStart = doc.offsetAt(range.start);
  const docEnd = doc.offsetAt(range.end);
  const region = regionAt(flowDoc, docStart);
  if (region === undefined || docEnd > region.docEnd) return [];
  if (region.tree.errors.length > 0) return []; // Brackets in doubt: a wrap could close the wrong form.
  const forms = selectedForms(region, region.toRegionOffset(docStart), region.toRegionOffset(docEnd));
  if (forms.length === 0) return [];
  const first = forms[0];
  const last = forms[forms.length - 1];
  const version = regionDialect(region, setting).version;
  return wrappers[version].map((op) => ({
    title: `Wrap in (${op} ...)`,
    kind: CodeActionKind.RefactorRewrite,
    edit: {
      changes: {
        [doc.uri]: [
          { range: region.range(first.start, first.start), newText: forRegion(region, openers[op]) },
          { range: region.range(last.end, last.end), newText: ')' },
        ],
      },
    },
  }));
}
