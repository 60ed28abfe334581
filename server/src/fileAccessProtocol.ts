// The requests by which a server with no disk of its own (the web worker build) reaches the
// workspace's files through the editor: find, read, stat. Declared once for server and client.
import { RequestType } from 'vscode-languageserver-protocol';
import type { FileStat, ReadResult } from './service/workspace/fileAccess';

export interface FindFilesParams {
  /** The workspace folder's uri. */
  folder: string;
  /** Folder-relative globs; a file matching any of them is wanted. */
  include: string[];
  /** Folder-relative globs of files and folders never wanted. */
  exclude: string[];
  /** Stop after this many files: the scan of a huge folder stays bounded. */
  maxResults: number;
}

export interface FindFilesResult {
  /** File uris under the folder. */
  files: string[];
  /** Why the folder could not be searched (refused, gone, not a folder); absent when it could. */
  refused?: string;
}

/** Files under a folder matching globs; the server cancels it (`$/cancelRequest`) when a newer scan starts. */
export const FindFilesRequest = new RequestType<FindFilesParams, FindFilesResult, void>('cxengage/findFiles');

export interface ReadFileParams {
  uri: string;
  /** Larger files are measured, not read. */
  maxBytes: number;
}

export const ReadFileRequest = new RequestType<ReadFileParams, ReadResult, void>('cxengage/readFile');

export interface StatParams {
  uri: string;
}

export const StatRequest = new RequestType<StatParams, FileStat | null, void>('cxengage/stat');
