// Folding ranges of flow code: forms over several lines, `;; When`/`;; Then` sections, blocks of
// comment lines and `#_` discards. Found without recursion, one range per first line.
import { FoldingRange, FoldingRangeKind } from 'vscode-languageserver-types';
import { markerSide } from '../analysis/sides';
import { isLayoutOnly } from '../formatting/layout';
import { FlowNode, FlowTree, isContainer } from '../syntax/tree';

/** Whether only spaces and tabs stand between the start of its line and `offset`. */
function firstOnLine(text: string, offset: number): boolean {
  for (let i = offset - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/** The lines of the text a tree was read from (a document's own line table). */
export interface Lines {
  count: number;
  lineOf(offset: number): number;
  startOf(line: number): number;
}

/** Folding ranges of a tree read from a whole document (code in a payload string is one line). */
export function flowFoldingRanges(tree: FlowTree, lines: Lines): FoldingRange[] {
  const text = tree.text;
  const line = (offset: number) => lines.lineOf(offset);
  const blank = (l: number) => isLayoutOnly(text, lines.startOf(l), l + 1 < lines.count ? lines.startOf(l + 1) : text.length);
  // The widest range per first line: an editor folds a line one way.
  const byStart = new Map<number, FoldingRange>();
  const add = (startLine: number, endLine: number, kind?: string) => {
    if (endLine <= startLine) return;
    const known = byStart.get(startLine);
    if (known === undefined || known.endLine < endLine) byStart.set(startLine, { startLine, endLine, ...(kind === undefined ? {} : { kind }) });
  };

  // Forms (dropped ones too): to the line of the closing bracket, or the line before it when the
  // bracket starts its line, so that it stays in view.
  const pending: FlowNode[] = [...tree.forms];
  for (const discard of tree.discards) if (discard.form !== undefined) pending.push(discard.form);
  while (pending.length > 0) {
    const node = pending.pop() as FlowNode;
    if (!isContainer(node)) continue;
    for (const child of node.children) pending.push(child);
    if (!node.closed || node.kind === 'tagged') continue;
    const closer = node.end - 1;
    add(line(node.start), line(closer) - (firstOnLine(text, closer) ? 1 : 0));
  }
  for (const discard of tree.discards) add(line(discard.start), line(discard.end));

  // Comment lines in a row (section markers apart), and sections from a marker to the next one.
  let runStart = -1;
  let runEnd = -1;
  const sections: number[] = [];
  for (const comment of tree.comments) {
    const own = firstOnLine(text, comment.start);
    const l = line(comment.start);
    const marker = own && markerSide(comment.text) !== undefined;
    if (marker) sections.push(l);
    if (own && !marker && runStart >= 0 && runEnd === l - 1) runEnd = l;
    else {
      add(runStart, runEnd, FoldingRangeKind.Comment);
      runStart = own && !marker ? l : -1;
      runEnd = runStart;
    }
  }
  add(runStart, runEnd, FoldingRangeKind.Comment);
  for (let i = 0; i < sections.length; i++) {
    let end = i + 1 < sections.length ? sections[i + 1] - 1 : lines.count - 1;
    while (end > sections[i] && blank(end)) end--;
    add(sections[i], end, FoldingRangeKind.Region);
  }
  return [...byStart.values()].sort((a, b) => a.startLine - b.startLine);
}
