// Event collection, the part both dialects share: which of a group's events a collection form
// (4.1's when side, 4.2's `event`/`and`/`or`/`sequence`/`times`/`within`) takes. Matching is
// tentative (nothing is marked until the caller commits), earliest-first, and recursive over the
// form's nesting, which `runPattern` bounds before any run.
import { FlowNode, ListNode } from '../flow/syntax/tree';
import { SimEvent } from './events';
import type { GroupRun } from './groupRun';
import { durationOf } from './units';

/** The events already spoken for: committed by earlier forms, or held by a sibling part. */
export interface Spoken {
  has(event: SimEvent): boolean;
}

/** `base` and the events a combinator holds so far, without copying `base` (which grows with the run). */
class Holding implements Spoken {
  private readonly own = new Set<SimEvent>();
  constructor(private readonly base: Spoken) {}
  has(event: SimEvent): boolean {
    return this.own.has(event) || this.base.has(event);
  }
  add(event: SimEvent): void {
    this.own.add(event);
  }
}

export interface Taken {
  event: SimEvent;
  /** The `event` form that took it. */
  by: ListNode;
}

export type Collection =
  | { ok: true; taken: Taken[]; first: number; last: number }
  | { ok: false; waiting: FlowNode; what: string; abandoned?: { by: FlowNode; index: number } };

/** How a dialect spells its collection forms and tests one event. */
export interface CollectRules {
  kindOf(node: FlowNode): 'event' | 'sequence' | 'all' | 'any' | 'times' | 'within' | 'fail' | 'wrapper' | undefined;
  accepts(form: ListNode, event: SimEvent): boolean;
  /** "an event where ..." for a waiting message. */
  describe(form: ListNode): string;
  /** The count of a `times`/`count` form (its first argument's value). */
  countOf(form: ListNode): number | undefined;
}

function lastOf(list: readonly FlowNode[]): FlowNode | undefined {
  return list[list.length - 1];
}

/** `(within n unit p)`: the window in milliseconds, or undefined when it is not written so. */
export function windowOf(form: ListNode): number | undefined {
  return durationOf(form.children[1], form.children[2]);
}


export class Collector {
  constructor(
    private readonly run: GroupRun,
    private readonly rules: CollectRules,
  ) {}

  /**
   * Collects `node` from event index `from` on, skipping taken events and events after `until`.
   * `taken` holds the events already spoken for (committed or tentatively by a sibling).
   */
  collect(node: FlowNode, from: number, taken: Spoken, until = Infinity): Collection {
    const kind = this.rules.kindOf(node);
    const list = node as ListNode;
    const parts = list.kind === 'list' ? list.children.slice(1) : [];
    switch (kind) {
      case 'event':
        return this.one(list, from, taken, until);
      case 'wrapper':
        return parts[0] === undefined ? this.nothing(node) : this.collect(parts[0], from, taken, until);
      case 'sequence':
        return this.sequence(node, parts, from, taken, until);
      case 'all':
        return this.all(node, parts, from, taken, until);
      case 'any':
        return this.any(node, parts, from, taken, until);
      case 'times':
        return this.times(list, from, taken, until);
      case 'within':
        return this.within(list, from, taken, until);
      case 'fail':
        this.run.assume('a `(fail ...)` outside `seq`/`all` never matches', node);
        return { ok: false, waiting: node, what: 'nothing: a lone (fail ...) never matches' };
      default:
        return this.nothing(node);
    }
  }

  private nothing(node: FlowNode): Collection {
    return { ok: false, waiting: node, what: `nothing: ${this.run.formText(node)} is not a collection form` };
  }

  private one(form: ListNode, from: number, taken: Spoken, until: number): Collection {
    const events = this.run.events;
    for (let i = from; i < events.length; i++) {
      const e = events[i];
      if (e.time > until) break;
      if (taken.has(e) || !this.rules.accepts(form, e)) continue;
      return { ok: true, taken: [{ event: e, by: form }], first: i, last: i };
    }
    return { ok: false, waiting: form, what: this.rules.describe(form) };
  }

  private guards(parts: FlowNode[]): { guards: FlowNode[]; rest: FlowNode[] } {
    const guards: FlowNode[] = [];
    const rest: FlowNode[] = [];
    for (const p of parts) (this.rules.kindOf(p) === 'fail' ? guards : rest).push(p);
    return { guards, rest };
  }

  /** A `(fail p)` guard whose `p` happens before the match completes abandons it. */
  private checkGuards(guards: FlowNode[], from: number, result: Collection & { ok: true }, taken: Spoken): Collection {
    for (const guard of guards) {
      const inner = (guard as ListNode).children[1];
      if (inner === undefined) continue;
      const all = new Holding(taken);
      for (const t of result.taken) all.add(t.event);
      const g = this.collect(inner, from, all, this.run.events[result.last].time);
      if (g.ok && g.last < result.last) return { ok: false, waiting: guard, what: 'a new match', abandoned: { by: guard, index: g.last } };
    }
    return result;
  }

