// The in-process language service of W1, W2, W3 and W5: open documents only, the built-in
// definitions, default settings; and an analysis context over the same.
import { AnalysisContext } from '../../server/src/service/analysisContext';
import { LanguageService } from '../../server/src/service/languageService';
import { defaultSettings } from '../../server/src/service/settings';
import { noFiles } from '../../server/src/service/workspace/fileAccess';

export function benchService(): LanguageService {
  return new LanguageService({ files: noFiles, settingsFor: () => defaultSettings });
}

export function builtinContext(uri: string): AnalysisContext {
  return benchService().contextFor(uri);
}
