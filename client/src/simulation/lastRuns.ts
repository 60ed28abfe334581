// The values each interaction was last run with, by the document range of its form, so that the
// send form preview can show them beside the form's fields.
import * as vscode from 'vscode';
import type { FormRange, SimulationTrace } from '../../../server/src/protocol';
import type { LastRunValues } from '../preview/messages';
import { showTime } from './traceTime';

function keyOf(uri: string, range: FormRange): string {
  return `${uri}@${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

export class LastRuns {
  private readonly values = new Map<string, LastRunValues>();
  private readonly changed = new vscode.EventEmitter<string>();
  /** Fires with the uri of the document whose last run changed. */
  readonly onDidChange = this.changed.event;

  /** Keeps the last attempt of every interaction of a run of the pattern in `uri`. */
  record(uri: string, trace: SimulationTrace): void {
    for (const key of [...this.values.keys()]) if (key.startsWith(`${uri}@`)) this.values.delete(key);
    for (const group of trace.groups) {
      for (const step of group.steps) {
        const i = step.interaction;
        if (i === undefined || step.range === undefined) continue;
        const params: Record<string, string> = {};
        for (const [name, value] of Object.entries(i.params)) params[name] = typeof value === 'string' ? value : JSON.stringify(value);
        const outcome = i.outcome === 'ok' ? 'ok' : i.outcome === 'fail' ? `failed: ${i.reason ?? ''}` : 'timed out';
        this.values.set(keyOf(uri, step.range), { key: group.key, at: showTime(i.at), attempt: i.attempt, outcome, params });
      }
    }
    this.changed.fire(uri);
  }

  of(uri: string, range: FormRange): LastRunValues | undefined {
    return this.values.get(keyOf(uri, range));
  }
}

/** The one store: runs write it, the send form preview reads it. */
export const lastRuns = new LastRuns();
