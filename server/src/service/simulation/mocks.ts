// Mocked endpoints: per "<integration> <message>", the outcomes of its calls in call order, the
// last one repeating; a message without mocks answers `{"ok": {}}`.
import type { Definition } from '../definitions/model';
import { InputProblem } from './events';
import { fromJson, isMap, Value, ValueMap } from './values';

export type MockOutcome = { kind: 'ok'; response: ValueMap } | { kind: 'fail'; reason: string } | { kind: 'timeout' };

/** Whether an integration and message exist; a message for the problem when not (undefined: fine). */
export type MessageCheck = (integration: string, message: string) => string | undefined;

/** The check of mock names against the definitions a lookup sees (by integration type). */
export function messageCheck(lookup: (integration: string) => Definition | undefined): MessageCheck {
  return (integration, message) => {
    const definition = lookup(integration);
    if (definition === undefined) return `no integration "${integration}" among the definitions`;
    const sends = definition.endpoint?.sends ?? [];
    if (definition.endpoint?.message(message) === undefined) return `${integration} has no message "${message}" (its messages: ${sends.map((m) => m.name).join(', ') || 'none'})`;
    return undefined;
  };
}

export class Mocks {
  private readonly calls = new Map<string, number>();
  constructor(private readonly outcomes: ReadonlyMap<string, readonly MockOutcome[]>) {}

  /** The outcome of the next call of a message. */
  next(integration: string, message: string): MockOutcome {
    const name = `${integration} ${message}`;
    const list = this.outcomes.get(name);
    const n = this.calls.get(name) ?? 0;
    this.calls.set(name, n + 1);
    if (list === undefined || list.length === 0) return { kind: 'ok', response: {} };
    return list[Math.min(n, list.length - 1)];
  }

  /** A fresh call count over the same outcomes. */
  restart(): Mocks {
    return new Mocks(this.outcomes);
  }
}

export const noMocks = new Mocks(new Map());

function outcomeOf(item: unknown, where: string, problems: InputProblem[]): MockOutcome | undefined {
  if (isMap(fromJson(item) ?? null)) {
    const o = item as Record<string, unknown>;
    const keys = Object.keys(o);
    if (keys.length === 1 && keys[0] === 'ok') {
      const response = fromJson(o.ok);
      if (isMap(response ?? null)) return { kind: 'ok', response: response as ValueMap };
      problems.push({ source: 'mocks', message: `${where}: "ok" takes the response as an object of fields` });
      return undefined;
    }
    if (keys.length === 1 && keys[0] === 'fail') {
      if (typeof o.fail === 'string') return { kind: 'fail', reason: o.fail };
      problems.push({ source: 'mocks', message: `${where}: "fail" takes the reason as a string` });
      return undefined;
    }
    if (keys.length === 1 && keys[0] === 'timeout' && o.timeout === true) return { kind: 'timeout' };
  }
  problems.push({ source: 'mocks', message: `${where}: an outcome is {"ok": {...}}, {"fail": "<reason>"} or {"timeout": true}` });
  return undefined;
}

/**
 * Mocks from parsed JSON: `{"twilio sms": [{"ok": {"sid": "SM1"}}, {"fail": "busy"}]}` (a single
 * outcome may stand without the list). A name that is not "<integration> <message>", or that the
 * definitions do not know, is reported and left out.
 */
export function readMocks(data: unknown, check?: MessageCheck): { mocks: Mocks; problems: InputProblem[] } {
  const problems: InputProblem[] = [];
  const outcomes = new Map<string, MockOutcome[]>();
  if (data === undefined || data === null) return { mocks: new Mocks(outcomes), problems };
  if (!isMap(fromJson(data) ?? null)) {
    problems.push({ source: 'mocks', message: 'the mocks must be an object: {"<integration> <message>": [<outcome>, ...]}' });
    return { mocks: new Mocks(outcomes), problems };
  }
  for (const [name, value] of Object.entries(data as Record<string, Value>)) {
    const parts = name.trim().split(/\s+/);
    if (parts.length !== 2 || parts[0] === '') {
      problems.push({ source: 'mocks', message: `mock "${name}" names no message: write "<integration> <message>", e.g. "twilio sms"` });
      continue;
    }
    const unknown = check?.(parts[0], parts[1]);
    if (unknown !== undefined) {
      problems.push({ source: 'mocks', message: `mock "${name}": ${unknown}` });
      continue;
    }
    const items = Array.isArray(value) ? value : [value];
    const list: MockOutcome[] = [];
    items.forEach((item, i) => {
      const o = outcomeOf(item, `mock "${name}" outcome ${i + 1}`, problems);
      if (o !== undefined) list.push(o);
    });
    outcomes.set(`${parts[0]} ${parts[1]}`, list);
  }
  return { mocks: new Mocks(outcomes), problems };
}
