// Find references across the workspace: what a position names (in a definition, or a use in a
// flow), its declaration when asked for, and its uses in every flow of the workspace, open ones as
// edited, that resolve the name to the same definition.
import { Location, Position } from 'vscode-languageserver-types';
import type { LanguageService } from './languageService';
import { ReferenceTarget, declarationOf, referenceTargetAt } from './definitions/navigation';
import { Definition } from './definitions/model';
import { clampPosition } from './documents/textSafety';
import { normaliseUri } from './documents/uris';
import { flowReferenceTarget, flowReferences } from './flow/editing/features';
import { CancellationToken } from './workspace/fileAccess';

/** What a position names, with the definition that declares it. */
interface NamedAt {
  target: ReferenceTarget;
  definition: Definition;
}

function namedAt(service: LanguageService, uri: string, position: Position): NamedAt | undefined {
  const model = service.openModel(uri);
  if (model === undefined) return undefined;
  const at = clampPosition(model.source.document, position);
  switch (model.kind) {
    case 'definition': {
      const target = referenceTargetAt(model.definition, at);
      return target && { target, definition: model.definition.definition };
    }
    case 'flow':
    case 'pattern':
      return flowReferenceTarget(model.flow, at, service.contextFor(uri));
    default:
      return undefined;
  }
}

/** The uses of what a position names, after its declaration when `includeDeclaration`. */
export async function workspaceReferences(
  service: LanguageService,
  uri: string,
  position: Position,
  includeDeclaration: boolean,
  token?: CancellationToken,
): Promise<Location[]> {
  const named = namedAt(service, uri, position);
  if (named === undefined) return [];
  const { target, definition } = named;
  const declaration = includeDeclaration ? declarationOf(definition, target) : undefined;
  const result: Location[] = declaration ? [declaration] : [];
  const definitionKey = normaliseUri(definition.uri);
  const workspace = service.workspace;
  const flows = new Map<string, string>();
  for (const source of workspace.openDocuments()) if (source.kind === 'flow' || source.kind === 'pattern') flows.set(source.key, source.uri);
  for (const file of workspace.knownFiles('flow')) if (!flows.has(file.key)) flows.set(file.key, file.uri);
  for (const flowUri of flows.values()) {
    if (token?.isCancellationRequested) break;
    const source = await workspace.readFlow(flowUri);
    if (source === undefined) continue;
    // A flow that never spells the integration's name cannot use it: skip reading it. (A
    // pattern file might spell it with `\u` escapes inside a JSON string, so those are read.)
    const text = source.document.getText();
    if (!text.includes(target.type) && !text.includes('\\u')) continue;
    const flowModel = service.modelOf(source);
    if (flowModel.guard !== undefined || (flowModel.kind !== 'flow' && flowModel.kind !== 'pattern')) continue;
    // A flow in another folder may mean another definition of the same type.
    const meant = service.contextFor(source.uri).lookup(target.type);
    if (meant === undefined || normaliseUri(meant.uri) !== definitionKey) continue;
    for (const location of flowReferences(flowModel.flow, target)) result.push(location);
  }
  return result;
}
