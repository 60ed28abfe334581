// Calling a mocked endpoint: attempts with retries, timeouts on the virtual clock, and the record
// of each attempt with its params as rendered and every credential's value masked.
import { credentialTest } from '../flow/analysis/secretValues';
import { FlowNode } from '../flow/syntax/tree';
import { GroupRun } from './groupRun';
import { InteractionRecord } from './trace';
import { showDuration } from './units';
import { ValueMap } from './values';

/** What stands in for a credential's value in every output. */
export const masked = '•••';

/** A mocked timeout with no window of its own lasts this long. */
const defaultTimeout = 30_000;

export interface Call {
  verb: string;
  integration: string;
  message: string;
  params: ValueMap;
  /** Retries after a failure: `(retries n)`. */
  retries: number;
  /** 4.1 `(within n unit)` / 4.2 `(timeout n unit)`, in milliseconds. */
  window?: number;
  node: FlowNode;
}

export type CallResult = { ok: true; response: ValueMap } | { ok: false; reason: string };

/** Which param names are credentials, per integration, decided once a run. */
function credentialsOf(run: GroupRun, integration: string): (name: string) => boolean {
  const known = run.setting.credentials.get(integration);
  if (known !== undefined) return known;
  const test = credentialTest(run.setting.lookup(integration), []);
  const answers = new Map<string, boolean>();
  const cached = (name: string) => {
    let answer = answers.get(name);
    if (answer === undefined) answers.set(name, (answer = test(name)));
    return answer;
  };
  run.setting.credentials.set(integration, cached);
  return cached;
}

export function maskParams(run: GroupRun, integration: string, params: ValueMap): ValueMap {
  const isCredential = credentialsOf(run, integration);
  const shown: ValueMap = {};
  for (const [name, value] of Object.entries(params)) shown[name] = isCredential(name) ? masked : value;
  return shown;
}

export function callEndpoint(run: GroupRun, call: Call): CallResult {
  const shownParams = maskParams(run, call.integration, call.params);
  const name = `${call.verb} ${call.integration} ${call.message} ${JSON.stringify(shownParams)}`;
  let reason = '';
  for (let attempt = 1; attempt <= call.retries + 1; attempt++) {
    run.tick(call.node);
    const at = run.now;
    const outcome = run.setting.mocks.next(call.integration, call.message);
    const record: InteractionRecord = { verb: call.verb, integration: call.integration, message: call.message, params: shownParams, outcome: outcome.kind, attempt, at };
    const tries = attempt > 1 ? ` (attempt ${attempt})` : '';
    if (outcome.kind === 'ok') {
      record.response = outcome.response;
      run.interactions.push(record);
      run.step('interaction', call.node, `${name}${tries}: ok ${JSON.stringify(outcome.response)}`, { interaction: record });
      return { ok: true, response: outcome.response };
    }
    if (outcome.kind === 'fail') {
      reason = outcome.reason;
      record.reason = reason;
      run.interactions.push(record);
      run.step('interaction', call.node, `${name}${tries}: failed: ${reason}`, { interaction: record });
    } else {
      if (call.window === undefined) run.assume(`a mocked timeout without a window lasts ${showDuration(defaultTimeout)}`, call.node);
      const lasts = call.window ?? defaultTimeout;
      reason = `timed out after ${showDuration(lasts)}`;
      record.reason = reason;
      run.interactions.push(record);
      run.step('interaction', call.node, `${name}${tries}: ${reason}`, { interaction: record });
      run.advanceTo(run.now + lasts, call.node);
    }
  }
  return { ok: false, reason };
}
