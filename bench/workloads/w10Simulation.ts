// W10: the simulator over 10,000 events for 200 key values, against a 4.1 pattern and a 4.2 program
// of about 100 forms each; reading the events (objects to the virtual clock) is part of the time.
// In process, as the language server and the CLI run it.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { languageIds } from '../../server/src/service/documentKind';
import { eventsFromJson, patternsOf, readFlowDocument, readMocks, simulate, SimulationTrace, templateSet } from '../../server/src/service/simulation';
import { BenchConfig } from '../config';
import { generateSimulationInputs } from '../generators/simulation';
import { compare } from '../measure';
import { row, WorkloadResult } from '../results';

const eventCount = 10_000;
const keyCount = 200;
const formsWanted = 100;

export async function runW10(config: BenchConfig): Promise<WorkloadResult> {
  const input = generateSimulationInputs(config.seed, formsWanted, config.quick ? eventCount / 10 : eventCount, keyCount);
  const patternOf = (code: string, name: string) => patternsOf(readFlowDocument(TextDocument.create(`file:///bench/${name}.cxflow`, languageIds.flow, 1, code), 'flow'))[0];
  const p42 = patternOf(input.program, 'w9-42');
  const p41 = patternOf(input.pattern41, 'w9-41');
  const mocks = readMocks({ 'echo message': [{ fail: 'busy' }, { ok: { id: 'm1' } }], 'twilio sms': { ok: { sid: 'SM1' } } }).mocks;
  const templates = templateSet([{ id: 'TM1', template: 'Hello {{id}}, {{amount}}' }]);
  const traces: Partial<Record<'v42' | 'v41', SimulationTrace>> = {};
  const runOf = (which: 'v42' | 'v41') => () => {
    const events = eventsFromJson(input.events).events;
    traces[which] = simulate(which === 'v42' ? p42 : p41, { events, mocks, templates });
  };
  const t = await compare({ warmup: config.warmup, runs: Math.min(config.runs, 10) }, { v42: runOf('v42'), v41: runOf('v41') });
  const figures = (trace: SimulationTrace | undefined) => {
    const steps = trace?.groups.reduce((n, g) => n + g.steps.length, 0) ?? 0;
    const interactions = trace?.groups.reduce((n, g) => n + g.interactions.length, 0) ?? 0;
    return `${trace?.matches ?? 0} matches, ${interactions} interactions, ${steps} trace steps (${trace?.outcome})`;
  };
  const events = input.events.length;
  return {
    id: 'W10',
    title: 'simulate a pattern',
    input: { events, keys: keyCount, '4.2 forms': input.forms42, '4.1 forms': input.forms41 },
    rows: [row(`ours: 4.2 program of ${input.forms42} forms`, 'ours', t.v42), row(`ours: 4.1 pattern of ${input.forms41} forms`, 'ours', t.v41)],
    figures: { '4.2 run': figures(traces.v42), '4.1 run': figures(traces.v41) },
    targets: [
      {
        target: `issue 14: ${events.toLocaleString('en')} events against a pattern of 100 forms under 1 s`,
        measured: `4.2 ${t.v42.median.toFixed(0)} ms, 4.1 ${t.v41.median.toFixed(0)} ms`,
        met: t.v42.median < 1000 && t.v41.median < 1000,
      },
    ],
  };
}
