// Reader errors as problems of a region. One inside a credential's value does not quote its text:
// the reader quotes the token it stops at before any definition is known.
import { messages } from '../../codes';
import { FlowRegion } from '../embedding/region';
import { FormFindings } from './formProblems';
import { FlowProblem } from './problems';
import { redactQuotes } from './secretValues';
import { unclosedFormsMessage } from '../syntax/containers';
import { FlowNode } from '../syntax/tree';

/** The findings of the top-level form holding a code offset, by binary search (forms are in source order). */
function findingsAt(findings: readonly FormFindings[], offset: number): FormFindings | undefined {
  let lo = 0;
  let hi = findings.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const form = findings[mid].form;
    if (form.end <= offset) lo = mid + 1;
    else if (form.start > offset) hi = mid - 1;
    else return findings[mid];
  }
  return undefined;
}

/** The reader's errors as problems; `findings`, the analyser's per form, tell where credential values are. */
export function readerProblems(region: FlowRegion, findings: readonly FormFindings[]): FlowProblem[] {
  const errors = region.tree.errors.slice().sort((a, b) => a.start - b.start);
  // Errors in source order fall form by form: one sweep over each form's secrets, keeping the
  // furthest end of those begun so far.
  let current: FlowNode | undefined;
  let secrets: readonly { start: number; end: number }[] = [];
  let next = 0;
  let reach = -1;
  return errors.map((e) => {
    const found = findingsAt(findings, e.start);
    if (found?.form !== current) {
      current = found?.form;
      secrets = found?.secrets ?? [];
      next = 0;
      reach = -1;
    }
    while (next < secrets.length && secrets[next].start <= e.start) reach = Math.max(reach, secrets[next++].end);
    // Forms left open together: their openers named with their document lines and columns.
    const message = messages.syntax(e.openers === undefined ? e.message : unclosedFormsMessage(region.tree.text, e.openers, region.position));
    return { code: 'syntax', start: e.start, end: e.end, message: e.start < reach ? redactQuotes(message) : message };
  });
}
