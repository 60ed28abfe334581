// A 4.2 program over one key group: forms run in program order, each collection waits for the
// next events it takes, interactions call the mocks (unbound ones in a row start together), and
// the program starts over after its last event when it runs through.
import { grammar42 } from '../flow/analysis/grammar/grammar';
import { interactionVerbOf } from '../flow/analysis/interactions';
import { FlowNode, keyName, ListNode, operatorOf } from '../flow/syntax/tree';
import { CollectRules, Collector, windowOf } from './collect';
import { Env, Evaluator42, Instance } from './eval42';
import { EvalError } from './functions';
import { GroupRun } from './groupRun';
import { callEndpoint } from './interact';
import { GroupOutcome } from './trace';
import { isMap, truthy, Value, ValueMap } from './values';

const combinators: Readonly<Record<string, ReturnType<CollectRules['kindOf']>>> = { and: 'all', or: 'any', sequence: 'sequence', times: 'times', within: 'within' };

/** Whether a form collects events: `event`, or a combinator over collections. Iterative. */
export function isCollection(node: FlowNode | undefined): boolean {
  const stack: (FlowNode | undefined)[] = [node];
  while (stack.length > 0) {
    const n = stack.pop();
    const op = operatorOf(n);
    if (op === 'event') continue;
    if (op === undefined || !Object.prototype.hasOwnProperty.call(combinators, op)) return false;
    const args = (n as ListNode).children.slice(1);
    if (op === 'times' || op === 'within') stack.push(args[args.length - 1]);
    else if (args.length === 0) return false;
    else for (const a of args) stack.push(a);
  }
  return true;
}

/** The program still waits for an event when the group's events run out. */
class StillWaiting {
  constructor(
    readonly node: FlowNode,
    readonly what: string,
  ) {}
}

/** An interaction: a list whose operator is one of the 4.2 grammar's verbs. */
function isInteraction(node: FlowNode): node is ListNode {
  return node.kind === 'list' && interactionVerbOf(node, grammar42.verbMap) !== undefined;
}

export class Program42 {
  private readonly collector: Collector;
  // Stryker disable next-line ObjectLiteral,ArrayDeclaration: `runGroup` replaces the instance before any form runs.
  private inst: Instance = { globals: new Map(), consumed: [], cursor: 0 };
  private ev: Evaluator42;
  // Stryker disable next-line ObjectLiteral: `collect` and `untilHolds` set the environment before the collector reads it.
  private env: Env = { vars: new Map() };

  constructor(private readonly run: GroupRun) {
    const rules: CollectRules = {
      kindOf: (node) => {
        const op = operatorOf(node);
        if (op === 'event') return 'event';
        return op !== undefined && isCollection(node) ? combinators[op] : undefined;
      },
      accepts: (form, event) => {
        const criteria = form.children[1];
        if (criteria === undefined) return true;
        if (criteria.kind !== 'map') return false;
        for (const { key, value } of criteria.entries) {
          const name = keyName(key);
          const v = name === undefined ? undefined : event.fields[name];
          if (v === undefined || value === undefined) return false;
          try {
            if (!this.ev.criterion(value, v, this.env)) return false;
          } catch (error) {
            if (error instanceof EvalError) return false;
            throw error;
          }
        }
        return true;
      },
      describe: (form) => (form.children[1] === undefined ? 'any event' : `an event ${run.formText(form.children[1])}`),
      countOf: (form) => {
        const n = form.children[1] === undefined ? null : this.ev.value(form.children[1], this.env);
        return typeof n === 'number' ? Math.floor(n) : undefined;
      },
    };
    this.collector = new Collector(run, rules);
    this.ev = this.evaluator();
  }

  private evaluator(): Evaluator42 {
    return new Evaluator42(this.run, this.inst, (node, env) => this.form(node, env));
  }

  /** Runs the program over the group, again and again while it runs through. */
  runGroup(program: readonly FlowNode[]): GroupOutcome {
    let cursor = 0;
    let matches = 0;
    const first = program[0];
    const last = program[program.length - 1];
    const whole = { start: this.run.range(first).start, end: this.run.range(last).end };
    for (;;) {
      this.run.startMatch();
      this.run.tick(first);
      this.inst = { globals: new Map(), consumed: [], cursor };
      this.ev = this.evaluator();
      try {
        this.body(program, { vars: new Map() });
      } catch (error) {
        if (!(error instanceof StillWaiting)) throw error;
        const waiting = { form: this.run.formText(error.node), range: this.run.range(error.node), what: error.what };
        return matches > 0 ? { kind: 'matched', matches, waiting } : { kind: 'not-matched', waiting };
      }
      matches++;
      const numbers = this.inst.consumed.map((e) => e.number);
      this.run.step('match', undefined, `program ran through (${matches})${numbers.length > 0 ? ` on events ${numbers.join(', ')}` : ''}`, { range: whole });
      if (numbers.length === 0) {
        this.run.assume('a program that collects no event runs once per key group', first);
        return { kind: 'matched', matches };
      }
      cursor = this.inst.cursor;
    }
  }

