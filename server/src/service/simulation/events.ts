// The events a run is fed: a JSON array or JSON lines of objects, each with an optional "@time"
// (an ISO-8601 instant, or an offset from the previous event), placed on the virtual clock and
// grouped by the key attribute, as the platform keeps one profile per individual.
import { parseOffset } from './units';
import { fromJson, show, Value, ValueMap } from './values';

export interface SimEvent {
  /** 1-based number in the input (emitted events continue the count). */
  number: number;
  /** Virtual time, milliseconds since the epoch. */
  time: number;
  /** The event's fields, without "@time". */
  fields: ValueMap;
  /** `input` from the events file; `emitted` by a then-side `(event {...})`. */
  origin: 'input' | 'emitted';
}

/** A problem with the input (events, mocks, templates, pattern, test case) that a run reports. */
export interface InputProblem {
  source: 'events' | 'mocks' | 'pattern' | 'templates' | 'test';
  message: string;
}

/** When the first event carries no instant: a fixed start, so that every run shows the same times. */
export const defaultStart = Date.UTC(2026, 0, 1);
const defaultGap = 1000;

export interface EventsRead {
  events: SimEvent[];
  problems: InputProblem[];
}

/** Reads `*.events.json` (an array) or `*.events.jsonl` (one object a line) text. */
export function readEventsText(text: string, format: 'json' | 'jsonl'): EventsRead {
  if (format === 'jsonl') {
    const items: unknown[] = [];
    const problems: InputProblem[] = [];
    const lines = text.split(/\r?\n/);
    for (let i = 0; i < lines.length; i++) {
      if (lines[i].trim() === '') continue;
      try {
        items.push(JSON.parse(lines[i]));
      } catch (error) {
        problems.push({ source: 'events', message: `line ${i + 1}: not JSON (${(error as Error).message})` });
      }
    }
    const read = eventsFromJson(items);
    return { events: read.events, problems: [...problems, ...read.problems] };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { events: [], problems: [{ source: 'events', message: `not JSON: ${(error as Error).message}` }] };
  }
  if (!Array.isArray(data)) return { events: [], problems: [{ source: 'events', message: 'the events must be a JSON array of objects' }] };
  return eventsFromJson(data);
}

/** Events from parsed JSON values; anything but an object, and a time going backwards, is reported and skipped. */
export function eventsFromJson(items: readonly unknown[]): EventsRead {
  const events: SimEvent[] = [];
  const problems: InputProblem[] = [];
  let previous: number | undefined;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const where = `event ${i + 1}`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      problems.push({ source: 'events', message: `${where} is ${Array.isArray(item) ? 'an array' : show(fromJson(item) ?? null)}, not an object of fields: skipped` });
      continue;
    }
    const fields: ValueMap = {};
    let stamp: unknown;
    for (const [name, value] of Object.entries(item as Record<string, unknown>)) {
      if (name === '@time') stamp = value;
      else fields[name] = fromJson(value) ?? null;
    }
    let time: number;
    if (stamp === undefined) time = previous === undefined ? defaultStart : previous + defaultGap;
    else if (typeof stamp !== 'string') {
      problems.push({ source: 'events', message: `${where}: "@time" must be a string (an ISO-8601 instant or an offset such as "+30s"): skipped` });
      continue;
    } else if (stamp.startsWith('+')) {
      const offset = parseOffset(stamp);
      if (offset === undefined) {
        problems.push({ source: 'events', message: `${where}: "@time" offset "${stamp}" is not a number followed by ms, s, m, h or d: skipped` });
        continue;
      }
      time = (previous ?? defaultStart) + offset;
    } else {
      const parsed = /^\d{4}-\d{2}-\d{2}/.test(stamp) ? Date.parse(stamp) : NaN;
      if (Number.isNaN(parsed)) {
        problems.push({ source: 'events', message: `${where}: "@time" "${stamp}" is not an ISO-8601 instant nor an offset such as "+30s": skipped` });
        continue;
      }
      if (previous !== undefined && parsed < previous) {
        problems.push({
          source: 'events',
          message: `${where}: "@time" ${stamp} is before the previous event (${new Date(previous).toISOString()}); events must be in time order: skipped`,
        });
        continue;
      }
      time = parsed;
    }
    previous = time;
    events.push({ number: i + 1, time, fields, origin: 'input' });
  }
  return { events, problems };
}

export interface KeyGroups {
  /** Groups in the order their first event came. */
  groups: { key: string; value: Value; events: SimEvent[] }[];
  /** Events without the key attribute. */
  keyless: SimEvent[];
}

/** The key value as a group name: a string as it is, anything else as JSON. */
export function keyText(value: ValueMap[string]): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function groupByKey(events: readonly SimEvent[], key: string): KeyGroups {
  // A group is named by the key's text (7 and "7" are one key) and keeps the value its first event
  // gave, which the events a reaction adds carry as they were written.
  const byKey = new Map<string, { key: string; value: Value; events: SimEvent[] }>();
  const keyless: SimEvent[] = [];
  for (const e of events) {
    const value = e.fields[key];
    if (value === undefined || value === null) {
      keyless.push(e);
      continue;
    }
    const k = keyText(value);
    let group = byKey.get(k);
    if (group === undefined) byKey.set(k, (group = { key: k, value, events: [] }));
    group.events.push(e);
  }
  return { groups: [...byKey.values()], keyless };
}
