// The simulator's requests as the language service answers them: the patterns of a file, the
// workspace's events, mocks and test cases, a run of a pattern and a run of a test case. Every
// file is read through the workspace (an open document's unsaved text first), never from disk.
import type { LanguageService } from '../languageService';
import { CaseLoader, loadEvents, patternsOf, readMocks, readTestCases, runTestCase, simulate, TestCase } from '../simulation';
import type { InputProblem } from '../simulation';
import { caseRanges, fileText, resolveUri, siblingMocks, templatesOf } from './workspaceInputs';
import type {
  RunnablePattern,
  RunPatternParams,
  RunPatternResult,
  RunTestCaseParams,
  SimulationInputs,
  TestCaseInfo,
  TestCaseRun,
} from './runProtocol';
import { messageCheck } from '../simulation/mocks';

const eventGlobs = ['**/*.events.json', '**/*.events.jsonl'];
const mockGlobs = ['**/*.mocks.json'];
const testGlobs = ['**/*.cxtest.json'];

/** Virtual milliseconds between polls from a setting in seconds; the default for anything else. */
function pollMs(seconds: number | undefined): number | undefined {
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
}

export class SimulationRequests {
  constructor(private readonly service: LanguageService) {}

  /** The runnable patterns of a flow or pattern file (none for other files or one a guard stopped). */
  async patterns(uri: string): Promise<RunnablePattern[]> {
    const found = await this.patternsIn(uri);
    return typeof found === 'string' ? [] : found.map((p) => ({ name: p.name, dialect: p.dialect, range: p.start }));
  }

  private async patternsIn(uri: string) {
    const source = await this.service.workspace.read(uri);
    if (source === undefined) return `cannot read ${uri}`;
    const model = this.service.modelOf(source);
    if (model.kind !== 'flow' && model.kind !== 'pattern') return `${uri} is not a flow (*.cxflow) or pattern (*.pattern.json) file`;
    if (model.guard !== undefined) return `the file is not analysed: ${model.guard.message}`;
    return patternsOf(model.flow, this.service.contextFor(uri).settings.flow.dialect);
  }

  /** The events files, mocks files and test cases of every workspace folder. */
  async inputs(testFile?: string): Promise<SimulationInputs> {
    const workspace = this.service.workspace;
    const [events, mocks, tests] = await Promise.all([
      testFile === undefined ? workspace.findFiles(eventGlobs) : [],
      testFile === undefined ? workspace.findFiles(mockGlobs) : [],
      testFile === undefined ? workspace.findFiles(testGlobs) : [testFile],
    ]);
    const testCases: TestCaseInfo[] = [];
    const problems: SimulationInputs['problems'] = [];
    for (const uri of tests.sort()) {
      const text = await fileText(workspace, uri);
      if (typeof text !== 'string') {
        problems.push({ uri, message: text.error });
        continue;
      }
      const read = readTestCases(text);
      for (const message of read.problems) problems.push({ uri, message });
      const ranges = caseRanges(uri, text);
      read.cases.forEach((testCase, index) => testCases.push(caseInfo(uri, testCase, index, ranges[index])));
    }
    return { events: events.sort(), mocks: mocks.sort(), testCases, problems };
  }

