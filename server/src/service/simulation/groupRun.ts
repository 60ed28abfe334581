// The state of one key group's run: its events on the virtual clock, which form took which event,
// the steps recorded so far, and the step and time budget that keeps the run bounded.
import type { Range } from 'vscode-languageserver-types';
import type { Definition } from '../definitions/model';
import { FlowNode, ListNode } from '../flow/syntax/tree';
import { SimEvent } from './events';
import { Mocks } from './mocks';
import { Pattern } from './patterns';
import { SecretPlaces } from './secrets';
import { TemplateSet } from './templates';
import { InteractionRecord, LimitReached, Limits, StepKind, TraceStep } from './trace';
import { durationOf, showDuration, showTime } from './units';
import { Value } from './values';

/** What every group of a run shares. */
export interface RunSetting {
  pattern: Pattern;
  mocks: Mocks;
  templates: TemplateSet;
  /** The definition of an integration, for which params are credentials. */
  lookup: (integration: string) => Definition | undefined;
  limits: Limits;
  /** 4.1 `await`: virtual time between polls. */
  pollInterval: number;
  key: string;
  /** Per form, computed once a run: its document range (shared by every step it takes) and its short text. */
  ranges: WeakMap<FlowNode, Range>;
  texts: WeakMap<FlowNode, string>;
  /** Per integration, whether a param name is a credential (see interact.ts). */
  credentials: Map<string, (name: string) => boolean>;
  /** Where the pattern writes credential values (see secrets.ts): never shown in the trace. */
  secrets: SecretPlaces;
}

const maxFormText = 60;
/** Events a group's reactions may add. */
export const maxEmitted = 10_000;

export class GroupRun {
  now: number;
  readonly steps: TraceStep[] = [];
  readonly interactions: InteractionRecord[] = [];
  readonly used = new Map<SimEvent, { form: string; range: Range }>();
  private stepCount = 0;
  private readonly deadline: number;
  private readonly assumed = new Set<string>();
  private emitted = 0;

  constructor(
    readonly setting: RunSetting,
    /** The group's key as text (its name in the trace) and as the events gave it. */
    readonly key: string,
    private readonly keyValue: Value,
    /** The group's events in time order; then-side `(event ...)` forms insert into it. */
    readonly events: SimEvent[],
    /** The highest event number of the input, after which emitted events are numbered. */
    private readonly lastNumber: number,
  ) {
    this.now = events.length > 0 ? events[0].time : 0;
    const last = events.length > 0 ? events[events.length - 1].time : 0;
    this.deadline = last + setting.limits.maxTimeAfterLastEvent;
  }

  get pattern(): Pattern {
    return this.setting.pattern;
  }

  range(node: FlowNode): Range {
    let range = this.setting.ranges.get(node);
    // Stryker disable next-line ConditionalExpression: a cache; computing the range again gives the same range.
    if (range === undefined) this.setting.ranges.set(node, (range = this.pattern.range(node)));
    return range;
  }

  /** A form's source on one line, shortened for trace text. */
  formText(node: FlowNode): string {
    let text = this.setting.texts.get(node);
    // Stryker disable next-line ConditionalExpression: a cache; computing the text again gives the same text.
    if (text === undefined) {
      const whole = this.setting.secrets.shownSource(node).replace(/\s+/g, ' ');
      text = whole.length > maxFormText ? `${whole.slice(0, maxFormText - 1)}…` : whole;
      this.setting.texts.set(node, text);
    }
    return text;
  }

  step(kind: StepKind, node: FlowNode | undefined, text: string, extra?: Partial<TraceStep>): void {
    const step: TraceStep = node === undefined ? { kind, at: this.now, text } : { kind, at: this.now, range: this.range(node), text };
    this.steps.push(extra === undefined ? step : Object.assign(step, extra));
  }

  /** A new match starts: the step budget is per match, so that a long stream of events runs through. */
  startMatch(): void {
    this.stepCount = 0;
  }

  /** Counts one step of work against the budget; throws when it is spent. */
  tick(node: FlowNode): void {
    if (++this.stepCount > this.setting.limits.maxSteps) {
      throw new LimitReached('steps', `stopped: step limit of ${this.setting.limits.maxSteps} reached at ${this.formText(node)}`, this.range(node));
    }
  }

  /** Moves the clock forward to `time`; throws past the virtual-time limit. */
  advanceTo(time: number, node: FlowNode): void {
    if (time <= this.now) return;
    if (time > this.deadline) {
      const limit = showDuration(this.setting.limits.maxTimeAfterLastEvent);
      this.now = this.deadline;
      throw new LimitReached('time', `stopped: virtual-time limit (${limit} after the group's last event, ${showTime(this.deadline)}) reached at ${this.formText(node)}`, this.range(node));
    }
    this.now = time;
  }

  /** `(delay n unit)`: the clock moves on; a malformed delay is noted and takes no time. */
  delay(node: ListNode): void {
    const size = durationOf(node.children[1], node.children[2]);
    if (size === undefined) {
      this.step('note', node, `${this.formText(node)} is not (delay <n> <unit>): no time passes`);
      return;
    }
    this.step('delay', node, `wait ${showDuration(size)}`);
    this.advanceTo(this.now + size, node);
  }

  /** Records what the guides leave open, once per group. */
  assume(text: string, node: FlowNode | undefined): void {
    if (this.assumed.has(text)) return;
    this.assumed.add(text);
    this.step('assumed', node, `assumed: ${text}`);
  }

  setVariable(name: string, value: Value, node: FlowNode): void {
    this.step('set', node, `${name} = ${JSON.stringify(value)}`, { variable: { name, value } });
  }

  /** Marks an event taken by a form, and records it. */
  consume(event: SimEvent, by: FlowNode): void {
    this.used.set(event, { form: this.formText(by), range: this.range(by) });
    this.step('event', by, `event ${event.number} taken by ${this.formText(by)}`, { event: event.number, at: event.time });
    if (event.time > this.now) this.now = event.time;
  }

  /** Adds an event with the group's key at the current time, after every event up to now. */
  emit(fields: Record<string, Value>, node: FlowNode): SimEvent {
    // A reaction that feeds its own pattern without time passing would never end: each match
    // starts a fresh step budget, so the events it adds are counted instead.
    if (this.emitted >= maxEmitted) {
      throw new LimitReached('steps', `stopped: more than ${maxEmitted} events added by ${this.formText(node)}`, this.range(node));
    }
    const event: SimEvent = { number: this.lastNumber + ++this.emitted, time: this.now, fields: { ...fields, [this.setting.key]: this.keyValue }, origin: 'emitted' };
    let at = this.events.length;
    while (at > 0 && this.events[at - 1].time > this.now) at--;
    this.events.splice(at, 0, event);
    this.step('emit', node, `event ${event.number} added: ${JSON.stringify(fields)}`, { event: event.number });
    return event;
  }
}
