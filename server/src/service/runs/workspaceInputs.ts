// The files around a run, read through the workspace: a file's text (or why there is none), a
// path relative to a file as a uri, the mocks beside an events file, the workspace's templates,
// and where each case of a test file sits in it.
import { getLanguageService } from 'vscode-json-languageservice';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import { URI, Utils } from 'vscode-uri';
import { InputProblem, MessageTemplate, readTemplate, TemplateSet, templateSet } from '../simulation';
import type { Workspace } from '../workspace/workspace';

/** The text of a file (an open document's unsaved text first), or why it cannot be had. */
export async function fileText(workspace: Workspace, uri: string): Promise<string | { error: string }> {
  const name = displayName(uri);
  if (!workspace.mayRead(uri) && workspace.opened(uri) === undefined) return { error: `cannot read ${name}: it is outside the workspace folders` };
  const source = await workspace.read(uri);
  if (source === undefined) return { error: `cannot read ${name}: no such file, or no permission` };
  if (source.bytes !== undefined) return { error: `${name} is larger than cxengage.maxFileSize (${source.bytes} bytes): not read` };
  return source.document.getText();
}

function displayName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}

/** A path written in a file (`../flows/a.cxflow`), as a uri beside that file. */
export function resolveUri(from: string, relative: string): string {
  return Utils.resolvePath(Utils.dirname(URI.parse(from)), relative).toString();
}

/** `<name>.mocks.json` beside `<name>.events.json(l)`, when it exists. */
export async function siblingMocks(workspace: Workspace, eventsUri: string): Promise<string | undefined> {
  const match = /\.events\.jsonl?$/i.exec(eventsUri);
  if (match === null) return undefined;
  const candidate = `${eventsUri.slice(0, match.index)}.mocks.json`;
  if (workspace.opened(candidate) !== undefined) return candidate;
  return workspace.mayRead(candidate) && (await workspace.read(candidate)) !== undefined ? candidate : undefined;
}

/** The `*.template.json` templates of the workspace, and the files that hold none. */
export async function templatesOf(workspace: Workspace): Promise<{ templates: TemplateSet; problems: InputProblem[] }> {
  const templates: MessageTemplate[] = [];
  const problems: InputProblem[] = [];
  for (const uri of (await workspace.findFiles(['**/*.template.json'])).sort()) {
    const text = await fileText(workspace, uri);
    const read = typeof text === 'string' ? readTemplate(text, displayName(uri)) : { problem: { source: 'templates' as const, message: text.error } };
    if (read.template) templates.push(read.template);
    if (read.problem) problems.push(read.problem);
  }
  return { templates: templateSet(templates), problems };
}

/** The JSON parser without schemas: only the file's shape is needed. */
const parser = getLanguageService({});

/** The range of each case object of a test file (the root object, or each object of a root array). */
export function caseRanges(uri: string, text: string): Range[] {
  const doc = TextDocument.create(uri, 'json', 0, text);
  const root = parser.parseJSONDocument(doc).root;
  const objects = root?.type === 'object' ? [root] : root?.type === 'array' ? root.items.filter((i) => i.type === 'object') : [];
  return objects.map((o) => ({ start: doc.positionAt(o.offset), end: doc.positionAt(o.offset + o.length) }));
}
