// Which of our file kinds a document is, by language id first and file name second.
export type DocumentKind = 'definition' | 'flow' | 'pattern' | 'other';

export const languageIds = {
  definition: 'cxengage-integration',
  flow: 'cxflow',
  pattern: 'cxengage-pattern',
} as const;

export function documentKind(uri: string, languageId?: string): DocumentKind {
  switch (languageId) {
    case languageIds.definition:
      return 'definition';
    case languageIds.flow:
      return 'flow';
    case languageIds.pattern:
      return 'pattern';
  }
  const path = uri.toLowerCase().split(/[?#]/)[0];
  if (path.endsWith('.integration.json')) return 'definition';
  if (path.endsWith('.cxflow')) return 'flow';
  if (path.endsWith('.pattern.json')) return 'pattern';
  return 'other';
}
