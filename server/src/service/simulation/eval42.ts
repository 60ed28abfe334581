// Values of the 4.2 language: `$field` is the last value this match has seen, names resolve
// through local bindings to globals (`result.sid` reads a field of a bound map), event criteria
// take the event's value as their first argument, and templates render over all of it.
import { FlowNode, ListNode, operatorOf, symbolParts } from '../flow/syntax/tree';
import { SimEvent } from './events';
import { callFunction, EvalError, isFunction } from './functions';
import { GroupRun } from './groupRun';
import { dataValue } from './literals';
import { lastValues, renderTemplateRef, renderText } from './rendering';
import { equal, fieldPath, truthy, Value } from './values';

/** Local bindings, innermost first through `parent`. */
export interface Env {
  vars: Map<string, Value>;
  parent?: Env;
}

/** One run of the program: its globals and the events it has collected. */
export interface Instance {
  globals: Map<string, Value>;
  consumed: SimEvent[];
  /** Index of the first event the next collection may take. */
  cursor: number;
}

export function lookupVar(name: string, env: Env | undefined, inst: Instance): { found: boolean; value?: Value } {
  for (let e = env; e !== undefined; e = e.parent) if (e.vars.has(name)) return { found: true, value: e.vars.get(name) };
  if (inst.globals.has(name)) return { found: true, value: inst.globals.get(name) };
  return { found: false };
}

/** Evaluates lists that are not plain function calls (control, interactions, collections). */
export type FormRunner = (node: ListNode, env: Env) => Value | undefined;

export class Evaluator42 {
  constructor(
    private readonly run: GroupRun,
    readonly inst: Instance,
    private readonly forms: FormRunner,
  ) {}

  view(env: Env): Record<string, Value> {
    const frames: Env[] = [];
    for (let e: Env | undefined = env; e !== undefined; e = e.parent) frames.push(e);
    const view: Record<string, Value> = { ...lastValues(this.inst.consumed), ...Object.fromEntries(this.inst.globals) };
    for (let i = frames.length - 1; i >= 0; i--) Object.assign(view, Object.fromEntries(frames[i].vars));
    return view;
  }

  /** A value; what cannot be computed is noted in the trace and gives nil. */
  value(node: FlowNode, env: Env): Value {
    try {
      return this.eval(node, env);
    } catch (error) {
      if (!(error instanceof EvalError)) throw error;
      // The message may quote values computed from a credential: inside one, it says only where.
      const text = this.run.setting.secrets.holds(node) ? "a credential's value could not be computed" : `${this.run.formText(node)}: ${error.message}`;
      this.run.step('note', node, `${text}; nil used`);
      return null;
    }
  }

  eval(node: FlowNode, env: Env): Value {
    // A member that cannot be computed is noted on its own and is nil; its map or list stands.
    const data = dataValue(node, (member) => this.value(member, env));
    if (data !== undefined) return data;
    switch (node.kind) {
      case 'response': {
        const v = this.lastValue(node.name);
        if (v === undefined) throw new EvalError(`no event of this match has the field "${node.name}"`);
        return v;
      }
      case 'event':
        throw new EvalError(`*${node.name}* is 4.1; 4.2 reads event fields as $${node.name}`);
      case 'template':
        return renderTemplateRef(this.run, node.name, this.view(env), node);
      case 'symbol': {
        const [head, ...rest] = symbolParts(node);
        const v = lookupVar(head.name, env, this.inst);
        if (!v.found) throw new EvalError(`${head.name} is not defined`);
        const got = fieldPath(v.value, rest.map((p) => p.name));
        if (got === undefined) throw new EvalError(`${node.name}: no such field`);
        return got;
      }
      case 'list': {
        const special = this.forms(node, env);
        return special !== undefined ? special : this.call(node, env);
      }
      default:
        return null;
    }
  }

  lastValue(field: string): Value | undefined {
    const events = this.inst.consumed;
    for (let i = events.length - 1; i >= 0; i--) if (events[i].fields[field] !== undefined) return events[i].fields[field];
    return undefined;
  }

  private call(node: ListNode, env: Env): Value {
    const op = operatorOf(node);
    const args = node.children.slice(1);
    switch (op) {
      case 'and': {
        let last: Value = true;
        for (const a of args) if (!truthy((last = this.eval(a, env)))) return last;
        return last;
      }
      case 'or': {
        for (const a of args) {
          const v = this.eval(a, env);
          if (truthy(v)) return v;
        }
        return null;
      }
      case 'all': {
        const field = args[0];
        if (field?.kind !== 'response') throw new EvalError('all takes an event field: (all $amount)');
        return this.inst.consumed.flatMap((e) => (e.fields[field.name] === undefined ? [] : [e.fields[field.name]]));
      }
      case 'template': {
        const t = args[0];
        if (t?.kind === 'string') return renderText(this.run, t.value, this.view(env), t);
        if (t?.kind === 'template') return renderTemplateRef(this.run, t.name, this.view(env), t);
        throw new EvalError('template takes +TM1 or a "string"');
      }
      case 'filter':
      case 'remove': {
        const [test, coll] = args;
        const items = coll === undefined ? null : this.eval(coll, env);
        if (test === undefined || !Array.isArray(items)) throw new EvalError(`${op} takes a predicate and a list`);
        return items.filter((item) => this.criterion(test, item, env) === (op === 'filter'));
      }
      case 'rand':
        this.run.assume('`rand` gives 0, so that every run is the same', node);
        break;
    }
    if (op === undefined || !isFunction(op)) throw new EvalError(`\`${op ?? '(...)'}\` is not a function the simulator knows`);
    return callFunction(op, args.map((a) => this.eval(a, env)));
  }

  /**
   * A criterion over one value: a constant is equality, a set membership, `(and ...)`, `(or ...)`
   * and `(not ...)` combine criteria, any other call takes the value as its first argument.
   */
  criterion(node: FlowNode, value: Value, env: Env): boolean {
    if (node.kind === 'set') return node.children.some((c) => equal(this.eval(c, env), value));
    if (node.kind !== 'list') return equal(this.eval(node, env), value);
    const op = operatorOf(node);
    const args = node.children.slice(1);
    if (op === 'and') return args.every((a) => this.criterion(a, value, env));
    if (op === 'or') return args.some((a) => this.criterion(a, value, env));
    if (op === 'not') return args.length > 0 && !this.criterion(args[0], value, env);
    if (op === undefined || !isFunction(op)) return equal(this.eval(node, env), value);
    return truthy(callFunction(op, [value, ...args.map((a) => this.eval(a, env))]));
  }
}
