// Reader errors as problems of a region. One inside a credential's value does not quote its text:
// the reader quotes the token it stops at before any definition is known.
import { messages } from '../../codes';
import { FlowRegion } from '../embedding/region';
import { FlowProblem } from './problems';
import { redactQuotes } from './secretValues';
import { unclosedFormsMessage } from '../syntax/containers';
import { FlowNode } from '../syntax/tree';

/** The top-level form holding a code offset, by binary search (forms are in source order). */
function formAt(forms: readonly FlowNode[], offset: number): FlowNode | undefined {
  let lo = 0;
  let hi = forms.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (forms[mid].end <= offset) lo = mid + 1;
    else if (forms[mid].start > offset) hi = mid - 1;
    else return forms[mid];
  }
  return undefined;
}

/** The reader's errors as problems; `secretsOf` gives the code ranges of a form's credential values, in source order (the analyser's). */
export function readerProblems(region: FlowRegion, secretsOf: (form: FlowNode) => readonly { start: number; end: number }[]): FlowProblem[] {
  const forms = region.tree.forms;
  const errors = region.tree.errors.slice().sort((a, b) => a.start - b.start);
  // Errors in source order fall form by form: one sweep over each form's secrets, keeping the
  // furthest end of those begun so far.
  let current: FlowNode | undefined;
  let secrets: readonly { start: number; end: number }[] = [];
  let next = 0;
  let reach = -1;
  return errors.map((e) => {
    const form = formAt(forms, e.start);
    if (form !== current) {
      current = form;
      secrets = form === undefined ? [] : secretsOf(form);
      next = 0;
      reach = -1;
    }
    while (next < secrets.length && secrets[next].start <= e.start) reach = Math.max(reach, secrets[next++].end);
    // Forms left open together: their openers named with their document lines and columns.
    const message = messages.syntax(e.openers === undefined ? e.message : unclosedFormsMessage(region.tree.text, e.openers, region.position));
    return { code: 'syntax', start: e.start, end: e.end, message: e.start < reach ? redactQuotes(message) : message };
  });
}
