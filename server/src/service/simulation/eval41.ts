// Values and predicates of the 4.1 language: `*field*` reads the matched events, `$field` the
// response of the interaction whose `success` block runs, other names the reaction variables; on
// the when side a bare name is the candidate event's field (`(= CallAction "abandoned")`).
import { FlowNode, operatorOf } from '../flow/syntax/tree';
import { SimEvent } from './events';
import { callFunction, EvalError, isFunction } from './functions';
import { GroupRun } from './groupRun';
import { dataValue } from './literals';
import { lastValues, renderTemplateRef, renderText } from './rendering';
import { truthy, Value, ValueMap } from './values';

export interface Scope41 {
  vars: Map<string, Value>;
  /** The events of the match, in time order. */
  matched: SimEvent[];
  /** The response inside a `success` block (innermost). */
  response?: ValueMap;
  /** When side: the event being tested. */
  candidate?: SimEvent;
}

function fieldOf(events: readonly SimEvent[], name: string): Value | undefined {
  for (let i = events.length - 1; i >= 0; i--) {
    const v = events[i].fields[name];
    if (v !== undefined) return v;
  }
  return undefined;
}

export class Evaluator41 {
  constructor(private readonly run: GroupRun) {}

  /** A value; what cannot be computed is noted in the trace and gives nil. */
  value(node: FlowNode, scope: Scope41): Value {
    try {
      return this.eval(node, scope);
    } catch (error) {
      if (!(error instanceof EvalError)) throw error;
      // The message may quote values computed from a credential: inside one, it says only where.
      const text = this.run.setting.secrets.holds(node) ? "a credential's value could not be computed" : `${this.run.formText(node)}: ${error.message}`;
      this.run.step('note', node, `${text}; nil used`);
      return null;
    }
  }

  /** A when-side test of one candidate event: what cannot be computed does not hold, silently. */
  test(node: FlowNode, scope: Scope41): boolean {
    this.silent = true;
    try {
      return truthy(this.eval(node, scope));
    } catch (error) {
      if (error instanceof EvalError) return false;
      throw error;
    } finally {
      this.silent = false;
    }
  }

  /** While testing candidate events nothing is noted: a member's error fails the test. */
  private silent = false;

  holds(node: FlowNode, scope: Scope41): boolean {
    return truthy(this.value(node, scope));
  }

  view(scope: Scope41): Record<string, Value> {
    return { ...lastValues(scope.matched), ...Object.fromEntries(scope.vars), ...(scope.response ?? {}) };
  }

  private eval(node: FlowNode, scope: Scope41): Value {
    // Outside tests, a member that cannot be computed is noted on its own and is nil; its map stands.
    const data = dataValue(node, (member) => (this.silent ? this.eval(member, scope) : this.value(member, scope)));
    if (data !== undefined) return data;
    switch (node.kind) {
      case 'event': {
        const v = scope.candidate ? scope.candidate.fields[node.name] : fieldOf(scope.matched, node.name);
        if (v === undefined && !scope.candidate) throw new EvalError(`no field "${node.name}" in the matched events`);
        return v ?? null;
      }
      case 'response': {
        const v = scope.response?.[node.name];
        if (v === undefined) throw new EvalError(scope.response ? `no field "${node.name}" in the response` : `$${node.name} outside a success block`);
        return v;
      }
      case 'template':
        return renderTemplateRef(this.run, node.name, this.view(scope), node);
      case 'symbol':
        if (scope.candidate) return scope.candidate.fields[node.name] ?? null;
        if (scope.vars.has(node.name)) return scope.vars.get(node.name) as Value;
        throw new EvalError(`variable ${node.name} is not set`);
      case 'list':
        return this.call(node, scope);
      default:
        return null;
    }
  }

  private call(node: FlowNode & { kind: 'list' }, scope: Scope41): Value {
    const op = operatorOf(node);
    const args = node.children.slice(1);
    switch (op) {
      case 'and':
        for (const a of args) if (!truthy(this.eval(a, scope))) return false;
        return true;
      case 'or':
        for (const a of args) if (truthy(this.eval(a, scope))) return true;
        return false;
      case 'template': {
        const t = args[0];
        if (t?.kind === 'string') return renderText(this.run, t.value, this.view(scope), t);
        return t === undefined ? null : this.eval(t, scope);
      }
    }
    if (op === undefined || !isFunction(op)) throw new EvalError(`\`${op ?? '(...)'}\` is not a function the simulator knows`);
    return callFunction(op, args.map((a) => this.eval(a, scope)));
  }
}
