// Re-reading a flow text after an edit: the top-level forms before the edit are kept as they are,
// the ones it touches are read again, and the ones after it are kept with their offsets shifted.
// The result is the tree a full read of the new text gives, recovering read or not; when an edit
// changes whether the text needs the recovery read, it is one.
import { balanceAfterEdit } from './balance';
import { FlowRead, readFlowWithBalance, readStretch } from './reader';
import { FlowNode, FlowTree, isContainer } from './tree';

/** Where two texts differ: `[start, oldEnd)` of the old text became `[start, newEnd)` of the new. */
interface ChangedSpan {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** Characters compared at once by the string comparison itself, which is many times faster than a charCodeAt loop. */
const chunk = 1024;

function changedSpan(before: string, after: string): ChangedSpan | undefined {
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start + chunk <= shorter && before.slice(start, start + chunk) === after.slice(start, start + chunk)) start += chunk;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  if (start === shorter && before.length === after.length) return undefined;
  let oldEnd = before.length;
  let newEnd = after.length;
  while (oldEnd - chunk >= start && newEnd - chunk >= start && before.slice(oldEnd - chunk, oldEnd) === after.slice(newEnd - chunk, newEnd)) {
    oldEnd -= chunk;
    newEnd -= chunk;
  }
  while (oldEnd > start && newEnd > start && before.charCodeAt(oldEnd - 1) === after.charCodeAt(newEnd - 1)) {
    oldEnd--;
    newEnd--;
  }
  return { start, oldEnd, newEnd };
}

/**
 * The read of `text`, reusing `previous` (the read of the text before the edit). The previous tree
 * is taken over: its forms after the edit move into the new tree with shifted offsets, so it must
 * not be used again.
 *
 * Why resuming is exact: the reader's state between top-level forms is just "no form open". The
 * stretch is re-read from the end of the last form before the edit (unchanged text, same state),
 * and stops only at the start of a form after the edit, with no form open: from there on the text
 * and the state are those of the previous read, so it reads the same forms. Reader errors and
 * comments lie inside the stretch they were read in. The same holds for the recovery read, where
 * an opener at a line start closes every open form and so is a top-level boundary too. What is
 * not local is the choice of the recovery read (forms left open at the end, and an opener at a
 * line start inside a form anywhere): that is worked out from the parts, or for a text read with
 * recovery from a scan of its brackets, and when the choice changes the text is read whole.
 */
export function rereadFlow(previous: FlowRead, text: string): FlowRead {
  const old = previous.tree;
  const span = changedSpan(old.text, text);
  if (span === undefined) return { ...previous, tree: { ...old, text } };

  if (previous.recovered) {
    // A form left open in the middle of a file: every edit would otherwise read the text twice.
    const balance = balanceAfterEdit(previous, old.text, text, span.start, span.oldEnd, span.newEnd);
    if (balance.balanced || balance.nestedOpeners.length === 0) return readFlowWithBalance(text);
    const tree = splice(old, text, rereadStretch(old, text, span, true));
    return { tree, recovered: true, balanced: false, nestedOpeners: balance.nestedOpeners };
  }

  const stretch = rereadStretch(old, text, span, false);
  const balanced = stretch.kept < old.forms.length ? previous.balanced : stretch.read.balanced;
  const nestedOpeners = [
    ...previous.nestedOpeners.filter((o) => o < stretch.from),
    ...stretch.read.nestedOpeners,
    ...previous.nestedOpeners.filter((o) => o >= stretch.resume).map((o) => o + stretch.delta),
  ];
  // Unclosed forms at the end with an opener at a line start inside some form call for the
  // recovery read, which reads the whole text differently: then read it whole.
  if (!balanced && nestedOpeners.length > 0) return readFlowWithBalance(text);
  return { tree: splice(old, text, stretch), recovered: false, balanced, nestedOpeners };
}

/** The stretch of a text an edit calls for re-reading, read, and where the old forms resume. */
interface Stretch {
  read: ReturnType<typeof readStretch>;
  /** Where the stretch begins: the end of the last old form before the edit (0 for none). */
  from: number;
  /** Index of the first old form the edit touches; the forms before it are kept as they are. */
  first: number;
  /** Index of the first old form kept after the stretch (`forms.length` for none). */
  kept: number;
  /** Old-text offset where the kept forms after the stretch begin. */
  resume: number;
  /** How far the edit moved the text after it. */
  delta: number;
}

