// Every diagnostic code the server can produce, with its default severity and message text.
// Tests compare against this table, never against copied strings.

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';

const definitionCodes = {
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
  'wrong-dialect': 'error',
  'unbound-variable': 'warning',
  'shadowed-name': 'warning',
  'unknown-template': 'warning',
} as const satisfies Record<string, Severity>;

/** Codes of message template files (besides `json-syntax` and `schema`, shared with definitions). */
const templateCodes = {
  'template-syntax': 'error',
} as const satisfies Record<string, Severity>;

/** Codes of the JSON of pattern payloads (besides `json-syntax` and `schema`, shared with definitions). */
const patternCodes = {
  'unknown-pattern-key': 'warning',
  'missing-pattern-code': 'error',
} as const satisfies Record<string, Severity>;

/** Codes about the file as a whole rather than its content. */
const fileCodes = {
  'file-too-large': 'information',
  'not-analysed': 'information',
  'too-many-problems': 'information',
} as const satisfies Record<string, Severity>;

export const defaultSeverity = { ...definitionCodes, ...flowCodes, ...patternCodes, ...templateCodes, ...fileCodes } as const;
export type DiagnosticCode = keyof typeof defaultSeverity;

export function isDiagnosticCode(value: string): value is DiagnosticCode {
  return Object.prototype.hasOwnProperty.call(defaultSeverity, value);
}

const quote = (s: string) => `\`${s}\``;

/** The keys of a pattern payload, in the order the REST API documents them (4.2, then 4.1's). */
export const patternKeys = ['id', 'name', 'description', 'status', 'key', 'code', 'when', 'then'] as const;

/** An opener of a form left open, with its place when the message is for a document. */
export interface UnclosedOpener {
  open: string;
  line?: number;
  column?: number;
}

/** Openers outermost first; a long run shows its three outermost and three innermost. */
function listOpeners(openers: readonly UnclosedOpener[]): string {
  const one = (o: UnclosedOpener) => (o.line === undefined ? quote(o.open) : `${quote(o.open)} at ${o.line}:${o.column}`);
  if (openers.length <= 6) return openers.map(one).join(', ');
  const head = openers.slice(0, 3).map(one);
  const tail = openers.slice(-3).map(one);
  return `${head.join(', ')}, … ${openers.length - 6} more …, ${tail.join(', ')}`;
}

const didYouMean = (s: string | undefined) => (s === undefined ? '' : `; did you mean ${quote(s)}?`);