  /** Runs forms in order; a row of unbound interactions starts together and ends with its slowest. */
  private body(forms: readonly FlowNode[], env: Env): Value {
    let result: Value = null;
    for (let i = 0; i < forms.length; i++) {
      if (isInteraction(forms[i]) && i + 1 < forms.length && isInteraction(forms[i + 1])) {
        const start = this.run.now;
        let end = start;
        for (; i < forms.length && isInteraction(forms[i]); i++) {
          this.run.now = start;
          result = this.ev.value(forms[i], env);
          end = Math.max(end, this.run.now);
        }
        this.run.now = end;
        i--;
        continue;
      }
      result = this.ev.value(forms[i], env);
    }
    return result;
  }

  /** The forms that are not plain function calls; undefined hands the list back to the evaluator. */
  private form(node: ListNode, env: Env): Value | undefined {
    const op = operatorOf(node);
    if (op === undefined) return undefined;
    const args = node.children.slice(1);
    if (op === 'event' || (Object.prototype.hasOwnProperty.call(combinators, op) && isCollection(node))) return this.collect(node, env);
    if (isInteraction(node)) return this.interact(node, env);
    this.run.tick(node);
    switch (op) {
      case 'def':
      case 'set': {
        const name = args[0]?.kind === 'symbol' ? args[0].name : '?';
        if (op === 'set' && !this.inst.globals.has(name)) this.run.assume('`set` of a name no `def` made defines it', node);
        const value = args[1] === undefined ? null : this.ev.value(args[1], env);
        this.inst.globals.set(name, value);
        this.run.setVariable(name, value, node);
        return value;
      }
      case 'let': {
        const frame: Env = { vars: new Map(), parent: env };
        const pairs = args[0]?.kind === 'vector' ? args[0].children : [];
        for (let i = 0; i + 1 < pairs.length; i += 2) this.bind(pairs[i], this.ev.value(pairs[i + 1], frame), frame, pairs[i]);
        return this.body(args.slice(1), frame);
      }
      case 'if-let':
      case 'when-let': {
        const pair = args[0]?.kind === 'vector' ? args[0].children : [];
        const value = pair[1] === undefined ? null : this.ev.value(pair[1], env);
        const holds = truthy(value);
        this.run.step('branch', node, `${op}: ${holds ? 'bound' : 'nil, not bound'}`);
        if (!holds) return op === 'if-let' && args[2] !== undefined ? this.ev.value(args[2], env) : null;
        const frame: Env = { vars: new Map(), parent: env };
        if (pair[0] !== undefined) this.bind(pair[0], value, frame, pair[0]);
        return op === 'if-let' ? (args[1] === undefined ? null : this.ev.value(args[1], frame)) : this.body(args.slice(1), frame);
      }
      case 'if': {
        const holds = args[0] !== undefined && truthy(this.ev.value(args[0], env));
        this.run.step('branch', node, `if: ${holds ? 'then' : 'else'}`);
        const branch = holds ? args[1] : args[2];
        return branch === undefined ? null : this.ev.value(branch, env);
      }
      case 'when': {
        const holds = args[0] !== undefined && truthy(this.ev.value(args[0], env));
        this.run.step('branch', node, `when: ${holds ? 'holds' : 'does not hold'}`);
        return holds ? this.body(args.slice(1), env) : null;
      }
      case 'unless':
        return this.unless(node, args, env);
      case 'cond':
        return this.cond(node, args, env);
      case 'case':
        return this.case(node, args, env);
      case 'do':
        return this.body(args, env);
      case 'delay':
        this.run.delay(node);
        return null;
      case 'until':
        return this.until(node, args, env);
      case 'times': {
        const n = args[0] === undefined ? null : this.ev.value(args[0], env);
        if (typeof n !== 'number') throw new EvalError('times takes a number');
        let result: Value = null;
        for (let i = 0; i < n; i++) {
          this.run.tick(node);
          result = this.body(args.slice(1), env);
        }
        return result;
      }
    }
    return undefined;
  }

  private bind(name: FlowNode, value: Value, frame: Env, node: FlowNode): void {
    const n = name.kind === 'symbol' ? name.name : '?';
    frame.vars.set(n, value);
    this.run.setVariable(n, value, node);
  }

  private collect(node: ListNode, env: Env): Value {
    this.run.tick(node);
    this.env = env;
    const m = this.collector.collect(node, this.inst.cursor, this.run.used);
    if (!m.ok) throw new StillWaiting(m.waiting, m.what);
    for (const t of m.taken) {
      this.run.consume(t.event, t.by);
      this.inst.consumed.push(t.event);
    }
    this.inst.cursor = m.last + 1;
    return true;
  }

