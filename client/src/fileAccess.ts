// Answers the web worker server's file requests through the editor: `workspace.findFiles` for a
// scan (bounded by the server's limit, cancelled with the request), `workspace.fs` for reads, so
// every file system the editor has (`vscode-vfs:` in github.dev, `file:`, others) is reachable.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { FindFilesParams, FindFilesRequest, FindFilesResult, ReadFileParams, ReadFileRequest, StatRequest } from '../../server/src/fileAccessProtocol';
import type { FileStat, ReadResult } from '../../server/src/service/workspace/fileAccess';

/** Answers the server's file requests from now on, across restarts of the client, until disposed. */
export function registerFileAccess(client: BaseLanguageClient): vscode.Disposable {
  return vscode.Disposable.from(
    client.onRequest(FindFilesRequest, (params, token) => findFiles(params, token)),
    client.onRequest(ReadFileRequest, (params) => readFile(params)),
    client.onRequest(StatRequest, (params) => stat(vscode.Uri.parse(params.uri))),
  );
}

async function findFiles(params: FindFilesParams, token: vscode.CancellationToken): Promise<FindFilesResult> {
  const folder = vscode.Uri.parse(params.folder);
  try {
    const entry = await vscode.workspace.fs.stat(folder);
    if ((entry.type & vscode.FileType.Directory) === 0) return { files: [], refused: 'not a folder' };
  } catch (error) {
    return { files: [], refused: reason(error) };
  }
  const exclude = params.exclude.length === 0 ? null : params.exclude.length === 1 ? params.exclude[0] : `{${params.exclude.join(',')}}`;
  const found = new Set<string>();
  // One search per glob: a glob with braces of its own cannot be put inside another pair.
  for (const glob of params.include) {
    if (token.isCancellationRequested || found.size >= params.maxResults) break;
    const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, glob), exclude, params.maxResults - found.size, token);
    for (const uri of uris) found.add(uri.toString());
  }
  return { files: [...found] };
}

async function readFile(params: ReadFileParams): Promise<ReadResult> {
  const uri = vscode.Uri.parse(params.uri);
  try {
    const entry = await vscode.workspace.fs.stat(uri);
    if ((entry.type & vscode.FileType.File) === 0) return { kind: 'not-a-file' };
    if (entry.size > params.maxBytes) return { kind: 'too-large', bytes: entry.size };
    const bytes = await vscode.workspace.fs.readFile(uri);
    if (bytes.byteLength > params.maxBytes) return { kind: 'too-large', bytes: bytes.byteLength };
    return { kind: 'text', text: new TextDecoder('utf-8').decode(bytes), bytes: bytes.byteLength };
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return { kind: 'missing' };
    if (error instanceof vscode.FileSystemError && error.code === 'FileIsADirectory') return { kind: 'not-a-file' };
    return { kind: 'unreadable', reason: reason(error) };
  }
}

async function stat(uri: vscode.Uri): Promise<FileStat | null> {
  try {
    const entry = await vscode.workspace.fs.stat(uri);
    const kind = (entry.type & vscode.FileType.File) !== 0 ? 'file' : (entry.type & vscode.FileType.Directory) !== 0 ? 'directory' : 'other';
    return { kind, bytes: entry.size, mtime: entry.mtime };
  } catch {
    return null;
  }
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
