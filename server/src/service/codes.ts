// Every diagnostic code the server can produce, with its default severity and message text.
// Tests compare against this table, never against copied strings.

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';

export const definitionCodes = {
  'json-syntax': 'error',
  schema: 'error',
  'unredacted-secret': 'warning',
  'secret-not-masked': 'warning',
  'unknown-param': 'error',
  'param-without-form': 'information',
  'duplicate-entry': 'warning',
  'duplicate-type': 'warning',
  'endpoint-type-mismatch': 'information',
} as const satisfies Record<string, Severity>;

export const flowCodes = {
  syntax: 'error',
  'unknown-form': 'error',
  arity: 'error',
  'unknown-integration': 'error',
  'unknown-message': 'error',
  'missing-mandatory-field': 'error',
  'unknown-field': 'warning',
  'invalid-enum-value': 'error',
  'secret-inline': 'error',
  'duplicate-field': 'warning',
  'response-outside-success': 'warning',
  'unknown-unit': 'error',
} as const satisfies Record<string, Severity>;

/** Codes about the file as a whole rather than its content. */
export const fileCodes = {
  'file-too-large': 'information',
  'not-analysed': 'information',
} as const satisfies Record<string, Severity>;

export const defaultSeverity = { ...definitionCodes, ...flowCodes, ...fileCodes } as const;
export type DiagnosticCode = keyof typeof defaultSeverity;

export function isDiagnosticCode(value: string): value is DiagnosticCode {
  return Object.prototype.hasOwnProperty.call(defaultSeverity, value);
}

const quote = (s: string) => `\`${s}\``;
const didYouMean = (s: string | undefined) => (s === undefined ? '' : `; did you mean ${quote(s)}?`);

/** Message texts, one function per code (and per variant where a code has several). */
export const messages = {
  jsonSyntax: (detail: string) => `Invalid JSON: ${detail}`,
  schema: (detail: string) => detail,
  unredactedSecret: (param: string, component: string) =>
    `Secret param ${quote(param)} is in ${component}.params but not in ${component}.redact: its value would be shown in clear`,
  secretNotMasked: (param: string) =>
    `Param ${quote(param)} looks like a secret but is not \`"type": "password"\`: the configuration form would show it in clear`,
  unknownParam: (param: string, list: string, suggestion?: string) =>
    `${quote(param)} in ${list} is neither in the component's params nor declared by a schema${didYouMean(suggestion)}`,
  paramWithoutForm: (param: string, component: string) =>
    `${component}.params entry ${quote(param)} is not declared by any schema: no configuration form collects it`,
  duplicateListEntry: (param: string, list: string) => `${quote(param)} appears more than once in ${list}`,
  duplicateSchemaParam: (param: string, schema: string) => `Two entries of ${schema} declare the param ${quote(param)}`,
  duplicateType: (type: string, other: string) => `Integration type ${quote(type)} is also declared by ${other}`,
  overridesBuiltin: (type: string) => `This definition overrides the built-in ${quote(type)} integration`,
  endpointTypeMismatch: (component: string, type: string, topType: string) =>
    `${component}.type ${quote(type)} differs from the integration type ${quote(topType)}`,
  fileTooLarge: (size: number, limit: number) =>
    `File not analysed: ${size} bytes is above cxengage.maxFileSize (${limit} bytes)`,
  binaryFile: () => 'File not analysed: it holds binary data, not text',
  notADefinition: () => 'This file is not an integration definition: its top level must be a JSON object',

  syntax: (detail: string) => detail,
  unknownForm: (op: string, where: string, suggestion?: string) =>
    `${quote(op)} is not a form ${where}${didYouMean(suggestion)}`,
  arity: (detail: string) => detail,
  unknownIntegration: (name: string, suggestion?: string) =>
    `No integration ${quote(name)} is defined${didYouMean(suggestion)}`,
  integrationWithoutEndpoint: (name: string) => `Integration ${quote(name)} has no endpoint: nothing can be sent to it`,
  unknownMessage: (integration: string, message: string, suggestion?: string) =>
    `${quote(integration)} has no message ${quote(message)}${didYouMean(suggestion)}`,
  missingMandatoryFields: (integration: string, message: string, fields: readonly string[]) =>
    `${quote(`${integration} ${message}`)} is missing mandatory field${fields.length > 1 ? 's' : ''} ${fields.map((f) => quote(f)).join(', ')}`,
  unknownField: (field: string, message: string, suggestion?: string) =>
    `${quote(message)} has no field ${quote(field)}${didYouMean(suggestion)}`,
  invalidEnumValue: (value: string, field: string, allowed: readonly string[], suggestion?: string) =>
    `"${value}" is not a valid ${quote(field)}: expected one of ${allowed.map((a) => `"${a}"`).join(', ')}${didYouMean(suggestion === undefined ? undefined : `"${suggestion}"`)}`,
  secretInline: (field: string, integration: string) =>
    `${quote(field)} is a credential of the ${quote(integration)} integration: configure it on the integration, never inline in a flow`,
  duplicateField: (field: string) => `Field ${quote(field)} appears more than once in this params map`,
  responseOutsideSuccess: (value: string) =>
    `${quote(value)} is a response value, visible only inside the success block of a send, inside an await, or in an expect predicate`,
  unknownUnit: (unit: string, suggestion?: string) =>
    `${quote(unit)} is not a duration unit (seconds, minutes, hours, days)${didYouMean(suggestion)}`,
} as const;
