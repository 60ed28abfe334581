// Which of our file kinds a document is, by language id first and file name second.
import { pathOf } from './documents/uris';

export type DocumentKind = 'definition' | 'flow' | 'pattern' | 'template' | 'other';

export const languageIds = {
  definition: 'cxengage-integration',
  flow: 'cxflow',
  pattern: 'cxengage-pattern',
  template: 'cxengage-template',
} as const;

/** The kind of the document at `uri`; the name is read from the URI's decoded path, so `#` or `?` in a folder name do not cut it. */
export function documentKind(uri: string, languageId?: string): DocumentKind {
  switch (languageId) {
    case languageIds.definition:
      return 'definition';
    case languageIds.flow:
      return 'flow';
    case languageIds.pattern:
      return 'pattern';
    case languageIds.template:
      return 'template';
  }
  return kindOfName(pathOf(uri));
}

/** The kind a file name (or path) says. */
export function kindOfName(name: string): DocumentKind {
  const lower = name.toLowerCase();
  if (lower.endsWith('.integration.json')) return 'definition';
  if (lower.endsWith('.cxflow')) return 'flow';
  if (lower.endsWith('.pattern.json')) return 'pattern';
  if (lower.endsWith('.template.json')) return 'template';
  return 'other';
}

/** The language id a document of `kind` is given when read from disk. */
export function languageIdOf(kind: DocumentKind): string {
  return kind === 'other' ? 'plaintext' : languageIds[kind];
}