  /** Runs a pattern of a file against an events file, with its mocks (named, or found beside the events). */
  async runPattern(params: RunPatternParams): Promise<RunPatternResult> {
    const base = { uri: params.uri, events: params.events };
    const patterns = await this.patternsIn(params.uri);
    if (typeof patterns === 'string') return { ...base, trace: null, error: patterns };
    const pattern = params.pattern === undefined ? patterns[0] : patterns.find((p) => p.name === params.pattern);
    if (pattern === undefined) {
      const names = patterns.map((p) => `"${p.name}"`).join(', ') || 'none';
      return { ...base, trace: null, error: params.pattern === undefined ? 'the file holds no pattern' : `the file has no pattern named "${params.pattern}" (it has ${names})` };
    }
    const eventsText = await fileText(this.service.workspace, params.events);
    if (typeof eventsText !== 'string') return { ...base, trace: null, error: eventsText.error };
    const events = loadEvents(lastSegment(params.events), () => ({ uri: params.events, text: eventsText }));
    const mocksUri = params.mocks ?? (await siblingMocks(this.service.workspace, params.events));
    const context = this.service.contextFor(params.uri);
    const mockProblems: InputProblem[] = [];
    let mocksData: unknown;
    if (mocksUri !== undefined) {
      const text = await fileText(this.service.workspace, mocksUri);
      if (typeof text !== 'string') mockProblems.push({ source: 'mocks', message: text.error });
      else {
        try {
          mocksData = JSON.parse(text);
        } catch (error) {
          mockProblems.push({ source: 'mocks', message: `${lastSegment(mocksUri)}: not JSON (${(error as Error).message})` });
        }
      }
    }
    const mocks = readMocks(mocksData, messageCheck(context.lookup));
    const templates = await templatesOf(this.service.workspace);
    const trace = simulate(pattern, {
      events: events.events,
      mocks: mocks.mocks,
      templates: templates.templates,
      key: params.key,
      lookup: context.lookup,
      visible: context.visible,
      pollInterval: pollMs(params.pollInterval),
      problems: [...templates.problems, ...events.problems, ...mockProblems, ...mocks.problems],
    });
    return { ...base, ...(mocksUri !== undefined ? { mocks: mocksUri } : {}), trace };
  }

  /** Runs one case of a test file and judges it; the files it names are read relative to it. */
  async runTestCase(params: RunTestCaseParams): Promise<TestCaseRun> {
    const base = { uri: params.uri, index: params.index };
    const text = await fileText(this.service.workspace, params.uri);
    const read = typeof text === 'string' ? readTestCases(text) : { cases: [], problems: [text.error] };
    const testCase = read.cases[params.index];
    if (testCase === undefined) {
      const why = read.problems.join('; ') || `the file has no case ${params.index + 1}`;
      return { ...base, name: `#${params.index + 1}`, passed: false, failures: [why], expected: '', actual: '' };
    }
    const loaded = new Map<string, { uri: string; text: string }>();
    for (const relative of namedFiles(testCase)) {
      const uri = resolveUri(params.uri, relative);
      const fileContent = await fileText(this.service.workspace, uri);
      if (typeof fileContent === 'string') loaded.set(relative, { uri, text: fileContent });
    }
    const load: CaseLoader = (relative) => loaded.get(relative);
    const patternUri = resolveUri(params.uri, patternFile(testCase.pattern));
    const context = this.service.contextFor(patternUri);
    const templates = await templatesOf(this.service.workspace);
    const result = runTestCase(testCase, params.index, {
      load,
      templates: templates.templates,
      lookup: context.lookup,
      checkMock: messageCheck(context.lookup),
      settingKey: params.key,
      dialect: context.settings.flow.dialect,
      pollInterval: pollMs(params.pollInterval),
    });
    // The workspace's template problems are not the case's: as with the command-line tool they do
    // not fail it. A run shows them with the trace's input problems; a case that could not run
    // (no trace) lists them after its own failures.
    if (result.trace === undefined) return { ...base, ...result, failures: [...result.failures, ...templates.problems.map((p) => `${p.source}: ${p.message}`)] };
    return { ...base, ...result, trace: { ...result.trace, problems: [...templates.problems, ...result.trace.problems] }, patternUri };
  }
}

function patternFile(ref: string): string {
  const hash = ref.indexOf('#');
  return hash < 0 ? ref : ref.slice(0, hash);
}

/** The files a case names (its pattern, and its events and mocks when they are paths). */
function namedFiles(testCase: TestCase): string[] {
  const files = [patternFile(testCase.pattern)];
  if (typeof testCase.events === 'string') files.push(testCase.events);
  if (typeof testCase.mocks === 'string') files.push(testCase.mocks);
  return files;
}

function caseInfo(uri: string, testCase: TestCase, index: number, range: TestCaseInfo['range'] | undefined): TestCaseInfo {
  const hash = testCase.pattern.indexOf('#');
  return {
    uri,
    index,
    name: typeof testCase.name === 'string' && testCase.name !== '' ? testCase.name : `#${index + 1}`,
    range: range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    patternUri: resolveUri(uri, patternFile(testCase.pattern)),
    ...(hash < 0 ? {} : { patternName: testCase.pattern.slice(hash + 1) }),
  };
}

function lastSegment(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}