  private interact(node: ListNode, env: Env): Value {
    this.run.tick(node);
    const [verb, integration, message, ...rest] = node.children;
    const paramsNode = rest[0]?.kind === 'map' ? rest[0] : undefined;
    const options = paramsNode ? rest.slice(1) : rest;
    const name = (n: FlowNode | undefined) => (n?.kind === 'symbol' ? n.name : '?');
    let retries = 0;
    let window: number | undefined;
    let caught: ListNode | undefined;
    for (const o of options) {
      const op = operatorOf(o);
      const list = o as ListNode;
      if (op === 'retries' && list.children[1]?.kind === 'number') retries = Math.max(0, Math.floor(list.children[1].value));
      else if (op === 'timeout') window = windowOf(list);
      else if (op === 'catch') caught = list;
    }
    if (name(verb) === 'fetch') this.run.assume('`fetch` is answered by its mock at once: the data it waits for is the mock\'s response', node);
    if (retries > 0) this.run.assume('`(retries n)` retries a failure up to n more times, as in 4.1 (the 4.2 guide says "how many times this interaction will be attempted")', node);
    const params = paramsNode === undefined ? {} : this.ev.value(paramsNode, env);
    const result = callEndpoint(this.run, {
      verb: name(verb),
      integration: name(integration),
      message: name(message),
      params: isMap(params) ? (params as ValueMap) : {},
      retries,
      window,
      node,
    });
    if (result.ok) return result.response;
    if (caught) {
      this.run.step('branch', caught, 'catch: the interaction failed');
      this.body(caught.children.slice(1), env);
    } else this.run.assume('an interaction that fails without `catch` gives nil and the program goes on', node);
    return null;
  }

  private unless(node: ListNode, args: FlowNode[], env: Env): Value {
    const [test, ...actions] = args;
    let result: Value = null;
    for (const a of actions) {
      if (test !== undefined && truthy(this.ev.value(test, env))) {
        this.run.step('branch', node, 'unless: the predicate holds, the rest is skipped');
        return result;
      }
      result = this.ev.value(a, env);
    }
    return result;
  }

  private cond(node: ListNode, args: FlowNode[], env: Env): Value {
    for (let i = 0; i + 1 < args.length; i += 2) {
      if (truthy(this.ev.value(args[i], env))) {
        this.run.step('branch', args[i], `cond: ${this.run.formText(args[i])} holds`);
        return this.ev.value(args[i + 1], env);
      }
    }
    const fallback = args.length % 2 === 1 ? args[args.length - 1] : undefined;
    this.run.step('branch', fallback ?? node, fallback ? 'cond: the default' : 'cond: nothing holds');
    return fallback === undefined ? null : this.ev.value(fallback, env);
  }

  private case(node: ListNode, args: FlowNode[], env: Env): Value {
    const [subject, ...clauses] = args;
    const value = subject === undefined ? null : this.ev.value(subject, env);
    for (let i = 0; i + 1 < clauses.length; i += 2) {
      if (this.ev.criterion(clauses[i], value, env)) {
        this.run.step('branch', clauses[i], `case: ${this.run.formText(clauses[i])}`);
        return this.ev.value(clauses[i + 1], env);
      }
    }
    const fallback = clauses.length % 2 === 1 ? clauses[clauses.length - 1] : undefined;
    this.run.step('branch', fallback ?? node, fallback ? 'case: the default' : 'case: no constant matches');
    return fallback === undefined ? null : this.ev.value(fallback, env);
  }

  /** Whether the `until` test holds now: an event that came by now, or a truthy predicate. */
  private untilHolds(test: FlowNode, env: Env): boolean {
    if (!isCollection(test)) return truthy(this.ev.value(test, env));
    this.env = env;
    const m = this.collector.collect(test, this.inst.cursor, this.run.used, this.run.now);
    if (!m.ok) return false;
    for (const t of m.taken) {
      this.run.consume(t.event, t.by);
      this.inst.consumed.push(t.event);
    }
    this.inst.cursor = m.last + 1;
    return true;
  }

  private until(node: ListNode, args: FlowNode[], env: Env): Value {
    const [test, ...actions] = args;
    if (test === undefined) return null;
    for (let round = 1; ; round++) {
      this.run.tick(node);
      if (this.untilHolds(test, env)) {
        this.run.step('branch', node, `until: holds after ${round - 1} round${round === 2 ? '' : 's'}`);
        return null;
      }
      for (const a of actions) {
        this.ev.value(a, env);
        if (this.untilHolds(test, env)) {
          this.run.step('branch', node, `until: holds in round ${round}`);
          return null;
        }
      }
    }
  }
}
