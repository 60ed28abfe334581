// Did-you-mean for a value a schema's `enum` rejects (`"type": "required"` in a definition): the
// allowed values, the likely one first, so a quick fix can offer each.
import type { JSONDocument, JSONSchema } from 'vscode-json-languageservice';
import { Diagnostic } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { closeMatches } from './suggest';
import { jsonPackage, jsonService } from './jsonService';

/** Words authors write for a schema value, which no edit distance finds. */
const synonyms: Record<string, string> = {
  required: 'mandatory',
  require: 'mandatory',
  must: 'mandatory',
  secret: 'password',
  masked: 'password',
  hidden: 'password',
};

/** `data` of a `schema` diagnostic on a value outside its enum. */
export interface EnumValueData {
  value: string;
  /** The allowed values, the likely replacement first. */
  suggestions: string[];
  /** Whether the first suggestion is close enough to say "did you mean". */
  likely: boolean;
}

/** The allowed values in the order to offer them for `value`. */
export function enumSuggestions(value: string, allowed: readonly string[]): { suggestions: string[]; likely: boolean } {
  const synonym = synonyms[value.toLowerCase()];
  const close = synonym !== undefined && allowed.includes(synonym) ? [synonym] : closeMatches(value, allowed, allowed.length);
  return { suggestions: [...close, ...allowed.filter((a) => !close.includes(a))], likely: close.length > 0 };
}

/**
 * For each enum mismatch among `diagnostics` (the JSON service's, with its codes), the string that
 * stands there and the values its schema allows. `view` is the document as the service read it.
 */
export async function enumMismatches(
  view: TextDocument,
  json: JSONDocument,
  schema: JSONSchema,
  diagnostics: readonly Diagnostic[],
): Promise<Map<Diagnostic, EnumValueData>> {
  const found = new Map<Diagnostic, EnumValueData>();
  const mismatches = diagnostics.filter((d) => d.code === jsonPackage().ErrorCode.EnumValueMismatch);
  if (mismatches.length === 0) return found;
  const matching = await jsonService().getMatchingSchemas(view, json, schema);
  for (const d of mismatches) {
    const offset = view.offsetAt(d.range.start);
    const match = matching.find((m) => m.node.offset === offset && m.node.type === 'string' && Array.isArray(m.schema.enum));
    const allowed = match?.schema.enum?.filter((v): v is string => typeof v === 'string') ?? [];
    if (match === undefined || match.node.type !== 'string' || allowed.length === 0) continue;
    found.set(d, { value: match.node.value, ...enumSuggestions(match.node.value, allowed) });
  }
  return found;
}
