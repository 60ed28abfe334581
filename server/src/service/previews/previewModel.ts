// The plain-data form models the previews render: no functions, no classes, nothing but JSON,
// so the same types serve the server that builds them, the client and the webview script.
import type { WorkspaceEdit } from 'vscode-languageserver-types';

export interface FormPosition {
  line: number;
  character: number;
}

/** Structurally an LSP `Range`; declared here so the webview bundle needs no LSP package. */
export interface FormRange {
  start: FormPosition;
  end: FormPosition;
}

export type ProblemSeverity = 'error' | 'warning' | 'information' | 'hint';

/** A diagnostic of the file the form is built from, as the problems list shows it. */
export interface FormProblem {
  message: string;
  code?: string;
  severity: ProblemSeverity;
  range: FormRange;
}

/** One input of a configuration form (an entry of a `schema` list). */
export interface ConfigurationInput {
  param: string;
  /** The `label`, else the param name. */
  label: string;
  /** A password input: shown masked and never pre-filled. */
  password: boolean;
  range: FormRange;
}

/** How an endpoint or listener treats a param. */
export type ParamBadge = 'static' | 'redacted' | 'secret-not-redacted';

export interface ComponentParam {
  name: string;
  badges: ParamBadge[];
  range: FormRange;
}

export interface ComponentModel {
  name?: string;
  type?: string;
  /** `display`, else `name`, else the component kind. */
  displayName: string;
  params: ComponentParam[];
  range: FormRange;
}

/** One field of a `sends` message as its form shows it. */
export interface MessageFieldModel {
  name: string;
  label: string;
  help?: string;
  mandatory: boolean;
  /** The `enum` values: the form offers them as a drop-down. */
  options?: string[];
  range: FormRange;
}

export interface MessageFormModel {
  name: string;
  fields: MessageFieldModel[];
  range: FormRange;
}

export interface IntegrationFormModel {
  kind: 'integration';
  uri: string;
  type?: string;
  displayName: string;
  builtin: boolean;
  configuration: ConfigurationInput[];
  endpoint?: ComponentModel;
  messages: MessageFormModel[];
  listener?: ComponentModel & { configuration?: ConfigurationInput[] };
  problems: FormProblem[];
}

/** Where a send field's value comes from, as far as the code tells. */
export type SendValue =
  | { kind: 'empty' }
  | { kind: 'constant'; text: string }
  | { kind: 'event-field'; field: string }
  | { kind: 'message-template'; name: string }
  | { kind: 'variable'; name: string }
  | { kind: 'response'; name: string }
  /** A credential written inline: its value never enters the model. */
  | { kind: 'secret' }
  /** Any other expression (a list, a map, ...), shown by its kind only. */
  | { kind: 'expression'; summary: string };

export type SendFieldStatus = 'ok' | 'missing' | 'invalid-enum' | 'unknown' | 'secret-inline' | 'duplicate';

export interface SendFieldModel {
  name: string;
  label: string;
  help?: string;
  mandatory: boolean;
  options?: string[];
  value: SendValue;
  /** Provided by a `(template {...})` option. */
  templated: boolean;
  /** The form may write this field back into the flow (an empty field, or an enum constant). */
  editable: boolean;
  /** From the field's first problem that the Problems panel shows (after overrides and suppression). */
  status: SendFieldStatus;
  /** The words of the diagnostic for this field, when it has a problem. */
  problem?: string;
  /** The level of that problem, as the Problems panel shows it. */
  severity?: ProblemSeverity;
  /** What to reveal in the editor: the value in the code, else the send's message name. */
  range: FormRange;
}

export interface SendFormModel {
  kind: 'send';
  uri: string;
  /** The interaction verb (`send`, `await`). */
  operator: string;
  integration: string;
  integrationDisplayName?: string;
  message: string;
  /** The definition file, when the integration is known. */
  definitionUri?: string;
  fields: SendFieldModel[];
  /** The send's diagnostics as the Problems panel shows them: same codes, ranges and levels, in document order. */
  problems: FormProblem[];
  /** The whole send form in the code. */
  range: FormRange;
  /** The position the form was asked for, echoed so the panel can keep following the cursor. */
  position: FormPosition;
}

export type FormModel = IntegrationFormModel | SendFormModel;

/** One line of the integration quick pick. */
export interface IntegrationSummary {
  type: string;
  displayName: string;
  uri: string;
  builtin: boolean;
}

/**
 * What Apply answers: the edit writing a send form's values into the flow, or, when there is none,
 * why (for the user: the form's values are kept, and the reason says what to change).
 */
export type SendFormEditResult = { edit: WorkspaceEdit; reason?: undefined } | { edit: null; reason: string };
