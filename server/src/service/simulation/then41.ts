// The 4.1 then side run on the virtual clock: `seq`, `par`, `send`, `await`, `if`, `delay`, `set`,
// `event`, `expect`, with the options `retries`, `within`, `template`, `success`, `failure`.
// Each form answers whether it succeeded; `seq` stops at the first failure.
import { FlowNode, ListNode, MapNode, operatorOf } from '../flow/syntax/tree';
import { windowOf } from './collect';
import { Evaluator41, Scope41 } from './eval41';
import { GroupRun } from './groupRun';
import { callEndpoint } from './interact';
import { showDuration } from './units';
import { isMap, ValueMap } from './values';

interface Options {
  retries: number;
  window?: number;
  success?: ListNode;
  failure?: ListNode;
  /** `(if pred (success ...) (failure ...))` of an `await`. */
  test?: ListNode;
  templates: MapNode[];
  members: FlowNode[];
}

const optionNames = new Set(['retries', 'within', 'success', 'failure', 'template']);

function optionsOf(forms: readonly FlowNode[], awaiting: boolean): Options {
  const o: Options = { retries: 0, templates: [], members: [] };
  for (const f of forms) {
    const op = operatorOf(f);
    const list = f as ListNode;
    if (op === 'retries' && list.children[1]?.kind === 'number') o.retries = Math.max(0, Math.floor(list.children[1].value));
    else if (op === 'within') o.window = windowOf(list);
    else if (op === 'success') o.success = list;
    else if (op === 'failure') o.failure = list;
    else if (op === 'template' && list.children[1]?.kind === 'map') o.templates.push(list.children[1]);
    else if (op === 'if' && awaiting) o.test = list;
    else if (op === undefined || !optionNames.has(op)) o.members.push(f);
  }
  return o;
}

function nameOf(node: FlowNode | undefined): string {
  return node?.kind === 'symbol' ? node.name : '?';
}

export class Then41 {
  private readonly ev: Evaluator41;
  private readonly optionsByForm = new WeakMap<ListNode, Options>();

  /** The options of a form after its first `skip` children, read once per form (they are source, not state). */
  private optionsAfter(list: ListNode, skip: number, awaiting: boolean): Options {
    let o = this.optionsByForm.get(list);
    if (o === undefined) this.optionsByForm.set(list, (o = optionsOf(list.children.slice(skip), awaiting)));
    return o;
  }

  constructor(private readonly run: GroupRun) {
    this.ev = new Evaluator41(run);
  }

  /** Runs one then-side form; true when it succeeded. */
  form(node: FlowNode, scope: Scope41): boolean {
    this.run.tick(node);
    const op = operatorOf(node);
    const list = node as ListNode;
    const args = node.kind === 'list' ? list.children.slice(1) : [];
    switch (op) {
      case 'seq':
        return this.seq(list, this.optionsAfter(list, 1, false), scope);
      case 'par':
        return this.par(list, this.optionsAfter(list, 1, false), scope);
      case 'send':
        return this.send(list, scope);
      case 'await':
        return this.await(list, scope);
      case 'if':
        return this.if(list, scope);
      case 'success':
      case 'failure':
      case 'do':
        return this.block(args, scope);
      case 'delay':
        this.run.delay(list);
        return true;
      case 'set': {
        const name = nameOf(args[0]);
        const value = args[1] === undefined ? null : this.ev.value(args[1], scope);
        scope.vars.set(name, value);
        this.run.setVariable(name, value, node);
        return true;
      }
      case 'event': {
        const fields = args[0] === undefined ? {} : this.ev.value(args[0], scope);
        this.run.emit(isMap(fields) ? fields : {}, node);
        return true;
      }
      case 'expect':
        return this.expect(list, scope);
      default:
        this.run.step('note', node, `${this.run.formText(node)} is not a then-side form: skipped`);
        return true;
    }
  }

  private block(forms: readonly FlowNode[], scope: Scope41): boolean {
    for (const f of forms) if (!this.form(f, scope)) return false;
    return true;
  }

  /** After a form: its `success` or `failure` block. A handled failure still fails the form. */
  private settle(node: ListNode, ok: boolean, o: Options, scope: Scope41, response?: ValueMap): boolean {
    if (ok && o.success) this.block(o.success.children.slice(1), response ? { ...scope, response } : scope);
    if (!ok && o.failure) {
      this.run.assume('a failure that a `(failure ...)` block handles still fails the enclosing `seq`', node);
      this.block(o.failure.children.slice(1), scope);
    }
    return ok;
  }

  private inTime(node: ListNode, start: number, o: Options): boolean {
    if (o.window === undefined || this.run.now - start <= o.window) return true;
    this.run.step('note', node, `took ${showDuration(this.run.now - start)}, longer than its window of ${showDuration(o.window)}: failed`);
    return false;
  }

