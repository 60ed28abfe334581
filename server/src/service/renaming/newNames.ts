// Whether a new name can stand where a rename puts it: a symbol in flow code (integrations,
// messages, 4.2 variables) or a keyword/string key (fields), and a JSON string in definitions and
// pattern payloads. The flow reader decides: a name is valid when it reads back as itself.
import { grammar42 } from '../flow/analysis/grammar/grammar';
import { readFlow } from '../flow/syntax/reader';

export type NamedKind = 'integration' | 'message' | 'field' | 'variable';

const kindWords: Record<NamedKind, string> = {
  integration: 'an integration type',
  message: 'a message name',
  field: 'a field name',
  variable: 'a variable name',
};

/** Characters no flow word may hold, and that a JSON string would have to escape (control characters are found apart). */
const unsafe = /["\\\s,;()[\]{}`~^@']/;

function firstUnsafe(name: string): string | undefined {
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return name[i];
  }
  return unsafe.exec(name)?.[0];
}

/**
 * Why `name` cannot be the new name of a thing of `kind`, or undefined when it can. Integrations,
 * messages and variables are written as plain symbols in flows; fields as keywords (`:to`).
 */
export function invalidNameReason(kind: NamedKind, name: string): string | undefined {
  const what = kindWords[kind];
  if (name === '') return `The new name is empty: ${what} needs at least one character.`;
  const bad = firstUnsafe(name);
  if (bad !== undefined) return `\`${name}\` cannot be ${what}: it holds ${describe(bad)}, which flow code cannot hold in a name.`;
  if (kind === 'field' && name.startsWith(':')) return `\`${name}\` cannot be a field name: write it without the keyword's colon (\`${name.replace(/^:+/, '')}\`).`;
  const read = kind === 'field' ? readFlow(`:${name}`) : readFlow(name);
  const form = read.forms[0];
  const readsAsItself =
    read.errors.length === 0 &&
    read.forms.length === 1 &&
    (kind === 'field' ? form.kind === 'keyword' && form.name === name : form.kind === 'symbol' && form.name === name);
  if (!readsAsItself) {
    const as = kind === 'field' ? 'a keyword' : 'a plain symbol (not a number, keyword, `$field`, `*field*`, `+template`, `true`, `false` or `nil`)';
    return `\`${name}\` cannot be ${what}: flow code would not read it as ${as}.`;
  }
  if (kind !== 'field' && name.includes('.')) return `\`${name}\` cannot be ${what}: a \`.\` in a symbol reads a field of a variable (\`result.sid\`).`;
  if (kind === 'variable' && grammar42.has(name)) return `\`${name}\` cannot be a variable name: it is a form or function of the 4.2 language.`;
  return undefined;
}

function describe(c: string): string {
  if (c === '"') return 'a double quote';
  if (c === '\\') return 'a backslash';
  if (/\s/.test(c)) return 'white space';
  const code = c.charCodeAt(0);
  if (code < 0x20 || code === 0x7f) return 'a control character';
  return `\`${c}\``;
}
