// The in-process analysis context of W2, W3 and W5: the built-in definitions, default settings.
import { AnalysisContext, analysisContext } from '../../server/src/service/analysisContext';
import { loadBuiltinDefinitions } from '../../server/src/service/definitions/builtin';
import { DefinitionIndex } from '../../server/src/service/definitions/definitionIndex';
import { defaultSettings } from '../../server/src/service/settings';

export function builtinContext(uri: string): AnalysisContext {
  const index = new DefinitionIndex();
  index.setBuiltins(loadBuiltinDefinitions());
  return analysisContext(index, uri, defaultSettings);
}
