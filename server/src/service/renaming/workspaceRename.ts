// Rename across the workspace: prepareRename says what a position names (or why it cannot be
// renamed), rename checks the new name and gathers one WorkspaceEdit: the definition that declares
// the name and every flow and payload of the workspace (open ones as edited, the rest as on disk)
// that means that definition by its type; a 4.2 variable within its document.
import { Position, Range, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { LanguageService } from '../languageService';
import { Definition } from '../definitions/model';
import { normaliseUri } from '../documents/uris';
import { CancellationToken } from '../workspace/fileAccess';
import { forEachFlowFile, workspaceFlowFiles } from '../workspace/flowFiles';
import { takenReason } from './conflicts';
import { declaredNameEdits, variableEdits } from './flowEdits';
import { invalidNameReason } from './newNames';
import { DeclaredName, Refusal, RenameTarget, currentName, isRefusal, renameTargetAt } from './renameTarget';

export interface RenameOptions {
  /** The client takes `documentChanges` (versioned edits) rather than a `changes` map. */
  documentChanges: boolean;
  token?: CancellationToken;
}

/** Where the editor edits the name under a position, and the name it starts from; or why not. */
export function prepareRename(service: LanguageService, uri: string, position: Position): { range: Range; placeholder: string } | Refusal {
  const target = renamable(service, uri, position);
  return isRefusal(target) ? target : { range: target.range, placeholder: target.placeholder };
}

function renamable(service: LanguageService, uri: string, position: Position): RenameTarget | Refusal {
  const target = renameTargetAt(service, uri, position);
  if (isRefusal(target) || target.subject.kind === 'variable') return target;
  const definition = target.subject.definition;
  if (definition.builtin || service.index.isBuiltinUri(definition.uri)) {
    return {
      refused:
        `\`${currentName(target.subject)}\` is declared by the built-in \`${target.subject.type}\` definition, which ships with the extension and cannot be renamed. ` +
        'A workspace definition of the same type can declare other names.',
    };
  }
  return target;
}

/** Edits by document, with the version of an open document (null for a file on disk). */
class EditsByDocument {
  private readonly byKey = new Map<string, { uri: string; version: number | null; edits: TextEdit[] }>();

  add(uri: string, version: number | null, edits: readonly TextEdit[]): void {
    if (edits.length === 0) return;
    const key = normaliseUri(uri);
    let entry = this.byKey.get(key);
    if (entry === undefined) this.byKey.set(key, (entry = { uri, version, edits: [] }));
    for (const edit of edits) entry.edits.push(edit);
  }

  workspaceEdit(documentChanges: boolean): WorkspaceEdit {
    if (documentChanges) {
      return { documentChanges: [...this.byKey.values()].map((e) => TextDocumentEdit.create({ uri: e.uri, version: e.version }, e.edits)) };
    }
    const changes: Record<string, TextEdit[]> = {};
    for (const e of this.byKey.values()) changes[e.uri] = e.edits;
    return { changes };
  }
}

/** The edits renaming what a position names to `newName`, or why the rename is refused. */
export async function rename(service: LanguageService, uri: string, position: Position, newName: string, options: RenameOptions): Promise<WorkspaceEdit | Refusal> {
  const target = renamable(service, uri, position);
  if (isRefusal(target)) return target;
  const subject = target.subject;
  const invalid = invalidNameReason(subject.kind, newName);
  if (invalid !== undefined) return { refused: invalid };
  const edits = new EditsByDocument();
  if (newName === currentName(subject)) return edits.workspaceEdit(options.documentChanges);
  const taken = takenReason(service, subject, newName);
  if (taken !== undefined) return { refused: taken };
  if (subject.kind === 'variable') {
    edits.add(subject.flow.uri, versionOf(service, subject.flow.uri), variableEdits(subject.region, subject.binding, newName));
    return edits.workspaceEdit(options.documentChanges);
  }
  edits.add(subject.definition.uri, versionOf(service, subject.definition.uri), definitionEdits(subject, newName));
  await addFlowEdits(service, subject, newName, edits, options.token);
  // Part of the workspace's edits would rename part of the uses: none at all.
  if (options.token?.isCancellationRequested) return { refused: 'The rename was cancelled.' };
  return edits.workspaceEdit(options.documentChanges);
}

function versionOf(service: LanguageService, uri: string): number | null {
  return service.workspace.opened(uri)?.document.version ?? null;
}

/** The declaration in the definition file; a type also where the endpoint and listener repeat it. */
function definitionEdits(name: DeclaredName, newName: string): TextEdit[] {
  const definition: Definition = name.definition;
  const newText = JSON.stringify(newName);
  switch (name.kind) {
    case 'integration': {
      const edits: TextEdit[] = [];
      for (const located of [definition.type, definition.endpoint?.type, definition.listener?.type]) {
        if (located?.value === name.type) edits.push({ range: located.range, newText });
      }
      return edits;
    }
    case 'message': {
      const message = definition.endpoint?.message(name.message ?? '');
      return message === undefined ? [] : [{ range: message.keyRange, newText }];
    }
    case 'field': {
      const field = definition.endpoint?.message(name.message ?? '')?.field(name.field ?? '');
      return field === undefined ? [] : [{ range: field.keyRange, newText }];
    }
  }
}

/** Every flow and payload of the workspace that means the definition by its type: its uses renamed. */
async function addFlowEdits(service: LanguageService, name: DeclaredName, newName: string, edits: EditsByDocument, token?: CancellationToken): Promise<void> {
  const workspace = service.workspace;
  const definitionKey = normaliseUri(name.definition.uri);
  const spelled = name.message ?? name.type;
  await forEachFlowFile(
    workspace,
    workspaceFlowFiles(workspace),
    (source) => {
      // A file that never spells the name cannot use it (a payload may spell it with `\u` escapes).
      const text = source.document.getText();
      if ((!text.includes(name.type) || !text.includes(spelled)) && !text.includes('\\u')) return;
      const model = service.modelOf(source);
      if (model.guard !== undefined || (model.kind !== 'flow' && model.kind !== 'pattern')) return;
      // A flow in another folder may mean another definition of the same type.
      const meant = service.contextFor(source.uri).lookup(name.type);
      if (meant === undefined || normaliseUri(meant.uri) !== definitionKey) return;
      edits.add(source.uri, source.open ? source.document.version : null, declaredNameEdits(model.flow, name, newName));
    },
    token,
  );
}
