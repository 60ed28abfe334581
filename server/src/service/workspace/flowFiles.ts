// Every flow and payload of the workspace, open ones as edited and the rest as on disk, read a
// batch at a time: one after another, a workspace of thousands of files waits on the disk.
import { UriKey } from '../documents/uris';
import { CancellationToken } from './fileAccess';
import { SourceDocument } from './sourceDocument';
import type { Workspace } from './workspace';

/** How many flow files are read at once. */
const readsAtOnce = 32;

/** The flow and pattern files of the workspace: the open ones and those the scan found, by key. */
export function workspaceFlowFiles(workspace: Workspace): Map<UriKey, string> {
  const flows = new Map<UriKey, string>();
  for (const source of workspace.openDocuments()) if (source.kind === 'flow' || source.kind === 'pattern') flows.set(source.key, source.uri);
  for (const file of workspace.knownFiles('flow')) if (!flows.has(file.key)) flows.set(file.key, file.uri);
  return flows;
}

/** Calls `visit` with each readable flow file of `files`, in order, until cancelled. */
export async function forEachFlowFile(
  workspace: Workspace,
  files: ReadonlyMap<UriKey, string>,
  visit: (source: SourceDocument, key: UriKey) => void,
  token?: CancellationToken,
): Promise<void> {
  const entries = [...files];
  for (let i = 0; i < entries.length && !token?.isCancellationRequested; i += readsAtOnce) {
    const batch = entries.slice(i, i + readsAtOnce);
    const sources = await Promise.all(batch.map(([, uri]) => workspace.readFlow(uri)));
    sources.forEach((source, j) => {
      if (source !== undefined) visit(source, batch[j][0]);
    });
  }
}