  private sequence(node: FlowNode, parts: FlowNode[], from: number, taken: Spoken, until: number): Collection {
    const mine = new Holding(taken);
    const got: Taken[] = [];
    let cur = from;
    let first = -1;
    const guardsAt: { guard: FlowNode; from: number }[] = [];
    for (const part of parts) {
      if (this.rules.kindOf(part) === 'fail') {
        guardsAt.push({ guard: part, from: cur });
        continue;
      }
      const m = this.collect(part, cur, mine, until);
      if (!m.ok) return m;
      for (const t of m.taken) {
        got.push(t);
        mine.add(t.event);
      }
      if (first < 0) first = m.first;
      cur = m.last + 1;
    }
    if (got.length === 0) return this.nothing(node);
    let result: Collection = { ok: true, taken: got, first, last: cur - 1 };
    for (const g of guardsAt) {
      if (!result.ok) break;
      result = this.checkGuards([g.guard], g.from, result, taken);
    }
    return result;
  }

  private all(node: FlowNode, parts: FlowNode[], from: number, taken: Spoken, until: number): Collection {
    const { guards, rest } = this.guards(parts);
    if (rest.length > 1) this.run.assume('`all`/`and` gives each part the earliest event it accepts, part by part in written order', node);
    const mine = new Holding(taken);
    const got: Taken[] = [];
    let first = Infinity;
    let last = -1;
    for (const part of rest) {
      const m = this.collect(part, from, mine, until);
      if (!m.ok) return m;
      for (const t of m.taken) {
        got.push(t);
        mine.add(t.event);
      }
      first = Math.min(first, m.first);
      last = Math.max(last, m.last);
    }
    if (got.length === 0) return this.nothing(node);
    got.sort((a, b) => a.event.time - b.event.time || a.event.number - b.event.number);
    return this.checkGuards(guards, from, { ok: true, taken: got, first, last }, taken);
  }

  private any(node: FlowNode, parts: FlowNode[], from: number, taken: Spoken, until: number): Collection {
    let best: Collection | undefined;
    let firstMiss: Collection | undefined;
    for (const part of parts) {
      const m = this.collect(part, from, taken, until);
      if (m.ok && (best === undefined || (best.ok && m.last < best.last))) best = m;
      if (!m.ok && firstMiss === undefined) firstMiss = m;
    }
    if (best !== undefined) return best;
    if (firstMiss !== undefined && !firstMiss.ok) return { ...firstMiss, what: `any of: ${parts.map((p) => this.run.formText(p)).join(', ')}` };
    return this.nothing(node);
  }

  private times(form: ListNode, from: number, taken: Spoken, until: number): Collection {
    const n = this.rules.countOf(form);
    const part = lastOf(form.children);
    if (n === undefined || part === undefined || form.children.length < 3) return this.nothing(form);
    const mine = new Holding(taken);
    const got: Taken[] = [];
    let cur = from;
    let first = -1;
    for (let i = 0; i < n; i++) {
      this.run.tick(form);
      const m = this.collect(part, cur, mine, until);
      if (!m.ok) return { ...m, what: `${m.what} (${i} of ${n} so far)` };
      for (const t of m.taken) {
        got.push(t);
        mine.add(t.event);
      }
      if (first < 0) first = m.first;
      cur = m.last + 1;
    }
    if (got.length === 0) return this.nothing(form);
    return { ok: true, taken: got, first, last: cur - 1 };
  }

  private within(form: ListNode, from: number, taken: Spoken, until: number): Collection {
    const size = windowOf(form);
    const part = form.children[3];
    if (size === undefined || part === undefined) return this.nothing(form);
    let start = from;
    for (;;) {
      this.run.tick(form);
      const m = this.collect(part, start, taken, until);
      if (!m.ok) return m.abandoned ? m : { ...m, what: `${m.what}, within ${this.run.formText(form.children[1])} ${this.run.formText(form.children[2])}` };
      const events = this.run.events;
      let earliest = Infinity;
      let latest = -Infinity;
      for (const t of m.taken) {
        earliest = Math.min(earliest, t.event.time);
        latest = Math.max(latest, t.event.time);
      }
      if (latest - earliest <= size) return m;
      // Too spread out: try again with the window opening at a later event.
      start = m.first + 1;
      // Stryker disable next-line all: unreachable: a spread match took an event after its first (`first` is its lowest index), so `start` is inside the events.
      if (start >= events.length) return { ok: false, waiting: form, what: `${this.run.formText(part)} inside one window` };
    }
  }
}

