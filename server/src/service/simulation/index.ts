// The simulator: runs a pattern (4.1 or 4.2) offline against events the author writes, with every
// endpoint mocked, in virtual time, and returns a trace of what happened and why. Pure: no editor,
// Node or file system, so the language server, the CLI and a browser build all call the same code.
//
// How a caller uses it:
//   1. Patterns: `patternsOf(flowDocument, dialectSetting)` for a parsed `.cxflow` or
//      `*.pattern.json` (`getFlowDocument` in the server, `readFlowDocument` for text from disk);
//      each `Pattern` has its `name`, `dialect` and the document `start` where a Run lens belongs.
//   2. Inputs: `readEventsText(text, 'json' | 'jsonl')` or `eventsFromJson(values)`;
//      `readMocks(json, checkMock?)`; `readTemplate(text, source)` per `*.template.json`, then
//      `templateSet([...])`. Each returns the problems it met; pass them on as `problems`.
//   3. `simulate(pattern, { events, mocks, templates, key, lookup, limits, pollInterval, problems })`
//      gives a `SimulationTrace`: per key group the events (with the form that took each, or none),
//      the steps (kind, virtual time, document range of the form, text; interactions with masked
//      params, mock outcome and attempt; variables as set; `assumed: ...` where the guides are
//      silent), and the outcome (matched, or which form still waits and for what, or the limit that
//      stopped it). `traceText(trace)` is the same as text.
//   4. Test cases: `readTestCases(text)`, then `runTestCase(case, i, { load, templates, lookup, ... })`
//      with `load` reading files relative to the test file; the result holds pass/fail, one line
//      per failure, expected and actual JSON for a side-by-side view, and the trace.
export type { DialectSetting, DialectVersion } from '../flow/analysis/dialect';
export type { InputProblem, SimEvent } from './events';
export { eventsFromJson, readEventsText, defaultStart } from './events';
export type { MessageCheck, MockOutcome } from './mocks';
export { messageCheck, Mocks, readMocks } from './mocks';
export type { Pattern } from './patterns';
export { patternsOf, readFlowDocument } from './patterns';
export type { SimulationInput } from './simulate';
export { simulate } from './simulate';
export type { MessageTemplate, TemplateSet } from './templates';
export { readTemplate, renderMustache, templateSet } from './templates';
export type { CaseEnvironment, CaseLoader, ExpectedInteraction, TestCase, TestResult } from './testCase';
export { judge, loadEvents, loadPattern, readTestCases, runTestCase } from './testCase';
export type { EventUse, GroupOutcome, GroupTrace, InteractionRecord, Limits, SimulationTrace, StepKind, TraceStep, Waiting } from './trace';
export { defaultLimits } from './trace';
export { traceText } from './traceText';
