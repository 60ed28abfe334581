// What an analysis of one document can see: the definitions and message templates visible from it
// and its settings.
import { DefinitionIndex, IndexScope } from './definitions/definitionIndex';
import { Definition } from './definitions/model';
import { Settings } from './settings';
import { TemplateIndex, TemplateLookup } from './templates/templateIndex';

export interface AnalysisContext {
  /** The definition a flow means by `type` (workspace first, else built-in), if any. */
  lookup(type: string): Definition | undefined;
  /** Every definition visible to the document, one per type. */
  visible(): Definition[];
  settings: Settings;
  /** The message templates visible to the document; absent where none are indexed (the simulator's own checks). */
  templates?: TemplateLookup;
  /** Changes whenever the index does: analyses cached against an older generation are stale. */
  generation: number;
}

export function analysisContext(index: DefinitionIndex, uri: string, settings: Settings, templates?: TemplateIndex): AnalysisContext {
  const scope: IndexScope = index.scopeFor(uri, settings.definitions.builtin);
  return {
    lookup: (type) => index.lookup(type, scope),
    visible: () => index.visible(scope),
    settings,
    templates: templates?.lookupFor(uri),
    // Both counters only grow: their sum changes whenever either index does.
    generation: index.generation + (templates?.generation ?? 0),
  };
}
