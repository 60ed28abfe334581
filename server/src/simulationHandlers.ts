// The simulator's requests on the wire: their params checked (they come from outside the server),
// then answered by the simulation requests of the language service.
import type { Connection } from 'vscode-languageserver';
import { PatternListRequest, RunPatternParams, RunPatternRequest, RunPatternResult, RunTestCaseParams, RunTestCaseRequest, SimulationInputsRequest, TestCaseRun } from './protocol';
import { safeHandler } from './safeHandler';
import type { LanguageService } from './service/languageService';
import { SimulationRequests } from './service/runs/simulationRequests';

const noInputs = { events: [], mocks: [], testCases: [], problems: [] };

export function registerSimulationHandlers(connection: Connection, service: LanguageService, ready: () => Promise<void>): void {
  const log = { error: (message: string) => connection.console.error(message) };
  const runs = new SimulationRequests(service);
  connection.onRequest(
    PatternListRequest,
    safeHandler(log, 'pattern list', [], async (params: unknown) => {
      await ready();
      const uri = stringField(params, 'uri');
      return uri === undefined ? [] : runs.patterns(uri);
    }),
  );
  connection.onRequest(
    SimulationInputsRequest,
    safeHandler(log, 'simulation inputs', noInputs, async (params: unknown) => {
      await ready();
      return runs.inputs(stringField(params, 'testFile'));
    }),
  );
  connection.onRequest(
    RunPatternRequest,
    safeHandler(log, 'run pattern', failedRun('the server failed to run the pattern (the CxEngage output has the details)'), async (params: unknown) => {
      await ready();
      const run = runPatternParams(params);
      return run === undefined ? failedRun('the request did not name a flow file and an events file') : runs.runPattern(run);
    }),
  );
  connection.onRequest(
    RunTestCaseRequest,
    safeHandler(log, 'run test case', failedCase(undefined), async (params: unknown) => {
      await ready();
      const run = runTestCaseParams(params);
      return run === undefined ? failedCase('the request did not name a test file and a case index') : runs.runTestCase(run);
    }),
  );
}

function runPatternParams(value: unknown): RunPatternParams | undefined {
  const uri = stringField(value, 'uri');
  const events = stringField(value, 'events');
  if (uri === undefined || events === undefined) return undefined;
  const pattern = stringField(value, 'pattern');
  const mocks = stringField(value, 'mocks');
  return { uri, events, ...settingsFields(value), ...(pattern !== undefined ? { pattern } : {}), ...(mocks !== undefined ? { mocks } : {}) };
}

function failedRun(error: string): RunPatternResult {
  return { uri: '', events: '', trace: null, error };
}

function failedCase(why: string | undefined): TestCaseRun {
  return { uri: '', index: 0, name: '', passed: false, failures: [why ?? 'the server failed to run the case (the CxEngage output has the details)'], expected: '', actual: '' };
}

function stringField(value: unknown, name: string): string | undefined {
  const v = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
  return typeof v === 'string' ? v : undefined;
}

/** The key and poll interval settings a client passes along, when they have the right types. */
function settingsFields(value: unknown): Pick<RunPatternParams, 'key' | 'pollInterval'> {
  const v = value as Record<string, unknown>;
  return {
    ...(typeof v.key === 'string' && v.key !== '' ? { key: v.key } : {}),
    ...(typeof v.pollInterval === 'number' && Number.isFinite(v.pollInterval) && v.pollInterval > 0 ? { pollInterval: v.pollInterval } : {}),
  };
}

function runTestCaseParams(value: unknown): RunTestCaseParams | undefined {
  const uri = stringField(value, 'uri');
  const index = (value as { index?: unknown }).index;
  if (uri === undefined || typeof index !== 'number' || !Number.isInteger(index) || index < 0) return undefined;
  return { uri, index, ...settingsFields(value) };
}