/** Message texts, one function per code (and per variant where a code has several). */
export const messages = {
  jsonSyntax: (detail: string) => `Invalid JSON: ${detail}`,
  schema: (detail: string) => detail,
  schemaEnumValue: (detail: string, suggestion: string) => `${detail.replace(/\.$/, '')}; did you mean "${suggestion}"?`,
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
  tooManyForms: (limit: number) => `File not analysed: it holds more than ${limit} forms (brackets, words and strings), more than any flow needs`,
  tooManyProblems: (more: number, limit: number) =>
    `${more} more problem${more === 1 ? '' : 's'} from here on ${more === 1 ? 'is' : 'are'} not shown: cxengage.diagnostics.maxPerFile is ${limit}`,
  tooDeep: (limit: number) => `Nesting deeper than ${limit} levels: no definition nests this deep, so the file was not analysed further`,

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
  unknownUnit: (unit: string, suggestion?: string, units = 'seconds, minutes, hours, days') =>
    `${quote(unit)} is not a duration unit (${units})${didYouMean(suggestion)}`,
  /** `subject` as written (`` `send` ``, `` `event` with a map ``); the caller adds why the code is read as the other dialect. */
  wrongDialect: (subject: string, kind: 'form' | 'function', dialect: string) => `${subject} is a ${dialect} ${kind}`,
  /** The end of a wrong-dialect message: "; this file is read as 4.2 because line 3 uses `create`". */
  readAs: (subject: string, dialect: string, because: string) => `; ${subject} is read as ${dialect} ${because}`,
  unboundVariable: (name: string, field: string | undefined, suggestion?: string) =>
    `${quote(name)}${field === undefined ? '' : ` (before \`.${field}\`)`} names no variable in scope here and no function${didYouMean(suggestion)}`,
  shadowedName: (name: string, kind: 'function' | 'form') =>
    `${quote(name)} is a ${kind} of the language: a variable of that name hides it`,

  // Reader errors (code `syntax`).
  unclosedBracket: (open: string, close: string) => `${quote(open)} is never closed: expected ${quote(close)}`,
  strayCloser: (close: string) => `Unexpected ${quote(close)}: nothing is open here`,
  mismatchedCloser: (close: string, open: string, expected: string) =>
    `${quote(close)} does not match the open ${quote(open)}: expected ${quote(expected)}`,
  unterminatedString: () => 'Unterminated string: the closing `"` is missing',
  invalidEscape: (escape: string) => `Invalid escape ${quote(escape)} in string`,
  invalidNumber: (text: string) => `Invalid number ${quote(text)}`,
  mapKeyWithoutValue: (key: string) => `Map key ${quote(key)} has no value: a map needs an even number of forms`,
  unclosedForms: (openers: readonly UnclosedOpener[], closers: string) =>
    `${openers.length} forms are not closed: ${listOpeners(openers)}; they need ${closers.length <= 12 ? quote(closers) : `${closers.length} closing brackets`}`,
  duplicateSetMember: (member: string) => `${quote(member)} is already in this set: a set holds each value once`,
  discardsNothing: () => '`#_` discards the next form, but no form follows it',
  tagsNothing: (tag: string) => `${quote(`#${tag}`)} must be followed by the form it tags`,
  unknownTag: (tag: string) =>
    `Unknown tag ${quote(`#${tag}`)}: the reader knows \`#inst\` and \`#uuid\`; a tag of your own needs a namespace (\`#app/${tag}\`)`,
  invalidTaggedForm: (tag: string, example: string) => `${quote(`#${tag}`)} takes a string such as ${quote(example)}`,
  unsupportedDispatch: (dispatch: string, what: string | undefined) =>
    `${quote(dispatch)}${what === undefined ? '' : ` (${what})`} is not flow syntax: only sets \`#{...}\`, the discard \`#_\` and tagged literals such as \`#inst "..."\` start with \`#\``,
  // Shapes of forms (code `arity`).
  formShape: (op: string, shape: string) => `Wrong shape for ${quote(op)}: expected ${quote(shape)}`,
  paramsNotMap: (op: string) => `The params of ${quote(op)} must be a map \`{...}\``,
  notAnOption: (op: string, options: readonly string[]) =>
    `Expected an option of ${quote(op)} here: ${options.map((o) => `(${o} ...)`).join(', ')}`,
  notAName: (what: string) => `Expected ${what} here, as a plain name`,
  notAReaction: (written: string, op: string) =>
    `${quote(written)} is a value, not a reaction: the members of ${quote(op)} are forms such as \`(send ...)\` or \`(delay ...)\``,
  bindingsNotVector: (op: string, shape: string) => `The bindings of ${quote(op)} must be a vector ${quote(shape)}`,
  bindingOnePair: (op: string) => `${quote(op)} binds one name: ${quote('[name value]')}`,
  bindingWithoutValue: (op: string, name: string) => `${quote(name)} has no value: ${quote(op)} binds names to values in pairs`,
  criteriaNotMap: (op: string) => `The criteria of ${quote(op)} must be a map \`{:field criterion ...}\``,
  unknownTemplate: (id: string, known: number, suggestion?: string) =>
    `No message template ${quote(`+${id}`)}: the workspace's ${known} template file${known === 1 ? '' : 's'} hold${known === 1 ? 's' : ''} no template with id ${quote(id)}${didYouMean(suggestion === undefined ? undefined : `+${suggestion}`)}`,
  templateArgument: () => '`template` takes a stored template `+TM1` or a string such as `"Total {{total}}"`',
  // Pattern files.
  rawLineBreaks: (count: number) =>
    count === 1 ? 'a line break inside a string must be written `\\n`' : `${count} line breaks inside this string: each must be written \`\\n\``,
  unknownPatternKey: (key: string, suggestion?: string) =>
    suggestion === undefined
      ? `${quote(key)} is not a pattern key: a pattern has ${patternKeys.map(quote).join(', ')}`
      : `${quote(key)} is not a pattern key${didYouMean(suggestion)}`,
  /** `half`: the one of `when`/`then` the pattern has without the other. */
  missingPatternCode: (half?: 'when' | 'then') =>
    half === undefined
      ? 'An enabled pattern (`"status": true`) needs code: `code` (4.2), or `when` and `then` (4.1)'
      : `An enabled pattern (\`"status": true\`) with \`${half}\` needs \`${half === 'when' ? 'then' : 'when'}\` too (or \`code\` alone, 4.2)`,
  // Template files.
  templateSyntax: (detail: string) => `Mustache syntax: ${detail}`,
  patternTooDeep: (limit: number) => `Nesting deeper than ${limit} levels: no pattern file nests this deep, so the file was not analysed further`,
} as const;

