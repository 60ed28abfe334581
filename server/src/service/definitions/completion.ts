// Completion in definition files: the JSON service's schema-driven items (keys, `mandatory` /
// `optional`, `password`), plus the file's own params inside `params`, `static-params` and `redact`.
import { CompletionItem, CompletionItemKind, CompletionList, Position } from 'vscode-languageserver-types';
import { nodeAt, rangeOf } from '../json';
import { forSchema, jsonService } from '../jsonService';
import { DefinitionDocument } from './definitionDocument';
import { paramListAt } from './paramLists';
import { Definition } from './model';

export async function completeDefinition(parsed: DefinitionDocument, position: Position): Promise<CompletionList> {
  const doc = parsed.document;
  const offset = doc.offsetAt(position);
  const place = paramListAt(nodeAt(parsed.json.root, offset));
  if (place) {
    // Stryker disable next-line ArrayDeclaration: only a param of the placeholder's exact name could tell.
    const present = new Set(place.array.items.flatMap((i) => (i.type === 'string' && i !== place.item ? [i.value] : [])));
    const replace = place.item ? rangeOf(doc, place.item) : undefined;
    const items = declaredParams(parsed.definition)
      .filter((p) => !present.has(p.param))
      .map((p, i): CompletionItem => {
        const text = JSON.stringify(p.param);
        return {
          label: p.param,
          kind: CompletionItemKind.Value,
          detail: p.detail,
          sortText: String(i).padStart(4, '0'),
          ...(replace ? { textEdit: { range: replace, newText: text }, filterText: text } : { insertText: text }),
        };
      });
    return { isIncomplete: false, items };
  }
  const result = await jsonService().doComplete(forSchema(doc, 'definition'), position, parsed.json);
  // The JSON service answers a list for any position; its declared type allows none.
  // Stryker disable next-line ObjectLiteral,BooleanLiteral,ArrayDeclaration
  return result ?? { isIncomplete: false, items: [] };
}

interface DeclaredParam {
  param: string;
  detail: string;
}

/** Params the file declares: its schema entries (integration's and listener's), then other component params. */
function declaredParams(def: Definition): DeclaredParam[] {
  const result = new Map<string, DeclaredParam>();
  for (const [where, schema] of [['schema', def.schema], ['listener.schema', def.listener?.schema ?? []]] as const) {
    for (const s of schema) {
      if (!result.has(s.param)) {
        result.set(s.param, { param: s.param, detail: `${s.label ?? s.param}${s.password ? ' (password)' : ''}, from ${where}` });
      }
    }
  }
  for (const component of [def.endpoint, def.listener]) {
    if (!component) continue;
    for (const p of component.params) {
      if (!result.has(p.value)) result.set(p.value, { param: p.value, detail: `from ${component.kind}.params` });
    }
  }
  return [...result.values()];
}
