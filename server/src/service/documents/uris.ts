// Document URIs, normalised once: clients spell the same file differently (Neovim sends
// `proj%20(copy)`, VS Code `proj%20%28copy%29`), so every map and comparison uses the normal form.
import { URI } from 'vscode-uri';

/** A URI in vscode-uri's canonical spelling: the key of every per-document map. */
export type UriKey = string & { readonly normalised: unique symbol };

/** The canonical spelling of `uri`; a string vscode-uri cannot read stays as it is. */
export function normaliseUri(uri: string): UriKey {
  try {
    return URI.parse(uri).toString() as UriKey;
  } catch {
    return uri as UriKey;
  }
}

/** A folder's key, ending with `/` so that a prefix test never matches `proj2` for `proj`. */
export function folderKey(uri: string): UriKey {
  const key = normaliseUri(uri);
  return (key.endsWith('/') ? key : `${key}/`) as UriKey;
}

/** Whether `key` lies inside the folder `folder` (a `folderKey`). */
export function isInside(key: UriKey, folder: UriKey): boolean {
  return key.startsWith(folder) && key.length > folder.length;
}

/** The path of `key` relative to `folder`, decoded, with `/` separators (globs match against it). */
export function relativePath(folder: UriKey, key: UriKey): string {
  const folderPath = pathOf(folder);
  const path = pathOf(key);
  return path.startsWith(folderPath) ? path.slice(folderPath.length) : path;
}

/** The decoded path of a URI (never throws, unlike `decodeURIComponent` on a bad escape). */
export function pathOf(uri: string): string {
  try {
    return URI.parse(uri).path;
  } catch {
    return uri;
  }
}

/** A URI as a person reads it: relative to `folder` when inside it, else the file path. */
export function displayPath(uri: string, folder: UriKey | undefined): string {
  const key = normaliseUri(uri);
  if (folder !== undefined && isInside(key, folder)) return relativePath(folder, key);
  try {
    const parsed = URI.parse(uri);
    return parsed.scheme === 'file' ? parsed.path : parsed.toString(true);
  } catch {
    return uri;
  }
}
