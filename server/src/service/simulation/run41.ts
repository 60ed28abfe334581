// A 4.1 pattern over one key group: the when side collects events until it matches, the then side
// reacts on the virtual clock, and the pattern re-arms after the match's last event.
import { FlowNode, operatorOf } from '../flow/syntax/tree';
import { CollectRules, Collector } from './collect';
import { Evaluator41 } from './eval41';
import { GroupRun } from './groupRun';
import { Then41 } from './then41';
import { GroupOutcome } from './trace';

const kinds: Readonly<Record<string, ReturnType<CollectRules['kindOf']>>> = {
  event: 'event',
  seq: 'sequence',
  all: 'all',
  allOf: 'all',
  any: 'any',
  count: 'times',
  within: 'within',
  fail: 'fail',
  when: 'wrapper',
};

function rules41(run: GroupRun): CollectRules {
  const ev = new Evaluator41(run);
  const noVars = new Map();
  return {
    kindOf: (node) => {
      const op = operatorOf(node);
      return op !== undefined && Object.prototype.hasOwnProperty.call(kinds, op) ? kinds[op] : undefined;
    },
    accepts: (form, event) => {
      const test = form.children[1];
      return test === undefined || ev.test(test, { vars: noVars, matched: [], candidate: event });
    },
    describe: (form) => (form.children[1] === undefined ? 'any event' : `an event where ${run.formText(form.children[1])}`),
    countOf: (form) => (form.children[1]?.kind === 'number' ? form.children[1].value : undefined),
  };
}

export function runGroup41(run: GroupRun, when: FlowNode, then: readonly FlowNode[]): GroupOutcome {
  const collector = new Collector(run, rules41(run));
  const reaction = new Then41(run);
  let from = 0;
  let matches = 0;
  for (;;) {
    run.startMatch();
    run.tick(when);
    const m = collector.collect(when, from, run.used);
    if (!m.ok && m.abandoned !== undefined) {
      const e = run.events[m.abandoned.index];
      run.step('abandon', m.abandoned.by, `event ${e.number} came first: ${run.formText(m.abandoned.by)} drops the match so far`, { at: e.time, event: e.number });
      from = m.abandoned.index + 1;
      continue;
    }
    if (!m.ok) {
      const waiting = { form: run.formText(m.waiting), range: run.range(m.waiting), what: m.what };
      return matches > 0 ? { kind: 'matched', matches, waiting } : { kind: 'not-matched', waiting };
    }
    const lastTime = run.events[m.last].time;
    if (matches > 0 && run.now > lastTime) run.assume('a reaction runs to its end before the next match starts: reactions do not overlap', when);
    for (const t of m.taken) run.consume(t.event, t.by);
    matches++;
    run.step('match', when, `matched (${matches}) on events ${m.taken.map((t) => t.event.number).join(', ')}`);
    const scope = { vars: new Map(), matched: m.taken.map((t) => t.event) };
    for (const form of then) if (!reaction.form(form, scope)) break;
    from = m.last + 1;
  }
}
