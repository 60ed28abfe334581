// A document as the service reads it: open in the editor (its unsaved text) or read from disk.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentKind, documentKind, languageIdOf } from '../documentKind';
import { UriKey, normaliseUri } from '../documents/uris';

export interface SourceDocument {
  /** The URI as the editor or the disk spells it: what answers carry back. */
  uri: string;
  /** The normalised URI: what maps are keyed by and comparisons use. */
  key: UriKey;
  kind: DocumentKind;
  document: TextDocument;
  /**
   * Bumped on every change the service is told of, across every document: a client may send one
   * version number twice, so cached answers are keyed by this, never by the version.
   */
  revision: number;
  open: boolean;
  /** The size on disk when the text was not read whole (a file over `cxengage.maxFileSize`). */
  bytes?: number;
  /** The file on disk begins with a byte order mark: its encoding, left out of the text as an editor does. */
  bom?: boolean;
}

/**
 * A document read from disk; `text` is empty for a file too large to read. `kind`: what the
 * workspace reads it as (a definition matched by custom globs need not be named like one).
 */
export function diskDocument(uri: string, text: string, revision: number, bytes?: number, kind: DocumentKind = documentKind(uri)): SourceDocument {
  const bom = text.charCodeAt(0) === 0xfeff;
  const document = TextDocument.create(uri, languageIdOf(kind), 0, bom ? text.slice(1) : text);
  return { uri, key: normaliseUri(uri), kind, document, revision, open: false, bytes, bom: bom || undefined };
}
