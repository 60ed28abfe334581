// Custom requests between the extension and the language server, declared once for both sides.
import { Position, Range, RequestType, WorkspaceEdit } from 'vscode-languageserver-protocol';
import type { FormModel, FormPosition, IntegrationSummary, SendFormEditResult } from './service/previews/previewModel';

export type * from './service/previews/previewModel';

/** The form of a definition file, of a send at a position in a flow, or of an integration by type. */
export type FormModelParams =
  | { uri: string; position?: FormPosition }
  | { integrationType: string; /** The document asking, so the right workspace folder is searched. */ uri?: string };

export const FormModelRequest = new RequestType<FormModelParams, FormModel | null, void>('cxengage/formModel');

export interface IntegrationListParams {
  /** The document asking (its workspace folder decides which definitions are visible). */
  uri?: string;
}

/** Every integration visible from a document, for the quick pick. */
export const IntegrationListRequest = new RequestType<IntegrationListParams, IntegrationSummary[], void>(
  'cxengage/integrations',
);

export interface SendFormEditParams {
  uri: string;
  /** A position inside (or before) the send, as for `FormModelRequest`. */
  position: FormPosition;
  /** Field name → the text to write as a string constant. */
  values: Record<string, string>;
}

/** The edit that writes values chosen in a send form back into the flow, or why there is none. */
export const SendFormEditRequest = new RequestType<SendFormEditParams, SendFormEditResult, void>('cxengage/sendFormEdit');

export type FlowDialect = '4.1' | '4.2';
export type FlowDialectSetting = 'auto' | FlowDialect;

export interface DialectParams {
  uri: string;
  /** In a pattern file, a position in the code string asked about (else its first one). */
  position?: Position;
}

/** The dialect flow code is read as, and why, for the language status item. */
export interface DialectInfo {
  dialect: FlowDialect;
  /** What decided: the first-line comment, the setting, the payload key, a form, or the default. */
  source: 'directive' | 'setting' | 'payload-key' | 'form' | 'default';
  /** Why, as the end of a sentence: "because line 3 uses `create`". */
  because: string;
  /** The `cxengage.flow.dialect` setting in force for the document. */
  setting: FlowDialectSetting;
  /** The form or comment that decided, where one did. */
  range?: Range;
}

/** The dialect of a flow or pattern document's code; null for other documents or one without code. */
export const DialectRequest = new RequestType<DialectParams, DialectInfo | null, void>('cxengage/dialect');

export interface DialectEditParams extends DialectParams {
  /** `4.1`/`4.2`: write `; cxengage-dialect: ...` on the code's first line; `auto`: remove it. */
  dialect: FlowDialectSetting;
}

/** The edit that switches a document's code to a dialect; null when there is nothing to change. */
export const DialectEditRequest = new RequestType<DialectEditParams, WorkspaceEdit | null, void>('cxengage/dialectEdit');

/** The uri scheme of built-in definitions in a client that shows them read-only. */
export const builtinScheme = 'cxengage-builtin';

/** What a client may say in `initializationOptions`, beside `settings`. */
export interface InitializationOptions {
  /**
   * Give the built-in definitions uris of this scheme (`cxengage-builtin:/twilio.integration.json`)
   * in every answer, and serve their text through `BuiltinDefinitionRequest`; without it they are
   * the `file:` uris of the files shipped with the server.
   */
  builtinScheme?: string;
}

export interface BuiltinDefinitionParams {
  uri: string;
}

/** The text of a built-in definition, by its uri; null for any other uri. */
export const BuiltinDefinitionRequest = new RequestType<BuiltinDefinitionParams, string | null, void>('cxengage/builtinDefinition');

export interface StatusParams {
  /** The document the user looks at: the counts are of what it sees. */
  uri?: string;
}

/** What the server knows, for a status display; new facts are new optional fields. */
export interface ServerStatus {
  version: string;
  /** Definitions visible from the document (all of them without one). */
  definitions: { builtin: number; workspace: number };
}

export const StatusRequest = new RequestType<StatusParams, ServerStatus, void>('cxengage/status');

// ---- The simulator in the editor: patterns to run, the workspace's inputs, runs and test cases ----

export type * from './service/runs/runProtocol';
import type {
  PatternListParams,
  RunnablePattern,
  RunPatternParams,
  RunPatternResult,
  RunTestCaseParams,
  SimulationInputs,
  SimulationInputsParams,
  TestCaseRun,
} from './service/runs/runProtocol';

/** The runnable patterns of a flow or pattern file, each with the range a Run lens goes above. */
export const PatternListRequest = new RequestType<PatternListParams, RunnablePattern[], void>('cxengage/patterns');

/** The events files, mocks files and test cases of the workspace (the run quick pick, the Testing view). */
export const SimulationInputsRequest = new RequestType<SimulationInputsParams, SimulationInputs, void>('cxengage/simulationInputs');

/** Runs one pattern against an events file (and mocks), files read as open in the editor; the trace. */
export const RunPatternRequest = new RequestType<RunPatternParams, RunPatternResult, void>('cxengage/runPattern');

/** Runs one test case of a `*.cxtest.json` and judges it. */
export const RunTestCaseRequest = new RequestType<RunTestCaseParams, TestCaseRun, void>('cxengage/runTestCase');