  private seq(node: ListNode, o: Options, scope: Scope41): boolean {
    let ok = false;
    for (let attempt = 0; attempt <= o.retries && !ok; attempt++) {
      const start = this.run.now;
      ok = this.block(o.members, scope) && this.inTime(node, start, o);
    }
    return this.settle(node, ok, o, scope);
  }

  private par(node: ListNode, o: Options, scope: Scope41): boolean {
    let ok = false;
    for (let attempt = 0; attempt <= o.retries && !ok; attempt++) {
      const start = this.run.now;
      let end = start;
      ok = true;
      for (const m of o.members) {
        this.run.now = start;
        if (!this.form(m, scope)) ok = false;
        end = Math.max(end, this.run.now);
      }
      this.run.now = end;
      ok = ok && this.inTime(node, start, o);
    }
    return this.settle(node, ok, o, scope);
  }

  private params(node: ListNode, o: Options, scope: Scope41): ValueMap {
    const params: ValueMap = {};
    const maps = [node.children[3], ...o.templates];
    for (const m of maps) {
      const v = m === undefined ? {} : this.ev.value(m, scope);
      if (isMap(v)) Object.assign(params, v);
    }
    return params;
  }

  private send(node: ListNode, scope: Scope41): boolean {
    const o = this.optionsAfter(node, 4, false);
    const integration = nameOf(node.children[1]);
    const message = nameOf(node.children[2]);
    const result = callEndpoint(this.run, { verb: 'send', integration, message, params: this.params(node, o, scope), retries: o.retries, window: o.window, node });
    return this.settle(node, result.ok, o, scope, result.ok ? result.response : undefined);
  }

  private await(node: ListNode, scope: Scope41): boolean {
    const o = this.optionsAfter(node, 4, true);
    const integration = nameOf(node.children[1]);
    const message = nameOf(node.children[2]);
    const params = this.params(node, o, scope);
    const test = o.test?.children[1];
    const branches = optionsOf(o.test?.children.slice(2) ?? [], false);
    const start = this.run.now;
    const interval = this.run.setting.pollInterval;
    if (o.window === undefined) this.run.assume('an `await` without `(within ...)` polls until the run\'s virtual-time limit', node);
    this.run.assume(`an \`await\` polls every ${showDuration(interval)} of virtual time; its \`failure\` branch runs once, when the window ends`, node);
    for (;;) {
      const result = callEndpoint(this.run, { verb: 'await', integration, message, params, retries: o.retries, node });
      if (result.ok) {
        const holds = test === undefined || this.ev.holds(test, { ...scope, response: result.response });
        this.run.step('branch', o.test ?? node, holds ? 'the predicate holds' : 'the predicate does not hold yet');
        if (holds) {
          if (branches.success) this.block(branches.success.children.slice(1), { ...scope, response: result.response });
          return this.settle(node, true, o, scope, result.response);
        }
      }
      const next = this.run.now + interval;
      if (o.window !== undefined && next - start > o.window) {
        this.run.step('branch', node, `window of ${showDuration(o.window)} ended without the predicate holding`);
        if (branches.failure) this.block(branches.failure.children.slice(1), scope);
        return this.settle(node, false, o, scope);
      }
      this.run.advanceTo(next, node);
    }
  }

  private if(node: ListNode, scope: Scope41): boolean {
    const [, test, ...rest] = node.children;
    const holds = test !== undefined && this.ev.holds(test, scope);
    this.run.step('branch', node, holds ? 'if: the predicate holds' : 'if: the predicate does not hold');
    const success = rest.find((r) => operatorOf(r) === 'success');
    const failure = rest.find((r) => operatorOf(r) === 'failure');
    const branch = success || failure ? (holds ? success : failure) : holds ? rest[0] : rest[1];
    return branch === undefined ? true : this.form(branch, scope);
  }

  private expect(node: ListNode, scope: Scope41): boolean {
    const [, test, ...rest] = node.children;
    const o = optionsOf(rest, false);
    const start = this.run.now;
    if (o.window === undefined) this.run.assume('an `expect` without `(within ...)` waits until the group\'s last event', node);
    const until = o.window === undefined ? Infinity : start + o.window;
    for (const e of this.run.events) {
      if (e.time < start || this.run.used.has(e)) continue;
      if (e.time > until) break;
      if (test === undefined || this.ev.test(test, { ...scope, candidate: e })) {
        this.run.consume(e, node);
        this.run.step('branch', node, 'expect: the event came');
        return this.settle(node, true, o, scope);
      }
    }
    if (o.window !== undefined) this.run.advanceTo(until, node);
    this.run.step('branch', node, 'expect: no such event in its window');
    return this.settle(node, false, o, scope);
  }
}