function rereadStretch(old: FlowTree, text: string, span: ChangedSpan, recovering: boolean): Stretch {
  const delta = span.newEnd - span.oldEnd;
  const forms = old.forms;
  // The forms the edit touches; one ending or starting right at the edit counts (`a b` -> `ab`).
  let first = 0;
  while (first < forms.length && forms[first].end < span.start) first++;
  let after = first;
  while (after < forms.length && forms[after].start <= span.oldEnd) after++;

  const from = first === 0 ? 0 : forms[first - 1].end;
  const stopAt: number[] = [];
  for (let k = after; k < forms.length; k++) stopAt.push(forms[k].start + delta);
  const read = readStretch(text, from, stopAt, recovering);

  // The first kept form after the stretch (none when the read ran to the end of the text).
  let kept = after;
  while (kept < forms.length && forms[kept].start + delta < read.end) kept++;
  const resume = kept < forms.length ? forms[kept].start : old.text.length;
  return { read, from, first, kept, resume, delta };
}

/** The new tree: the old forms before the stretch, the stretch's, and the old ones after it, moved. */
function splice(old: FlowTree, text: string, stretch: Stretch): FlowTree {
  const { read, from, first, kept, resume, delta } = stretch;
  detachStrings(read.tree);
  const suffix = old.forms.slice(kept);
  const suffixComments = old.comments.filter((c) => c.start >= resume);
  const suffixDiscards = old.discards.filter((d) => d.start >= resume);
  const suffixErrors = old.errors.filter((e) => e.start >= resume);
  if (delta !== 0) {
    shiftNodes(suffix, delta);
    for (const c of suffixComments) shiftRange(c, delta);
    for (const d of suffixDiscards) {
      shiftRange(d, delta);
      // A dropped form is no container's child, so moving the forms did not move it.
      if (d.form !== undefined) shiftNodes([d.form], delta);
    }
    for (const e of suffixErrors) {
      shiftRange(e, delta);
      if (e.openers !== undefined) e.openers = e.openers.map((o) => o + delta);
    }
  }
  return {
    text,
    forms: [...old.forms.slice(0, first), ...read.tree.forms, ...suffix],
    comments: [...old.comments.filter((c) => c.start < from), ...read.tree.comments, ...suffixComments],
    discards: [...old.discards.filter((d) => d.start < from), ...read.tree.discards, ...suffixDiscards],
    errors: [...old.errors.filter((e) => e.start < from), ...read.tree.errors, ...suffixErrors],
  };
}

function shiftRange(range: { start: number; end: number }, delta: number): void {
  range.start += delta;
  range.end += delta;
}

/** Moves every node of these forms by `delta`; iterative, as deep as the input nests. */
function shiftNodes(forms: readonly FlowNode[], delta: number): void {
  const stack: FlowNode[] = [...forms];
  while (stack.length > 0) {
    const node = stack.pop() as FlowNode;
    shiftRange(node, delta);
    if (isContainer(node)) for (let k = 0; k < node.children.length; k++) stack.push(node.children[k]);
  }
}

/**
 * A copy of a string sliced from a text. A slice keeps the whole text it came from alive; the
 * re-read forms outlive this version of the text (edit after edit, each would keep its version,
 * a megabyte apiece), so their strings are copied. Concatenating and slicing again makes the
 * engine copy the characters.
 */
function detached(s: string): string {
  return (' ' + s).slice(1);
}

/** Copies every string of a freshly read stretch: names, values, comment texts, error messages. */
function detachStrings(tree: FlowTree): void {
  const stack: FlowNode[] = [...tree.forms];
  for (const discard of tree.discards) if (discard.form !== undefined) stack.push(discard.form);
  while (stack.length > 0) {
    const node = stack.pop() as FlowNode;
    switch (node.kind) {
      case 'tagged':
        node.tag = detached(node.tag);
        for (let k = 0; k < node.children.length; k++) stack.push(node.children[k]);
        break;
      case 'list':
      case 'vector':
      case 'map':
      case 'set':
        for (let k = 0; k < node.children.length; k++) stack.push(node.children[k]);
        break;
      case 'string':
        node.value = detached(node.value);
        break;
      case 'number':
        node.text = detached(node.text);
        break;
      case 'keyword':
      case 'symbol':
      case 'event':
      case 'response':
      case 'template':
        node.name = detached(node.name);
        break;
    }
  }
  for (const comment of tree.comments) comment.text = detached(comment.text);
  for (const error of tree.errors) error.message = detached(error.message);
}
