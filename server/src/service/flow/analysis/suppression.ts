// `; cxengage-disable-next-line code1, code2` comments: silence those codes (all codes when none
// is named) on the line after the comment. Lines are lines of the flow code, so the comment
// works the same in a `.cxflow` file and inside a pattern file's string.
import { FlowProblem } from './problems';
import { FlowTree } from '../syntax/tree';

const directive = /^;+\s*cxengage-disable-next-line(?:\s+(.*))?$/;

export interface Suppression {
  /** Code offsets of the line the comment silences. */
  start: number;
  end: number;
  /** Undefined: every code. */
  codes: Set<string> | undefined;
}

function lineAfter(text: string, offset: number): { start: number; end: number } | undefined {
  let i = offset;
  while (i < text.length && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
  if (i >= text.length) return undefined;
  i += text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
  const start = i;
  while (i < text.length && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
  return { start, end: i };
}

export function suppressions(tree: FlowTree): Suppression[] {
  const result: Suppression[] = [];
  for (const comment of tree.comments) {
    const m = directive.exec(comment.text.trimEnd());
    if (!m) continue;
    const line = lineAfter(tree.text, comment.end);
    if (line === undefined) continue;
    const names = (m[1] ?? '').split(/[\s,]+/).filter((c) => c !== '');
    result.push({ ...line, codes: names.length === 0 ? undefined : new Set(names) });
  }
  return result;
}

/**
 * Whether a comment of `list` (in source order, as `suppressions` gives them) silences `problem`:
 * it starts on the line after the comment. A binary search: a file may hold many of both.
 */
export function isSuppressed(problem: FlowProblem, list: readonly Suppression[]): boolean {
  let lo = 0;
  let hi = list.length - 1;
  let last = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].start <= problem.start) {
      last = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  // Comments come in source order, so the lines they silence do too; one line, one comment before it.
  const s = last < 0 ? undefined : list[last];
  return s !== undefined && problem.start <= s.end && (s.codes === undefined || s.codes.has(problem.code));
}

/** The problems that no suppression comment silences. */
export function unsuppressed(problems: FlowProblem[], tree: FlowTree): FlowProblem[] {
  const list = suppressions(tree);
  if (list.length === 0) return problems;
  return problems.filter((p) => !isSuppressed(p, list));
}
