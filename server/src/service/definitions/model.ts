// The integration definition as the rest of the service sees it: plain data with source ranges,
// read tolerantly from a JSON tree so that a half-typed definition still feeds the index.
import { Range } from 'vscode-languageserver-types';

/** A string with where it stands in the definition file. */
export interface Located {
  value: string;
  range: Range;
}

/** One entry of a `schema` list: a param the configuration form collects. */
export interface SchemaParam {
  param: string;
  label?: string;
  /** `type: "password"`: the form masks it. */
  password: boolean;
  /** The `"param"` value. */
  paramRange: Range;
  /** The whole `{ ... }` entry. */
  entryRange: Range;
  /** The `"param"` key and value pair's key, where a quick fix can add `"type": "password"`. */
  typeRange?: Range;
}

/** One field of a `sends` message. */
export interface MessageField {
  name: string;
  /** `type` as written (`mandatory`, `optional`, or something invalid). */
  kind?: string;
  mandatory: boolean;
  description?: string;
  enum?: string[];
  keyRange: Range;
}

export interface MessageType {
  name: string;
  keyRange: Range;
  /** Fields in source order. */
  fields: MessageField[];
  field(name: string): MessageField | undefined;
}

export type ComponentKind = 'endpoint' | 'listener';

export interface Component {
  kind: ComponentKind;
  keyRange: Range;
  name?: Located;
  type?: Located;
  display?: Located;
  params: Located[];
  /** Present when the file has the list (possibly empty); `undefined` when the key is absent. */
  staticParams?: Located[];
  redact?: Located[];
  /** Range of the `"redact"` array value, for quick fixes that extend it. */
  redactRange?: Range;
  /** Range of the whole component object value. */
  valueRange: Range;
  /** Endpoint only: message types in source order. */
  sends: MessageType[];
  message(name: string): MessageType | undefined;
  /** Listener only: its own configuration form. */
  schema?: SchemaParam[];
}

export interface Definition {
  uri: string;
  /** True for the eight definitions shipped with the extension. */
  builtin: boolean;
  type?: Located;
  display?: Located;
  schema: SchemaParam[];
  endpoint?: Component;
  listener?: Component;
}

/** The name a definition is known by (its `type`), if it has a usable one. */
export function definitionType(def: Definition): string | undefined {
  const t = def.type?.value;
  return t === undefined || t === '' ? undefined : t;
}

/** Display name for pickers and hovers: `display`, else `type`. */
export function displayName(def: Definition): string {
  return def.display?.value || def.type?.value || '(unnamed integration)';
}

/**
 * The params a flow must never pass inline: every `static-params` and `redact` entry of the
 * endpoint, every `redact` entry of the listener, and every `schema` param (the integration's or
 * the listener's) of type password. A listener's `static-params` configure what it listens to: they
 * count too, except where the endpoint's messages declare them as fields (Pusher's listener takes
 * `channel` and `event`, which every Pusher `event` message sends). A value written after one of
 * these is a secret wherever it appears.
 */
export function credentialParams(definition: Definition): Set<string> {
  const result = new Set<string>();
  const { endpoint, listener } = definition;
  for (const p of endpoint?.staticParams ?? []) result.add(p.value);
  for (const p of endpoint?.redact ?? []) result.add(p.value);
  for (const p of listener?.redact ?? []) result.add(p.value);
  // Stryker disable next-line ArrayDeclaration: a placeholder that is no schema entry is no password.
  for (const p of listener?.schema ?? []) if (p.password) result.add(p.param);
  for (const p of definition.schema) if (p.password) result.add(p.param);
  // Stryker disable next-line ArrayDeclaration: only a static param of the placeholder's exact name could tell.
  const fields = new Set(endpoint?.sends.flatMap((m) => m.fields.map((f) => f.name)) ?? []);
  for (const p of listener?.staticParams ?? []) if (!fields.has(p.value)) result.add(p.value);
  return result;
}