/** One line per code: what it means (rule descriptions in SARIF output and the README). */
export const codeSummaries: Record<DiagnosticCode, string> = {
  'json-syntax': 'The file is not valid strict JSON.',
  schema: 'The file breaks its schema (integration definition, pattern payload or message template).',
  'unredacted-secret': 'A password param is in a component\'s params but not in its redact list.',
  'secret-not-masked': 'A schema param named like a secret is not of type password.',
  'unknown-param': 'A static-params or redact entry names no param of the component or schema.',
  'param-without-form': 'A params entry that no schema declares, so no form collects it.',
  'duplicate-entry': 'The same param twice in one list, or two schema entries for one param.',
  'duplicate-type': 'Two definitions declare the same integration type (or one overrides a built-in).',
  'endpoint-type-mismatch': 'endpoint.type or listener.type differs from the integration type.',
  syntax: 'A reader error in flow code.',
  'unknown-form': 'An operator the flow language does not have in that position.',
  arity: 'A form with the wrong shape.',
  'unknown-integration': 'send/await names an integration that is not defined or has no endpoint.',
  'unknown-message': 'The message type is not in the endpoint\'s sends.',
  'missing-mandatory-field': 'A send lacks mandatory fields.',
  'unknown-field': 'A field the message does not declare.',
  'invalid-enum-value': 'A string constant outside the field\'s enum.',
  'secret-inline': 'A credential param passed inline in a flow.',
  'duplicate-field': 'The same field twice in one params map.',
  'response-outside-success': 'A $response value used where no response is in scope.',
  'unknown-unit': 'A duration unit other than seconds, minutes, hours, days (4.2 also takes the singular).',
  'wrong-dialect': 'A form of the other flow dialect (4.1 or 4.2) than the one the code is read as.',
  'unbound-variable': 'A 4.2 symbol that names no variable in scope and no function.',
  'shadowed-name': 'A 4.2 variable named like a function or form of the language, which it hides.',
  'unknown-template': 'A +TMn reference to a message template that no template file of the workspace has.',
  'template-syntax': 'The template text of a message template file is not valid Mustache.',
  'unknown-pattern-key': 'A pattern payload key that is not id, name, description, status, key, code, when or then.',
  'missing-pattern-code': 'An enabled pattern (status true) without code: neither code nor when and then.',
  'file-too-large': 'The file is larger than cxengage.maxFileSize and was not analysed.',
  'not-analysed': 'The file holds binary data, or millions of tiny forms, and was not analysed.',
  'too-many-problems': 'The file has more problems than cxengage.diagnostics.maxPerFile; the rest are not shown.',
};
