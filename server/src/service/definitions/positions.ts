// Line/character positions in one version of a definition's text: the line starts are found with
// indexOf (native) rather than a loop over every character, once per version.
import { Position, Range } from 'vscode-languageserver-types';

const CR = 13;
const LF = 10;

/** Offsets where lines start; `\r\n`, `\n` and a lone `\r` each end a line, as in TextDocument. */
function lineStarts(text: string): number[] {
  const starts = [0];
  // Stryker disable next-line ConditionalExpression,BlockStatement,StringLiteral: the loop below finds the same starts; this is only faster.
  if (text.indexOf('\r') < 0) {
    // The common case: split runs natively, far faster than a loop over every character (and
    // faster than indexOf called once a line).
    const lines = text.split('\n');
    let offset = 0;
    // Stryker disable next-line EqualityOperator: a start past the end of the text is never below an offset.
    for (let i = 0; i < lines.length - 1; i++) {
      offset += lines[i].length + 1;
      starts.push(offset);
    }
    return starts;
  }
  // Stryker disable next-line EqualityOperator: the code past the end is NaN, no line end.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== CR && c !== LF) continue;
    if (c === CR && text.charCodeAt(i + 1) === LF) i++;
    starts.push(i + 1);
  }
  return starts;
}

/** `TextDocument.positionAt` over a text snapshot (a document object changes with edits; a string does not). */
export class TextPositions {
  private starts: number[] | undefined;

  constructor(private readonly text: string) {}

  positionAt(offset: number): Position {
    const text = this.text;
    offset = Math.max(Math.min(offset, text.length), 0);
    this.starts ??= lineStarts(text);
    const starts = this.starts;
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (starts[mid] > offset) high = mid;
      else low = mid + 1;
    }
    const line = low - 1;
    // An offset between `\r` and `\n` belongs to the end of its line, as in TextDocument (after any
    // other line end, the offset is the start of the next line).
    if (offset > starts[line] && text.charCodeAt(offset - 1) === CR) offset--;
    return { line, character: offset - starts[line] };
  }

  range(node: { offset: number; length: number }): Range {
    return { start: this.positionAt(node.offset), end: this.positionAt(node.offset + node.length) };
  }
}
