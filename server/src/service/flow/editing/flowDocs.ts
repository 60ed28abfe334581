// Markdown that describes integrations, message types, fields and forms: shared by hover and by
// the documentation of completion items, so both say the same thing the same way.
import { Definition, MessageField, MessageType, definitionType, displayName } from '../../definitions/model';
import { FormSignature } from '../analysis/grammar/signature';
import { VariableBinding } from '../analysis/variables';
import { operatorOf } from '../syntax/tree';

/** Escapes text for a markdown table cell or paragraph. */
function md(text: string): string {
  return text.replace(/[\\`*_{}[\]<>|]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

function code(text: string): string {
  return text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``;
}

export function integrationMarkdown(def: Definition): string {
  const type = definitionType(def) ?? '';
  const lines = [`**${md(displayName(def))}** integration ${code(type)}`];
  const endpoint = def.endpoint;
  if (endpoint === undefined) {
    lines.push('', 'No endpoint: nothing can be sent to it.');
    return lines.join('\n');
  }
  if (endpoint.display?.value) lines.push('', `Endpoint: ${md(endpoint.display.value)}`);
  const names = endpoint.sends.map((m) => code(m.name));
  lines.push('', names.length === 0 ? 'Sends no messages.' : `Messages: ${names.join(', ')}`);
  if (def.builtin) lines.push('', '_Built-in definition_');
  return lines.join('\n');
}

function fieldRow(field: MessageField): string {
  const kind = field.mandatory ? '**mandatory**' : 'optional';
  const values = field.enum === undefined ? '' : field.enum.map((v) => code(`"${v}"`)).join(', ');
  return `| ${code(field.name)} | ${kind} | ${md(field.description ?? '')} | ${values} |`;
}

/** A table of the fields of a message type, mandatory ones first. */
export function fieldsTable(message: MessageType): string {
  if (message.fields.length === 0) return 'No fields.';
  const ordered = [...message.fields.filter((f) => f.mandatory), ...message.fields.filter((f) => !f.mandatory)];
  return ['| field | | description | values |', '| --- | --- | --- | --- |', ...ordered.map(fieldRow)].join('\n');
}

export function messageMarkdown(integration: string, message: MessageType): string {
  return [`**${md(integration)} ${md(message.name)}** message`, '', fieldsTable(message)].join('\n');
}

export function fieldMarkdown(integration: string, message: string, field: MessageField): string {
  const lines = [
    `**${md(field.name)}**: ${field.mandatory ? 'mandatory' : 'optional'} field of ${code(`${integration} ${message}`)}`,
  ];
  if (field.description) lines.push('', md(field.description));
  if (field.enum !== undefined) lines.push('', `Values: ${field.enum.map((v) => code(`"${v}"`)).join(', ')}`);
  return lines.join('\n');
}

/** A string given to an enum field: whether the field allows it, and the values it does. */
export function enumValueMarkdown(integration: string, message: string, field: MessageField, value: string): string {
  const allowed = field.enum ?? [];
  const quoted = (v: string) => code(`"${v}"`);
  const head = allowed.includes(value)
    ? `${quoted(value)}: a value of ${code(field.name)} in ${code(`${integration} ${message}`)}`
    : `${quoted(value)} is not a value of ${code(field.name)} in ${code(`${integration} ${message}`)}`;
  const lines = [head, '', `Values: ${allowed.map((v) => (v === value ? `**${quoted(v)}**` : quoted(v))).join(', ')}`];
  if (field.description) lines.push('', md(field.description));
  return lines.join('\n');
}

export function formMarkdown(info: FormSignature): string {
  // The docs in the form tables are markdown already.
  return [code(info.shape), '', info.doc].join('\n');
}

/** Several readings of one operator name (e.g. `within` as an option and as a when form). */
export function formsMarkdown(infos: readonly FormSignature[]): string {
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const info of infos) {
    const text = formMarkdown(info);
    if (seen.has(text)) continue;
    seen.add(text);
    parts.push(text);
  }
  return parts.join('\n\n---\n\n');
}

export function eventFieldMarkdown(name: string): string {
  return `event field ${code(name)}: read from the triggering event at run time`;
}

/** Where a response value comes from: the providing form, named and placed (1-based line). */
export interface ResponseOrigin {
  operator: 'send' | 'await' | 'expect';
  /** `twilio call` for a send/await whose names are written; undefined otherwise. */
  target?: string;
  line: number;
}

export function responseValueMarkdown(name: string, origin: ResponseOrigin | undefined): string {
  const head = `response value ${code(name)}`;
  if (origin === undefined) {
    return `${head}: no response is in scope here; response values are visible only inside the success block of a send, inside an await, or in an expect predicate`;
  }
  if (origin.operator === 'expect') return `${head}: in scope, from the event the \`expect\` at line ${origin.line} waits for`;
  const form = origin.target === undefined ? code(origin.operator) : code(`(${origin.operator} ${origin.target})`);
  return `${head}: in scope, from the response of ${form} at line ${origin.line}`;
}

export function templateRefMarkdown(name: string): string {
  return `message template ${code(name)}, rendered when the message is sent`;
}

/** `setLines`: 1-based lines of the `(set name ...)` forms in the same code. */
export function variableMarkdown(name: string, setLines: readonly number[]): string {
  const head = `reaction variable ${code(name)}`;
  if (setLines.length === 0) return `${head}: not \`set\` in this code`;
  return `${head}: \`set\` at line${setLines.length === 1 ? '' : 's'} ${setLines.join(', ')}`;
}

/** Where a 4.2 variable is bound, as a line of text: "`let` binding, line 3". */
export function bindingText(binding: VariableBinding, line: number): string {
  return binding.rule === 'def' ? `global (\`def\` at line ${line})` : `local of \`${operatorOf(binding.form) ?? binding.rule}\` at line ${line}`;
}

/** Hover of a 4.2 variable; `field`: the field a dotted symbol reads from it (`sid` of `result.sid`). */
export function boundVariableMarkdown(binding: VariableBinding, line: number, field?: string): string {
  const head = `variable ${code(binding.name)}: ${bindingText(binding, line)}`;
  return field === undefined ? head : `field ${code(field)} of ${head}`;
}

export function setMarkdown(members: number): string {
  return `set ${code('#{...}')} of ${members} value${members === 1 ? '' : 's'}: a value matches when it equals one of them`;
}

const tagMeanings: Record<string, string> = {
  inst: 'an instant: a date and time (RFC 3339), read as a timestamp',
  uuid: 'a UUID, read as a UUID value rather than a string',
};

export function taggedLiteralMarkdown(tag: string): string {
  const meaning = Object.prototype.hasOwnProperty.call(tagMeanings, tag) ? tagMeanings[tag] : 'a constant read by the reader registered for that tag';
  return `tagged literal ${code(`#${tag}`)}: ${meaning}`;
}
